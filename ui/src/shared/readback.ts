// What reading a post-mortem into Debrief did, in one sentence: said by Browse when a
// post-mortem of the shared repository is opened here, and by the incident list when a file
// from this computer is read in.

import type { ReadBack } from '../ipc';

const COUNT = new Intl.NumberFormat('en');

/** `Read into a new incident: 4 timeline lines, 3 action items and 3 contributing factors.` */
export function describeReadBack(readBack: ReadBack): string {
  const count = (value: number, one: string) => `${COUNT.format(value)} ${value === 1 ? one : `${one}s`}`;
  const parts = [
    count(readBack.timeline_lines_added, 'timeline line'),
    ...(readBack.key_times_added > 0 ? [count(readBack.key_times_added, 'key time')] : []),
    count(readBack.action_items, 'action item'),
    count(readBack.contributing_factors, 'contributing factor'),
  ];
  const into = readBack.created ? 'a new incident' : readBack.incident;
  return `Read into ${into}: ${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}.`;
}
