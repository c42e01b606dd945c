import { describe, expect, it } from 'vitest';
import { displayDuration, displayTime, durationBetween, nowStamp } from './time';

describe('times', () => {
  it('shows the date, the time and the recorded offset', () => {
    expect(displayTime('2026-11-23T14:05:30+01:00')).toBe('2026-11-23 14:05:30 +01:00');
    expect(displayTime('2026-11-23T14:05:30.123-05:00')).toBe('2026-11-23 14:05:30 -05:00');
    expect(displayTime('2026-11-23T14:05:30Z')).toBe('2026-11-23 14:05:30 +00:00');
  });

  it('stamps now to the second with the local offset, readable as the same instant', () => {
    const now = new Date(2026, 10, 23, 14, 5, 30, 789);
    const stamp = nowStamp(now);
    expect(stamp).toMatch(/^2026-11-23T14:05:30[+-]\d{2}:\d{2}$/);
    expect(Date.parse(stamp)).toBe(now.getTime() - 789);
  });

  it('reads durations as a responder does', () => {
    expect(displayDuration(45_000)).toBe('45s');
    expect(displayDuration(12 * 60_000)).toBe('12m');
    expect(displayDuration(65 * 60_000)).toBe('1h 05m');
    expect(displayDuration(51 * 3_600_000)).toBe('2d 3h');
    expect(displayDuration(-5 * 60_000)).toBe('-5m');
    expect(durationBetween('2026-11-23T23:50:00+01:00', '2026-11-24T00:20:00+01:00')).toBe('30m');
    expect(durationBetween('2026-11-23T14:00:00+01:00', '2026-11-23T09:30:00-05:00')).toBe('1h 30m');
  });
});
