import { describe, expect, it } from 'vitest';
import { FACTORS_BY_MONTH } from '../fakes/browse';
import type { FactorTrends } from '../ipc';
import { MOST_PLOTTED, NO_THEME, anyFactors, factorSeries, incidentsBehind, namedThemes } from './factors';

describe('factor trends', () => {
  it('names the themes incidents name, most first, the list order breaking ties', () => {
    expect(namedThemes(FACTORS_BY_MONTH).map((theme) => theme.theme)).toEqual(['capacity', 'detection', 'third-party']);
  });

  it('plots a line per named theme, or the chosen theme alone as bars', () => {
    const lines = factorSeries(FACTORS_BY_MONTH, null);
    expect(lines.map((line) => [line.label, line.color, line.bars ?? false])).toEqual([
      ['capacity', '--series-1', false],
      ['detection', '--series-2', false],
      ['third-party', '--series-3', false],
    ]);
    expect(lines[0].values).toEqual([1, 0, 1]);
    const chosen = factorSeries(FACTORS_BY_MONTH, 'third-party');
    expect(chosen).toEqual([{ label: 'third-party', color: '--series-1', values: [1, 0, 0], bars: true }]);
    // The factors without a theme have no line of their own: the plot shows the named themes.
    expect(factorSeries(FACTORS_BY_MONTH, NO_THEME)).toHaveLength(3);
  });

  it('plots no more lines than it has colours for', () => {
    const many: FactorTrends = {
      ...FACTORS_BY_MONTH,
      themes: Array.from({ length: MOST_PLOTTED + 3 }, (_, index) => ({
        theme: `theme-${index}`,
        description: null,
        incidents: index + 1,
        per_period: [index + 1, 0, 0],
        behind: [],
      })),
    };
    const lines = factorSeries(many, null);
    expect(lines).toHaveLength(MOST_PLOTTED);
    expect(lines[0].label).toBe(`theme-${MOST_PLOTTED + 2}`);
  });

  it('finds the incidents behind a theme, and those whose factors name none', () => {
    expect(incidentsBehind(FACTORS_BY_MONTH, 'capacity').map((incident) => incident.title)).toEqual([
      'Checkout latency on eu-west',
      'Queue backlog',
    ]);
    expect(incidentsBehind(FACTORS_BY_MONTH, NO_THEME)[0].factors).toEqual(['Nobody had run a failover']);
    expect(incidentsBehind(FACTORS_BY_MONTH, 'weather')).toEqual([]);
  });

  it('knows when no post-mortem lists a factor', () => {
    expect(anyFactors(FACTORS_BY_MONTH)).toBe(true);
    const none: FactorTrends = {
      periods: [],
      themes: FACTORS_BY_MONTH.themes.map((theme) => ({ ...theme, incidents: 0, per_period: [], behind: [] })),
      unthemed: [],
    };
    expect(anyFactors(none)).toBe(false);
  });
});
