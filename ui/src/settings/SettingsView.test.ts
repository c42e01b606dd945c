import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { IpcError } from '../ipc';
import type { RepositoryOverview } from '../ipc';
import { FakeSettings, OVERVIEW } from '../fakes/settings';
import { settle } from '../fakes/settle';
import SettingsView from './SettingsView.svelte';

async function settingsView() {
  const fake = new FakeSettings();
  const onback = vi.fn();
  render(SettingsView, { onback, api: fake.api() });
  await settle();
  const url = screen.getByLabelText('Shared repository URL') as HTMLInputElement;
  return { fake, url, onback };
}

describe('the settings view', () => {
  it('shows the repository, identity, queue, template and rules with where they come from', async () => {
    const { url } = await settingsView();
    expect(document.activeElement).toBe(url);
    expect(url.value).toBe(OVERVIEW.url);
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Alice');
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('');
    expect(screen.getByText(OVERVIEW.local_copy).tagName).toBe('CODE');

    const queue = screen.getByRole('table');
    expect(queue.querySelector('tbody tr')?.textContent?.replace(/\s+/g, ' ')).toBe(
      '2026-11-24 09:15:00 +01:00mainPost-mortem: Checkout latency',
    );

    const template = screen.getByRole('region', { name: 'Post-mortem template' });
    expect(template.textContent).toContain('from the shared repository');
    expect([...template.querySelectorAll('li')].map((item) => item.textContent)).toEqual(OVERVIEW.template_sections);

    const rules = screen.getByRole('region', { name: 'Wording rules' });
    expect(rules.textContent).toContain("Debrief's default");
    expect(rules.querySelector('pre')?.textContent).toBe(OVERVIEW.lint_rules);
  });

  it("names the repository's own template when it has none of Debrief's", async () => {
    const fake = new FakeSettings();
    fake.overview = { ...OVERVIEW, team_template: false, own_template: 'PMyyyy-nnn - Postmortem template.md' };
    render(SettingsView, { onback: vi.fn(), api: fake.api() });
    await settle();
    const template = screen.getByRole('region', { name: 'Post-mortem template' });
    expect(template.textContent).toContain("Debrief's default");
    expect(template.textContent).toContain('The repository keeps its own template, PMyyyy-nnn - Postmortem template.md.');
  });

  it('saves a new URL, and shows the refusal of one with a password as it is', async () => {
    const { fake, url } = await settingsView();
    await fireEvent.input(url, { target: { value: 'https://bob:hunter2@git.example.com/pm.git' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('The repository URL is not valid: it holds a password.');

    await fireEvent.input(url, { target: { value: '  git@example.com:team/pm.git ' } });
    expect(screen.queryByRole('alert')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(fake.calls.at(-1)).toEqual(['setRepositoryUrl', 'git@example.com:team/pm.git']);
    expect(url.value).toBe('git@example.com:team/pm.git');
    expect(screen.getByText('Saved.')).toBeTruthy();
  });

  it('tests the connection, with progress, and says what happened and what to do', async () => {
    const { fake } = await settingsView();
    await fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await settle();
    expect(screen.getByRole('status').textContent).toContain('Trying the shared repository…');
    expect((screen.getByRole('button', { name: 'Test connection' }) as HTMLButtonElement).disabled).toBe(true);

    fake.tests.shift()?.({
      reachable: false,
      summary: 'git.example.com refused the ssh key.',
      advice: 'Add your key to ssh-agent with ssh-add, then test again.',
    });
    await settle();
    const outcome = screen.getByRole('status');
    expect(outcome.className).toContain('unreachable');
    expect(outcome.textContent).toContain('Not reachable. git.example.com refused the ssh key.');
    expect(outcome.textContent).toContain('Add your key to ssh-agent with ssh-add, then test again.');

    await fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await settle();
    fake.tests.shift()?.({ reachable: true, summary: 'Publishes will be pushed to main.', advice: null });
    await settle();
    expect(screen.getByRole('status').className).toContain('reachable');
    expect(screen.getByRole('status').textContent?.trim()).toBe('Reachable. Publishes will be pushed to main.');
  });

  it('abandons a connection test still running when the view closes', async () => {
    const { fake } = await settingsView();
    await fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await settle();
    const ticket = fake.calls.find(([command]) => command === 'testConnection')?.[1];
    expect(ticket).toBeTypeOf('number');
    cleanup();
    expect(fake.tasks.cancelled).toEqual([ticket]);
  });

  it('sets up a new shared repository and says what it wrote and what comes next', async () => {
    const { fake } = await settingsView();
    await fireEvent.input(screen.getByLabelText('Folder for the repository'), { target: { value: '/home/alice/postmortems' } });
    await fireEvent.click(screen.getByLabelText('Also a GitLab CI job'));
    await fireEvent.click(screen.getByRole('button', { name: 'Set up' }));
    await settle();
    expect(fake.calls.at(-1)).toEqual(['setUpRepository', '/home/alice/postmortems', true]);
    const status = screen.getByText(/^Committed 9 files\./).closest('[role="status"]');
    expect(status?.textContent).toContain('.gitlab-ci.yml');
    expect(status?.textContent).toContain('Next: push it to your git host, then save its URL above.');
  });

  it('says when drafts start from the template the repository already kept', async () => {
    const { fake } = await settingsView();
    fake.teamsOwnTemplate = 'docs/postmortem-template.md';
    await fireEvent.input(screen.getByLabelText('Folder for the repository'), { target: { value: '/home/alice/postmortems' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Set up' }));
    await settle();
    expect(screen.getByRole('status').textContent).toContain(
      'Drafts start from your own template, docs/postmortem-template.md, written to .debrief/template.md.',
    );
  });

  it('says why a repository could not be set up', async () => {
    await settingsView();
    await fireEvent.input(screen.getByLabelText('Folder for the repository'), { target: { value: 'relative' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Set up' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('could not be set up as a shared repository');
  });

  it('saves the identity, blank clearing it', async () => {
    const { fake } = await settingsView();
    await fireEvent.input(screen.getByLabelText('Name'), { target: { value: ' ' } });
    await fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'ops@example.com' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save identity' }));
    await settle();
    expect(fake.calls.at(-1)).toEqual(['setIdentity', '', 'ops@example.com']);
    expect(screen.getByText('Saved.')).toBeTruthy();
  });

  it('shows a failure to read the settings, and goes back', async () => {
    const fake = new FakeSettings();
    const api = fake.api();
    api.repositoryOverview = async () => {
      throw new IpcError('config', 'The configuration file could not be read: line 3 is not TOML.');
    };
    const onback = vi.fn();
    render(SettingsView, { onback, api });
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('line 3 is not TOML.');
    await fireEvent.click(screen.getByRole('button', { name: '← Incidents' }));
    expect(onback).toHaveBeenCalled();
  });

  it('keeps a URL typed while the settings were still being read', async () => {
    const fake = new FakeSettings();
    let answer: (overview: RepositoryOverview) => void = () => {};
    const api = { ...fake.api(), repositoryOverview: () => new Promise<RepositoryOverview>((resolve) => (answer = resolve)) };
    render(SettingsView, { onback: () => {}, api });
    const field = screen.getByLabelText('Shared repository URL') as HTMLInputElement;
    await fireEvent.input(field, { target: { value: 'file:///srv/git/postmortems.git' } });
    answer({ ...OVERVIEW, url: null });
    await settle();
    expect(field.value).toBe('file:///srv/git/postmortems.git');
    expect(screen.getByText('Local copy')).toBeTruthy();
  });
});
