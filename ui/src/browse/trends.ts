// Trend data as the plots and their table fallbacks need it: one row per period with
// no gaps between the first and the last (a quiet month is a zero, not a missing bar),
// counts per period, and median times to detect, mitigate and resolve in one unit
// readable at a glance. Pure functions, so the shaping is tested without a canvas.

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
}

export type DurationUnit = 'minutes' | 'hours';

export interface TrendData {
  by: Period;
  /** `2024-03` or `2024-Q1`, one per period, oldest first, none missing in between. */
  periods: string[];
  /** Index of each period, the x values the plots use. */
  x: number[];
  incidents: number[];
  unit: DurationUnit;
  /** Medians in `unit`, null where no incident of the period measured it. */
  detect: (number | null)[];
  mitigate: (number | null)[];
  resolve: (number | null)[];
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

const NOTHING: Spread = { measured: 0, median_s: null, p90_s: null };

function emptyPeriod(period: string): PeriodStats {
  return { period, incidents: 0, time_to_detect: NOTHING, time_to_mitigate: NOTHING, time_to_resolve: NOTHING };
}

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
  const medians = (pick: (row: PeriodStats) => Spread) => rows.map((row) => pick(row).median_s);
  const seconds = {
    detect: medians((row) => row.time_to_detect),
    mitigate: medians((row) => row.time_to_mitigate),
    resolve: medians((row) => row.time_to_resolve),
  };
  const unit = chooseUnit([...seconds.detect, ...seconds.mitigate, ...seconds.resolve]);
  return {
    by,
    periods: rows.map((row) => row.period),
    x: rows.map((_, index) => index),
    incidents: rows.map((row) => row.incidents),
    unit,
    detect: seconds.detect.map((value) => inUnit(value, unit)),
    mitigate: seconds.mitigate.map((value) => inUnit(value, unit)),
    resolve: seconds.resolve.map((value) => inUnit(value, unit)),
    stats: rows,
  };
}

/** A number on the duration axis: `45 min`, `2.5 h`. */
export function axisDuration(value: number, unit: DurationUnit): string {
  const rounded = Math.round(value * 10) / 10;
  return unit === 'hours' ? `${rounded} h` : `${rounded} min`;
}

/** A spread for the table: `12m (p90 1h 05m, 4 measured)`, or `—` when nothing was measured. */
export function describeSpread(spread: Spread): string {
  if (spread.median_s === null) return '—';
  const p90 = spread.p90_s === null ? '' : `, p90 ${displayDuration(spread.p90_s * 1000)}`;
  return `${displayDuration(spread.median_s * 1000)} (${spread.measured} measured${p90})`;
}
