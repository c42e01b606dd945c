// Trend data as the plots and their table fallbacks need it: one row per period with
// no gaps between the first and the last (a quiet month is a zero, not a missing bar),
// counts per period, and the spread of the times to detect, mitigate and resolve (median
// and middle half, never a mean) in one unit readable at a glance. Pure functions, so the
// shaping is tested without a canvas.

import type { Period, PeriodStats, Spread } from '../ipc';
import { displayDuration } from '../shared/time';

/** One line (or the bars) of a plot. */
export interface PlotSeries {
  label: string;
  /** A CSS variable such as `--accent`, read when the plot is drawn. */
  color: string;
  values: (number | null)[];
  bars?: boolean;
  dash?: number[];
  /** Line width; thin lines edge a band. */
  width?: number;
}

/** A duration the trends show. */
export type Measure = 'detect' | 'mitigate' | 'resolve';

/** One duration across the periods, in the chosen unit: the median and the middle half. */
export interface SpreadSeries {
  low: (number | null)[];
  median: (number | null)[];
  high: (number | null)[];
  /** Periods whose figure rests on too few incidents to compare with another. */
  thin: string[];
}

export type DurationUnit = 'minutes' | 'hours';

export interface TrendData {
  by: Period;
  /** `2024-03` or `2024-Q1`, one per period, oldest first, none missing in between. */
  periods: string[];
  /** Index of each period, the x values the plots use. */
  x: number[];
  incidents: number[];
  /** Incidents that began outside working hours, per period. */
  outsideHours: number[];
  unit: DurationUnit;
  /** Medians in `unit`, null where no incident of the period measured it. */
  detect: (number | null)[];
  mitigate: (number | null)[];
  resolve: (number | null)[];
  spreads: Record<Measure, SpreadSeries>;
  /** The periods as the core gave them (gaps filled with empty ones), for the tables. */
  stats: PeriodStats[];
}

const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/** A period as a number that counts up by one per period, or null when it is not one. */
function ordinal(period: string, by: Period): number | null {
  const parts = (by === 'month' ? MONTH : QUARTER).exec(period);
  if (!parts) return null;
  const [year, within] = [Number(parts[1]), Number(parts[2])];
  return by === 'month' ? year * 12 + (within - 1) : year * 4 + (within - 1);
}

function periodName(value: number, by: Period): string {
  const per = by === 'month' ? 12 : 4;
  const year = Math.floor(value / per);
  const within = (value % per) + 1;
  return by === 'month' ? `${year}-${String(within).padStart(2, '0')}` : `${year}-Q${within}`;
}

const NOTHING: Spread = { measured: 0, p25_s: null, median_s: null, p75_s: null, p90_s: null, comparable: false };

function emptyPeriod(period: string): PeriodStats {
  return {
    period,
    incidents: 0,
    time_to_detect: NOTHING,
    time_to_mitigate: NOTHING,
    time_to_resolve: NOTHING,
    time_in_incidents_s: 0,
    time_in_incidents_measured: 0,
    outside_working_hours: 0,
  };
}

const PICK: Record<Measure, (row: PeriodStats) => Spread> = {
  detect: (row) => row.time_to_detect,
  mitigate: (row) => row.time_to_mitigate,
  resolve: (row) => row.time_to_resolve,
};

/** Sorted oldest first, with every period between the first and the last present. */
export function fillPeriods(stats: readonly PeriodStats[], by: Period): PeriodStats[] {
  const known = stats
    .map((row) => ({ row, at: ordinal(row.period, by) }))
    .filter((entry): entry is { row: PeriodStats; at: number } => entry.at !== null)
    .sort((a, b) => a.at - b.at);
  if (known.length === 0) return [];
  const byOrdinal = new Map(known.map(({ row, at }) => [at, row]));
  const filled: PeriodStats[] = [];
  for (let at = known[0].at; at <= known[known.length - 1].at; at += 1) {
    filled.push(byOrdinal.get(at) ?? emptyPeriod(periodName(at, by)));
  }
  return filled;
}

/** Hours once any median passes three hours, else minutes. */
export function chooseUnit(seconds: readonly (number | null)[]): DurationUnit {
  const longest = Math.max(0, ...seconds.filter((value): value is number => value !== null));
  return longest > 3 * 3600 ? 'hours' : 'minutes';
}

/** Seconds in `unit`, to one decimal; null stays null (a gap in the line). */
export function inUnit(seconds: number | null, unit: DurationUnit): number | null {
  if (seconds === null) return null;
  const value = seconds / (unit === 'hours' ? 3600 : 60);
  return Math.round(value * 10) / 10;
}

export function shapeTrends(stats: readonly PeriodStats[], by: Period): TrendData {
  const rows = fillPeriods(stats, by);
  const medians = (measure: Measure) => rows.map((row) => PICK[measure](row).median_s);
  const seconds = { detect: medians('detect'), mitigate: medians('mitigate'), resolve: medians('resolve') };
  // The unit fits the band's top too, so the middle half never runs off in a unit too small.
  const highs = rows.flatMap((row) => (['detect', 'mitigate', 'resolve'] as const).map((measure) => PICK[measure](row).p75_s));
  const unit = chooseUnit([...seconds.detect, ...seconds.mitigate, ...seconds.resolve, ...highs]);
  const spreadOf = (measure: Measure): SpreadSeries => ({
    low: rows.map((row) => inUnit(PICK[measure](row).p25_s, unit)),
    median: rows.map((row) => inUnit(PICK[measure](row).median_s, unit)),
    high: rows.map((row) => inUnit(PICK[measure](row).p75_s, unit)),
    thin: rows.filter((row) => PICK[measure](row).measured > 0 && !PICK[measure](row).comparable).map((row) => row.period),
  });
  return {
    by,
    periods: rows.map((row) => row.period),
    x: rows.map((_, index) => index),
    incidents: rows.map((row) => row.incidents),
    outsideHours: rows.map((row) => row.outside_working_hours),
    unit,
    detect: seconds.detect.map((value) => inUnit(value, unit)),
    mitigate: seconds.mitigate.map((value) => inUnit(value, unit)),
    resolve: seconds.resolve.map((value) => inUnit(value, unit)),
    spreads: { detect: spreadOf('detect'), mitigate: spreadOf('mitigate'), resolve: spreadOf('resolve') },
    stats: rows,
  };
}

/** The spread of one measure of a period, for the table. */
export function spreadOfRow(row: PeriodStats, measure: Measure): Spread {
  return PICK[measure](row);
}

/** A number on the duration axis: `45 min`, `2.5 h`. */
export function axisDuration(value: number, unit: DurationUnit): string {
  const rounded = Math.round(value * 10) / 10;
  return unit === 'hours' ? `${rounded} h` : `${rounded} min`;
}

/**
 * A spread for the tables: `12m (middle half 8m–20m, n=6)`, with a warning when the period has
 * too few incidents to compare, or `—` when nothing was measured. Never a mean.
 */
export function describeSpread(spread: Spread): string {
  if (spread.median_s === null) return '—';
  const show = (seconds: number) => displayDuration(seconds * 1000);
  const half =
    spread.p25_s === null || spread.p75_s === null ? '' : `middle half ${show(spread.p25_s)}–${show(spread.p75_s)}, `;
  const thin = spread.comparable ? '' : ', too few to compare';
  return `${show(spread.median_s)} (${half}n=${spread.measured}${thin})`;
}

/** Time spent in a period's incidents, start to resolved, added up: `3h 20m over 4 incidents`. */
export function describeTimeIn(row: PeriodStats): string {
  if (row.time_in_incidents_measured === 0) return '—';
  const over = row.time_in_incidents_measured === 1 ? '1 incident' : `${row.time_in_incidents_measured} incidents`;
  return `${displayDuration(row.time_in_incidents_s * 1000)} over ${over}`;
}
