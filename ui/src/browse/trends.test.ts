import { describe, expect, it } from 'vitest';
import type { PeriodStats } from '../ipc';
import { axisDuration, chooseUnit, describeSpread, describeTimeIn, fillPeriods, inUnit, shapeTrends } from './trends';

const none = { measured: 0, p25_s: null, median_s: null, p75_s: null, p90_s: null, comparable: false };

function measured(incidents: number, median: number) {
  return { measured: incidents, p25_s: median / 2, median_s: median, p75_s: median * 2, p90_s: median * 3, comparable: incidents >= 5 };
}

function period(name: string, incidents: number, detect: number | null, resolve: number | null = null): PeriodStats {
  return {
    period: name,
    incidents,
    time_to_detect: detect === null ? none : measured(incidents, detect),
    time_to_mitigate: none,
    time_to_resolve: resolve === null ? none : measured(incidents, resolve),
    time_in_incidents_s: resolve === null ? 0 : resolve * incidents,
    time_in_incidents_measured: resolve === null ? 0 : incidents,
    outside_working_hours: Math.min(1, incidents),
  };
}

describe('periods', () => {
  it('sorts months and fills the quiet ones with zero incidents and no times', () => {
    const filled = fillPeriods([period('2024-02', 1, 60), period('2023-11', 2, 120)], 'month');
    expect(filled.map((row) => row.period)).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(filled.map((row) => row.incidents)).toEqual([2, 0, 0, 1]);
    expect(filled[1].time_to_detect.median_s).toBeNull();
  });

  it('fills quarters across a year', () => {
    const filled = fillPeriods([period('2023-Q3', 1, null), period('2024-Q2', 1, null)], 'quarter');
    expect(filled.map((row) => row.period)).toEqual(['2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2']);
  });

  it('ignores periods it cannot read and answers nothing for nothing', () => {
    expect(fillPeriods([period('unknown', 1, null)], 'month')).toEqual([]);
    expect(fillPeriods([], 'quarter')).toEqual([]);
  });
});

describe('durations', () => {
  it('uses minutes up to three hours, hours beyond', () => {
    expect(chooseUnit([300, null, 3 * 3600])).toBe('minutes');
    expect(chooseUnit([300, 3 * 3600 + 1])).toBe('hours');
    expect(chooseUnit([null, null])).toBe('minutes');
  });

  it('converts seconds to one decimal and keeps gaps', () => {
    expect(inUnit(90, 'minutes')).toBe(1.5);
    expect(inUnit(5400, 'hours')).toBe(1.5);
    expect(inUnit(null, 'hours')).toBeNull();
  });

  it('labels axes and table cells readably', () => {
    expect(axisDuration(2.5, 'hours')).toBe('2.5 h');
    expect(axisDuration(45, 'minutes')).toBe('45 min');
    expect(describeSpread(measured(3, 720))).toBe('12m (middle half 6m–24m, n=3, too few to compare)');
    expect(describeSpread(measured(6, 720))).toBe('12m (middle half 6m–24m, n=6)');
    expect(describeSpread(none)).toBe('—');
    expect(describeTimeIn(period('2024-01', 2, 300, 5400))).toBe('3h 00m over 2 incidents');
    expect(describeTimeIn(period('2024-01', 2, 300))).toBe('—');
  });
});

describe('shaped for the plots', () => {
  it('gives aligned arrays: x, incidents and medians per series, with null gaps', () => {
    const shaped = shapeTrends([period('2024-01', 2, 300, 5400), period('2024-03', 1, 120)], 'month');
    expect(shaped.periods).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(shaped.x).toEqual([0, 1, 2]);
    expect(shaped.incidents).toEqual([2, 0, 1]);
    expect(shaped.unit).toBe('minutes');
    expect(shaped.detect).toEqual([5, null, 2]);
    expect(shaped.mitigate).toEqual([null, null, null]);
    expect(shaped.resolve).toEqual([90, null, null]);
  });

  it('gives each measure its middle half and the periods too thin to compare', () => {
    const shaped = shapeTrends([period('2024-01', 2, 300, 5400), period('2024-03', 6, 120)], 'month');
    expect(shaped.spreads.detect.low).toEqual([2.5, null, 1]);
    expect(shaped.spreads.detect.median).toEqual([5, null, 2]);
    expect(shaped.spreads.detect.high).toEqual([10, null, 4]);
    expect(shaped.spreads.detect.thin).toEqual(['2024-01']);
    expect(shaped.spreads.mitigate.thin).toEqual([]);
    expect(shaped.outsideHours).toEqual([1, 0, 1]);
  });

  it('switches every series to hours when one is long', () => {
    const shaped = shapeTrends([period('2024-Q1', 1, 1800, 36000)], 'quarter');
    expect(shaped.unit).toBe('hours');
    expect(shaped.detect).toEqual([0.5]);
    expect(shaped.resolve).toEqual([10]);
  });
});
