// The incident list's part of the core: every incident here, starting one (live or kept
// private), the live incidents started on other laptops, to join, and reading in an earlier
// post-mortem from a file. Listing the live ones asks the shared repository, so it is work
// the list walks away from when it closes.

import type { Ipc } from '../ipc';
import type { Incident } from '../ipc/bindings';
import type { TaskIpc } from '../ipc/tasks';
import type { DropSubscription } from '../import/drops';

export type ListIpc = TaskIpc &
  Pick<Ipc, 'listIncidents' | 'createIncident' | 'joinableIncidents' | 'joinIncident' | 'importPostmortemFile'>;

/**
 * Files dropped on the list, heard through the desktop shell's drag-and-drop module, which is
 * loaded only once the list is up: the first frame does without it.
 */
export const subscribeDropsLater: DropSubscription = async (handler) =>
  (await import('../import/drops')).subscribeDrops(handler);

/** Whether a dropped file is one to read in as a post-mortem: Markdown, by its name. */
export function isMarkdownFile(path: string): boolean {
  return /\.(md|markdown|mdown|mkd)$/i.test(path.trim());
}

/** How often the list asks again which live incidents there are to join, while it is open. */
export const JOINABLE_EVERY_MS = 10_000;

/**
 * What an incident's badge says, and its class: an incident imported from a write-up that
 * never says when it ended is a past one, not open.
 */
export function statusBadge(incident: Pick<Incident, 'status' | 'written_up'>): { label: string; kind: string } {
  if (incident.written_up && incident.status !== 'resolved') return { label: 'imported', kind: 'written-up' };
  return { label: incident.status, kind: incident.status };
}
