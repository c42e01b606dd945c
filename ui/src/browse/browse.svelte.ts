// What the browse view knows: the last sync with the shared repository, the search
// being typed and its answer, the post-mortem being read, open action items (each, and
// rolled up per owner), "on this day", the trends, and incidents per contributing-factor theme.
// Searching never waits for a sync: it answers from what is indexed, and answers to queries
// typed over are dropped so results never go back in time. A post-mortem being read can be
// opened as an incident on this laptop (read back into it when this laptop does not have it).

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
  PublishedPage,
  ReadBack,
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
    | 'openPublished'
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
  const unread = report.unread_formats;
  if (report.documents === 0 && unread.length > 0) {
    // Post-mortems are there, in a format Debrief does not read: say which, and what it reads.
    const formats = unread.map((files) => `${files.format} (${formatCount(files.count)})`).join(', ');
    return `No post-mortems Debrief can read: the folders it looks in hold files in ${formats}, such as ${unread[0].example}. Debrief reads Markdown, which pandoc converts reStructuredText, HTML, Org, Word and more to`;
  }
  const elsewhere = report.markdown_elsewhere[0];
  if (report.documents === 0 && elsewhere) {
    // None where Debrief looks: point at where the Markdown is, and the setting that names it.
    const folders = report.markdown_elsewhere.map((place) => `${place.folder} (${formatCount(place.count)})`).join(', ');
    return `No post-mortems where Debrief looks; Markdown files are in ${folders}: if the team keeps its post-mortems there, set postmortem_paths = ["${elsewhere.folder}**", "incidents/**"] in the settings file (debrief config shows where)`;
  }
  if (report.rebuilt && unread.length > 0) {
    // Beside those read, older ones in another format that browsing leaves out.
    const count = unread.reduce((sum, files) => sum + files.count, 0);
    const formats = unread.map((files) => `${files.format} ${formatCount(files.count)}`).join(', ');
    return `${documents} · index rebuilt · left out: ${formatCount(count)} in formats Debrief does not read (${formats})`;
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
  page: PublishedPage | null;
  error: IpcError | null;
  /** True while it is being opened as an incident. */
  opening: boolean;
  /** What reading it back did, when that is worth a look before its post-mortem opens (warnings). */
  readBack: ReadBack | null;
  /** Why it could not be opened as an incident. */
  openError: IpcError | null;
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

  async read(path: string, title: string): Promise<void> {
    const serial = ++this.#readSerial;
    const unread = { path, title, page: null, error: null, opening: false, readBack: null, openError: null };
    this.reading = unread;
    let page: PublishedPage | null = null;
    let error: IpcError | null = null;
    try {
      page = await this.#ipc.readPostmortem(path);
    } catch (failure) {
      error = asIpcError(failure);
    }
    if (serial !== this.#readSerial || this.reading?.path !== path) return;
    this.reading = { ...unread, page, error };
  }

  /**
   * Opens the post-mortem being read as an incident on this laptop, reading it back first when
   * this laptop does not have it. Answers the incident to open, or null when there is something
   * to read first (why it failed, or the warnings of what was read).
   */
  async openAsIncident(): Promise<string | null> {
    const reading = this.reading;
    if (!reading || reading.opening) return null;
    const serial = this.#readSerial;
    this.reading = { ...reading, opening: true, openError: null };
    let readBack: ReadBack | null = null;
    let openError: IpcError | null = null;
    try {
      readBack = await this.#ipc.openPublished(reading.path);
    } catch (failure) {
      openError = asIpcError(failure);
    }
    if (serial !== this.#readSerial) return null;
    // Read back, it is on this laptop now.
    const page = reading.page && readBack ? { ...reading.page, on_this_laptop: true } : reading.page;
    const warned = readBack !== null && readBack.warnings.length > 0;
    this.reading = { ...reading, page, opening: false, openError, readBack: warned ? readBack : null };
    return readBack && !warned ? readBack.incident : null;
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
