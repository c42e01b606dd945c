// The incident list's part of the core: every incident here, starting one (live or kept
// private), and the live incidents started on other laptops, to join. Listing those asks
// the shared repository, so it is work the list walks away from when it closes.

import type { Ipc } from '../ipc';
import type { TaskIpc } from '../ipc/tasks';

export type ListIpc = TaskIpc & Pick<Ipc, 'listIncidents' | 'createIncident' | 'joinableIncidents' | 'joinIncident'>;

/** How often the list asks again which live incidents there are to join, while it is open. */
export const JOINABLE_EVERY_MS = 10_000;
