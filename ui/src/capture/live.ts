// What the capture view shows of a live incident, decided once here: which lines came from
// another responder's laptop, who is here, whether this laptop's lines are all shared, and
// whether this laptop is the commander's.

import type { Entry, Incident, LiveResponder } from '../ipc';

/** Responders heard from within this long count as here; the rest were here earlier. */
export const HERE_WITHIN_MS = 5 * 60_000;

/**
 * Whether the line was taken in from another responder's log. The core records such lines
 * with the source `live:<their name>`; this laptop's own lines keep `app`, `cli` or `live`
 * (a proposal accepted here), even though they carry this laptop's name as author too.
 */
export function fromElsewhere(entry: Entry): boolean {
  return entry.source.startsWith('live:');
}

/** The others, split into those heard from in the last few minutes and those heard from before. */
export function whoIsHere(
  responders: LiveResponder[],
  now: number = Date.now(),
): { here: LiveResponder[]; earlier: LiveResponder[] } {
  const here: LiveResponder[] = [];
  const earlier: LiveResponder[] = [];
  for (const responder of responders) {
    const heard = responder.last_heard_at === null ? Number.NaN : Date.parse(responder.last_heard_at);
    // Their clock, not ours: a laptop a little ahead still counts as here.
    (now - heard <= HERE_WITHIN_MS ? here : earlier).push(responder);
  }
  return { here, earlier };
}

/** Whether the others have every line of this laptop, in the words the strip uses. */
export function sharingSummary(unshared: number): string {
  if (unshared === 0) return 'All shared';
  return `${unshared} ${unshared === 1 ? 'line' : 'lines'} not shared yet`;
}

/**
 * Whether this laptop is the commander's: the name the others see for it is the incident's
 * commander, compared as the core compares them when it decides what is a proposal.
 */
export function isCommander(incident: Incident | null, me: string | null): boolean {
  // The core ignores the case of ASCII letters only.
  const folded = (name: string) => name.trim().replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  const commander = incident?.commander;
  return !!commander && me !== null && folded(commander) === folded(me);
}
