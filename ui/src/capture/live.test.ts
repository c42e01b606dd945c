import { describe, expect, it } from 'vitest';
import type { Entry, LiveResponder } from '../ipc';
import { INCIDENT } from '../fakes/capture';
import { fromElsewhere, isCommander, sharingSummary, whoIsHere } from './live';

const NOW = Date.parse('2026-11-23T14:10:00+01:00');

function entry(id: number, extra: Partial<Entry>): Entry {
  return {
    id,
    incident: INCIDENT.id,
    at: '2026-11-23T14:05:00+01:00',
    recorded_at: '2026-11-23T14:05:00+01:00',
    who: null,
    kind: 'note',
    text: 'a line',
    source: 'app',
    history: [],
    author: null,
    proposed: false,
    ...extra,
  };
}

function responder(name: string, lastHeardAt: string | null): LiveResponder {
  return { id: name.toLowerCase(), name, last_heard_at: lastHeardAt };
}

describe('live incidents in the capture view', () => {
  it('marks the lines taken in from another laptop, not this laptop’s own', () => {
    expect(fromElsewhere(entry(1, { source: 'live:Bo', author: 'Bo' }))).toBe(true);
    expect(fromElsewhere(entry(2, { source: 'app', author: 'Ana' }))).toBe(false);
    // A proposal accepted here is this laptop's own mark.
    expect(fromElsewhere(entry(3, { source: 'live', author: 'Ana' }))).toBe(false);
  });

  it('counts as here those heard from in the last five minutes, by their clock', () => {
    const { here, earlier } = whoIsHere(
      [
        responder('Bo', '2026-11-23T14:09:30+01:00'),
        // A clock a little ahead of this one is still here.
        responder('Cy', '2026-11-23T13:10:30Z'),
        responder('Di', '2026-11-23T14:04:59+01:00'),
        responder('Ed', null),
      ],
      NOW,
    );
    expect(here.map((one) => one.name)).toEqual(['Bo', 'Cy']);
    expect(earlier.map((one) => one.name)).toEqual(['Di', 'Ed']);
  });

  it('says whether every line of this laptop is shared', () => {
    expect(sharingSummary(0)).toBe('All shared');
    expect(sharingSummary(1)).toBe('1 line not shared yet');
    expect(sharingSummary(3)).toBe('3 lines not shared yet');
  });

  it('knows the commander by name, ignoring case and spaces as the core does', () => {
    const commanded = { ...INCIDENT, commander: ' Ana ' };
    expect(isCommander(commanded, 'ana')).toBe(true);
    expect(isCommander(commanded, 'Bo')).toBe(false);
    expect(isCommander(commanded, null)).toBe(false);
    expect(isCommander(INCIDENT, 'Ana')).toBe(false);
    expect(isCommander(null, 'Ana')).toBe(false);
  });
});
