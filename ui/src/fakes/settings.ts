// A stand-in for the settings view's part of Rust: the repository overview, the settings
// it saves, and connection tests that answer only when the test says so.

import { IpcError } from '../ipc';
import type { ConnectionTest, RepositoryOverview, StarterReport } from '../ipc';
import type { SettingsIpc } from '../settings/settings.svelte';
import { FakeTasks } from './tasks';

export const OVERVIEW: RepositoryOverview = {
  url: 'https://git.example.com/team/postmortems.git',
  branch: 'main',
  identity_name: 'Alice',
  identity_email: null,
  local_copy: '/home/alice/.local/share/debrief/shared',
  queued: [
    {
      branch: 'main',
      commit: 'c0ffee',
      incident: '2026-11-23-checkout-latency',
      summary: 'Post-mortem: Checkout latency',
      committed_at: '2026-11-24T09:15:00+01:00',
    },
  ],
  template_sections: ['Summary', 'Impact', 'Timeline', 'Action items'],
  team_template: true,
  own_template: null,
  lint_rules: '# Debrief wording rules\n[rules]\ncounterfactual = "error"\n',
  team_lint_rules: false,
};

export class FakeSettings {
  calls: [string, ...unknown[]][] = [];
  overview: RepositoryOverview = { ...OVERVIEW };
  tests: ((answer: ConnectionTest) => void)[] = [];
  tasks = new FakeTasks();
  /** The post-mortem template the folder being set up already keeps, if any. */
  teamsOwnTemplate: string | null = null;

  api(): SettingsIpc {
    return {
      ...this.tasks.api(),
      repositoryOverview: async () => {
        this.calls.push(['repositoryOverview']);
        return this.overview;
      },
      setRepositoryUrl: async (url: string) => {
        this.calls.push(['setRepositoryUrl', url]);
        if (/\/\/[^/]*:[^/]*@/.test(url)) {
          throw new IpcError('invalid-input', 'The repository URL is not valid: it holds a password.');
        }
        this.overview = { ...this.overview, url };
        return this.overview;
      },
      setIdentity: async (name: string, email: string) => {
        this.calls.push(['setIdentity', name, email]);
        this.overview = { ...this.overview, identity_name: name || null, identity_email: email || null };
        return this.overview;
      },
      setUpRepository: async (directory: string, gitlab: boolean): Promise<StarterReport> => {
        this.calls.push(['setUpRepository', directory, gitlab]);
        if (!directory.startsWith('/')) {
          throw new IpcError('repository-setup', `${directory} could not be set up as a shared repository: not a full path.`);
        }
        const written = ['README.md', '.gitattributes', '.debrief/template.md', '.debrief/lint.toml', '.debrief/policy.toml', '.debrief/factors.toml', '.pre-commit-config.yaml', '.github/workflows/postmortems.yml'];
        if (gitlab) written.push('.gitlab-ci.yml');
        return {
          directory,
          created_repository: this.teamsOwnTemplate === null,
          written,
          kept: [],
          commit: 'a1b2c3d4',
          template_from: this.teamsOwnTemplate,
        };
      },
      testConnection: (task: number | null) => {
        this.calls.push(['testConnection', task]);
        return new Promise((resolve) => this.tests.push(resolve));
      },
    };
  }
}
