// The settings view's part of the core: where publishes go, who commits them, what
// waits to be pushed, and which template and wording rules the team keeps.

import type { Ipc } from '../ipc';

export type SettingsIpc = Pick<Ipc, 'repositoryOverview' | 'setRepositoryUrl' | 'setIdentity' | 'testConnection'>;

/** Where a template or rule set comes from, as the settings view says it. */
export function origin(fromTeam: boolean): string {
  return fromTeam ? 'from the shared repository' : "Debrief's default";
}
