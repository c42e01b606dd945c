// The settings view's part of the core: where publishes go, who commits them, what
// waits to be pushed, which template and wording rules the team keeps, and a new shared
// repository set up in one step. A connection
// test still running when the view closes is abandoned.

import type { Ipc } from '../ipc';
import type { TaskIpc } from '../ipc/tasks';

export type SettingsIpc = TaskIpc &
  Pick<Ipc, 'repositoryOverview' | 'setRepositoryUrl' | 'setIdentity' | 'testConnection' | 'setUpRepository'>;

/** Where a template or rule set comes from, as the settings view says it. */
export function origin(fromTeam: boolean): string {
  return fromTeam ? 'from the shared repository' : "Debrief's default";
}
