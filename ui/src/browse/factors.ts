// Contributing-factor trends as the Factors view needs them: which themes incidents name,
// the lines (or, for one chosen theme, the bars) the plot draws, and the incidents behind a
// theme. Pure functions, so the shaping is tested without a canvas.

import type { FactorIncident, FactorTrends, ThemeTrend } from '../ipc';
import type { PlotSeries } from './trends';

/** Colours for the plot's lines, CSS variables that follow light and dark mode. */
export const SERIES_COLORS = ['--series-1', '--series-2', '--series-3', '--series-4', '--series-5', '--series-6'];

/** More lines than this do not read; the table below the plot has every theme. */
export const MOST_PLOTTED = SERIES_COLORS.length;

/** The chosen theme meaning the factors that name none. */
export const NO_THEME = '';

/** Themes at least one incident names, most incidents first; ties keep the list's order. */
export function namedThemes(trends: FactorTrends): ThemeTrend[] {
  return trends.themes
    .map((theme, place) => ({ theme, place }))
    .filter(({ theme }) => theme.incidents > 0)
    .sort((a, b) => b.theme.incidents - a.theme.incidents || a.place - b.place)
    .map(({ theme }) => theme);
}

/**
 * What the plot draws: the chosen theme's incidents per period as bars, or, with none
 * chosen, a line for each of the most named themes.
 */
export function factorSeries(trends: FactorTrends, chosen: string | null): PlotSeries[] {
  const picked = chosen === null ? undefined : trends.themes.find((theme) => theme.theme === chosen);
  if (picked) {
    return [{ label: picked.theme, color: SERIES_COLORS[0], values: picked.per_period, bars: true }];
  }
  return namedThemes(trends)
    .slice(0, MOST_PLOTTED)
    .map((theme, index) => ({ label: theme.theme, color: SERIES_COLORS[index], values: theme.per_period, width: 2 }));
}

/** The incidents behind a theme (`NO_THEME`: the factors without one), newest first. */
export function incidentsBehind(trends: FactorTrends, chosen: string): FactorIncident[] {
  if (chosen === NO_THEME) return trends.unthemed;
  return trends.themes.find((theme) => theme.theme === chosen)?.behind ?? [];
}

/** `2 incidents`, `1 incident`. */
export function incidents(count: number): string {
  return count === 1 ? '1 incident' : `${count} incidents`;
}

/** Whether any post-mortem lists a factor at all. */
export function anyFactors(trends: FactorTrends): boolean {
  return trends.unthemed.length > 0 || trends.themes.some((theme) => theme.incidents > 0);
}
