// What the browse view knows: the last sync with the shared repository, the search
// being typed and its answer, the post-mortem being read, open action items (each, and
// rolled up per owner), "on this day", the trends, and incidents per contributing-factor theme. Searching never waits for a sync: it answers from what is
// indexed, and answers to queries typed over are dropped so results never go back in time.

import { asIpcError, ipc as defaultIpc } from '../ipc';
import { Abandonable, isCancelled } from '../ipc/tasks';
import type { TaskIpc } from '../ipc/tasks';
import type {
  FactorTrends,
  Ipc,
  IndexedAction,
  IpcError,
  OwnerRollup,
  Period,
  PeriodStats,
  SafeHtml,
  SearchHit,
  SearchQuery,
  SyncReport,
  Timing,
} from '../ipc';

export type BrowseIpc = TaskIpc &
  Pick<
    Ipc,
    | 'syncSharedRepository'
    | 'search'
    | 'readPostmortem'
    | 'openActionItems'
    | 'ownerRollup'
    | 'onThisDay'
    | 'trends'
    | 'factorTrends'
  >;

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'] as const;
export const KINDS = [
  { value: 'unscheduled', label: 'Unscheduled' },
  { value: 'scheduled', label: 'Scheduled' },
  { value: 'game-day', label: 'Game day' },
] as const;

/** How long typing must pause before a search runs. */
export const SEARCH_DELAY_MS = 120;
export const SEARCH_LIMIT = 50;

export interface Filters {
  text: string;
  severity: string;
  kind: string;
  service: string;
  tag: string;
  /** `YYYY-MM-DD` or empty. */
  since: string;
  until: string;
}

export const NO_FILTERS: Filters = { text: '', severity: '', kind: '', service: '', tag: '', since: '', until: '' };

/** The query the core gets: blank fields left out, text and names trimmed. */
export function toQuery(filters: Filters, limit: number = SEARCH_LIMIT): SearchQuery {
  const query: SearchQuery = { text: filters.text.trim(), limit };
  const optional = ['severity', 'kind', 'service', 'tag', 'since', 'until'] as const;
  for (const key of optional) {
    const value = filters[key].trim();
    if (value !== '') query[key] = value;
  }
  return query;
}

const COUNT = new Intl.NumberFormat('en');

export function formatCount(value: number): string {
  return COUNT.format(value);
}

/** One line on what the last sync did: `1,234 post-mortems · up to date`. */
export function describeSync(report: SyncReport): string {
  const documents = `${formatCount(report.documents)} ${report.documents === 1 ? 'post-mortem' : 'post-mortems'}`;
  if (report.offline !== null) return `Offline: ${report.offline}; showing this laptop's copy`;
  const elsewhere = report.markdown_elsewhere[0];
  if (report.documents === 0 && elsewhere) {
    // None where Debrief looks: point at where the Markdown is, and the setting that names it.
    const folders = report.markdown_elsewhere.map((place) => `${place.folder} (${formatCount(place.count)})`).join(', ');
    return `No post-mortems where Debrief looks; Markdown files are in ${folders}: if the team keeps its post-mortems there, set postmortem_paths = ["${elsewhere.folder}**", "incidents/**"] in the settings file (debrief config shows where)`;
  }
  if (report.rebuilt) return `${documents} · index rebuilt`;
  const changes = [
    report.indexed > 0 ? `${formatCount(report.indexed)} new or changed` : '',
    report.removed > 0 ? `${formatCount(report.removed)} removed` : '',
  ].filter(Boolean);
  return `${documents} · ${changes.length > 0 ? changes.join(', ') : 'up to date'}`;
}

export interface Reading {
  path: string;
  title: string;
  /** The incident id, when known (for opening its timeline). */
  id: string | null;
  page: SafeHtml | null;
  error: IpcError | null;
}

export class BrowseSession {
  filters = $state<Filters>({ ...NO_FILTERS });
  hits = $state.raw<SearchHit[]>([]);
  /** True once the first answer arrived (so "no match" is not shown before it). */
  searched = $state(false);
  searching = $state(false);
  searchError = $state.raw<IpcError | null>(null);

  syncing = $state(false);
  syncReport = $state.raw<SyncReport | null>(null);
  syncError = $state.raw<IpcError | null>(null);

  reading = $state.raw<Reading | null>(null);

  actions = $state.raw<IndexedAction[] | null>(null);
  /** The same items per owner: open, overdue, and the oldest overdue. */
  owners = $state.raw<OwnerRollup[] | null>(null);
  onlyOverdue = $state(false);
  actionsError = $state.raw<IpcError | null>(null);

  onThisDay = $state.raw<Timing[] | null>(null);
  onThisDayError = $state.raw<IpcError | null>(null);

  period = $state<Period>('month');
  trends = $state.raw<PeriodStats[] | null>(null);
  trendsPeriod = $state<Period | null>(null);
  trendsError = $state.raw<IpcError | null>(null);

  factorPeriod = $state<Period>('month');
  factors = $state.raw<FactorTrends | null>(null);
  factorsPeriod = $state<Period | null>(null);
  factorsError = $state.raw<IpcError | null>(null);
  /** The theme whose incidents are shown; `''` for the factors without a theme. */
  chosenTheme = $state<string | null>(null);

  #ipc: BrowseIpc;
  #work: Abandonable;
  #searchTimer: ReturnType<typeof setTimeout> | null = null;
  #searchSerial = 0;
  #readSerial = 0;
  #actionSerial = 0;
  #trendSerial = 0;
  #factorSerial = 0;

  constructor(api: BrowseIpc = defaultIpc) {
    this.#ipc = api;
    this.#work = new Abandonable(api);
  }

  /** Brings the local index up to the shared repository; everything shown is refreshed after. */
  async sync(): Promise<void> {
    if (this.syncing) return;
    this.syncing = true;
    try {
      this.syncReport = await this.#work.run((task) => this.#ipc.syncSharedRepository(task));
      this.syncError = null;
    } catch (failure) {
      // The view is gone: nothing it shows changes any more.
      if (isCancelled(failure)) return;
      this.syncError = asIpcError(failure);
    }
    this.syncing = false;
    await Promise.all([
      this.search(),
      this.loadOnThisDay(),
      this.actions !== null ? this.loadActions() : undefined,
      this.trends !== null ? this.loadTrends(this.period) : undefined,
      this.factors !== null ? this.loadFactors(this.factorPeriod) : undefined,
    ]);
  }

  /** Searches after typing pauses; a newer call replaces one still waiting. */
  searchSoon(delay: number = SEARCH_DELAY_MS): void {
    this.cancelPendingSearch();
    this.#searchTimer = setTimeout(() => {
      this.#searchTimer = null;
      void this.search();
    }, delay);
  }

  cancelPendingSearch(): void {
    if (this.#searchTimer !== null) clearTimeout(this.#searchTimer);
    this.#searchTimer = null;
  }

  /** Searches now; an answer that arrives after a newer search started is dropped. */
  async search(): Promise<void> {
    this.cancelPendingSearch();
    const serial = ++this.#searchSerial;
    this.searching = true;
    try {
      const hits = await this.#ipc.search(toQuery(this.filters));
      if (serial !== this.#searchSerial) return;
      this.hits = hits;
      this.searchError = null;
    } catch (failure) {
      if (serial !== this.#searchSerial) return;
      this.searchError = asIpcError(failure);
    }
    this.searched = true;
    this.searching = false;
  }

  clearFilters(): void {
    this.filters = { ...NO_FILTERS, text: this.filters.text };
    this.searchSoon(0);
  }

  async read(path: string, title: string, id: string | null = null): Promise<void> {
    const serial = ++this.#readSerial;
    this.reading = { path, title, id, page: null, error: null };
    let page: SafeHtml | null = null;
    let error: IpcError | null = null;
    try {
      page = await this.#ipc.readPostmortem(path);
    } catch (failure) {
      error = asIpcError(failure);
    }
    if (serial !== this.#readSerial || this.reading?.path !== path) return;
    this.reading = { path, title, id, page, error };
  }

  closeReader(): void {
    this.#readSerial += 1;
    this.reading = null;
  }

  /** The open action items and their roll-up per owner, both overdue only with `onlyOverdue`. */
  async loadActions(): Promise<void> {
    const serial = ++this.#actionSerial;
    const overdue = this.onlyOverdue;
    try {
      const [actions, owners] = await Promise.all([
        this.#ipc.openActionItems(overdue),
        this.#ipc.ownerRollup(overdue),
      ]);
      if (serial !== this.#actionSerial) return;
      this.actions = actions;
      this.owners = owners;
      this.actionsError = null;
    } catch (failure) {
      if (serial !== this.#actionSerial) return;
      this.actionsError = asIpcError(failure);
    }
  }

  async loadOnThisDay(): Promise<void> {
    try {
      this.onThisDay = await this.#ipc.onThisDay();
      this.onThisDayError = null;
    } catch (failure) {
      this.onThisDayError = asIpcError(failure);
    }
  }

  async loadTrends(by: Period = this.period): Promise<void> {
    const serial = ++this.#trendSerial;
    this.period = by;
    try {
      const trends = await this.#ipc.trends(by);
      if (serial !== this.#trendSerial) return;
      this.trends = trends;
      this.trendsPeriod = by;
      this.trendsError = null;
    } catch (failure) {
      if (serial !== this.#trendSerial) return;
      this.trendsError = asIpcError(failure);
    }
  }

  /** Incidents per theme per period; an answer for an older choice of period is dropped. */
  async loadFactors(by: Period = this.factorPeriod): Promise<void> {
    const serial = ++this.#factorSerial;
    this.factorPeriod = by;
    try {
      const factors = await this.#ipc.factorTrends(by);
      if (serial !== this.#factorSerial) return;
      this.factors = factors;
      this.factorsPeriod = by;
      this.factorsError = null;
    } catch (failure) {
      if (serial !== this.#factorSerial) return;
      this.factorsError = asIpcError(failure);
    }
  }

  /** Shows the incidents behind `theme` (`''`: the factors without one), or none with null. */
  chooseTheme(theme: string | null): void {
    this.chosenTheme = theme;
  }

  /** The view closed: no search is left waiting, and a sync under way is abandoned. */
  dispose(): void {
    this.cancelPendingSearch();
    this.#work.leave();
  }
}
