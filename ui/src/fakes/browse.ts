// A stand-in for the Rust side of browsing in unit tests: a few post-mortems, action
// items, trends and contributing factors by theme; syncs wait until the test finishes them, and searches can be held
// to answer out of order, so tests see the screen during and after.

import { IpcError } from '../ipc';
import type {
  FactorTrends,
  IndexedAction,
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
import type { BrowseIpc } from '../browse/browse.svelte';
import { FakeTasks } from './tasks';

export const HITS: SearchHit[] = [
  {
    id: '2024-03-05-checkout-latency',
    path: 'incidents/2024/2024-03-05-checkout-latency.md',
    title: 'Checkout latency on eu-west',
    date: '2024-03-05',
    severity: 'SEV2',
    kind: 'unscheduled',
    score: 3.2,
    passage: '🔥 The connection pool on db-2 was exhausted after the deploy',
    highlights: [
      [6, 16],
      [17, 21],
    ],
  },
  {
    id: '2023-11-23-dns-outage',
    path: 'incidents/2023/2023-11-23-dns-outage.md',
    title: 'DNS outage',
    date: '2023-11-23',
    severity: 'SEV1',
    kind: 'unscheduled',
    score: 1.1,
    passage: 'Resolvers stopped answering; the pool of forwarders was empty',
    highlights: [[33, 37]],
  },
  {
    id: '2022-06-01-failover-drill',
    path: 'incidents/2022/2022-06-01-failover-drill.md',
    title: 'Failover game day',
    date: '2022-06-01',
    severity: 'SEV4',
    kind: 'game-day',
    score: null,
    passage: 'We failed over the primary database on purpose',
    highlights: [],
  },
];

export const ACTIONS: IndexedAction[] = [
  {
    incident: HITS[0].id,
    path: HITS[0].path,
    title: HITS[0].title,
    number: 1,
    text: 'Alert on pool saturation',
    owner: 'alice',
    due: '2024-04-01',
    type: 'detective',
    ticket: 'OPS-12',
    status: 'open',
    reason: null,
    overdue: true,
  },
  {
    incident: HITS[1].id,
    path: HITS[1].path,
    title: HITS[1].title,
    number: 2,
    text: 'Second resolver in another zone',
    owner: null,
    due: '2099-01-01',
    type: 'preventive',
    ticket: null,
    status: 'open',
    reason: null,
    overdue: false,
  },
];

/** The same items per owner, as the core rolls them up. */
export const OWNERS: OwnerRollup[] = [
  { owner: 'alice', open: 1, overdue: 1, oldest_overdue: ACTIONS[0], days_overdue: 244 },
  { owner: null, open: 1, overdue: 0, oldest_overdue: null, days_overdue: null },
];

export const ON_THIS_DAY: Timing[] = [{ id: HITS[1].id, path: HITS[1].path, title: HITS[1].title, date: HITS[1].date }];

export const MONTHS: PeriodStats[] = [
  {
    period: '2024-01',
    incidents: 2,
    time_to_detect: { measured: 2, p25_s: 150, median_s: 300, p75_s: 600, p90_s: 600, comparable: false },
    time_to_mitigate: { measured: 2, p25_s: 900, median_s: 1800, p75_s: 2400, p90_s: 2400, comparable: false },
    time_to_resolve: { measured: 1, p25_s: 5400, median_s: 5400, p75_s: 5400, p90_s: 5400, comparable: false },
    time_in_incidents_s: 5400,
    time_in_incidents_measured: 1,
    outside_working_hours: 1,
  },
  {
    period: '2024-03',
    incidents: 1,
    time_to_detect: { measured: 1, p25_s: 120, median_s: 120, p75_s: 120, p90_s: 120, comparable: false },
    time_to_mitigate: { measured: 0, p25_s: null, median_s: null, p75_s: null, p90_s: null, comparable: false },
    time_to_resolve: { measured: 0, p25_s: null, median_s: null, p75_s: null, p90_s: null, comparable: false },
    time_in_incidents_s: 0,
    time_in_incidents_measured: 0,
    outside_working_hours: 0,
  },
];

export const QUARTERS: PeriodStats[] = [
  {
    period: '2024-Q1',
    incidents: 3,
    time_to_detect: { measured: 3, p25_s: 150, median_s: 300, p75_s: 600, p90_s: 600, comparable: false },
    time_to_mitigate: { measured: 2, p25_s: 900, median_s: 1800, p75_s: 2400, p90_s: 2400, comparable: false },
    time_to_resolve: { measured: 1, p25_s: 5400, median_s: 5400, p75_s: 5400, p90_s: 5400, comparable: false },
    time_in_incidents_s: 5400,
    time_in_incidents_measured: 1,
    outside_working_hours: 1,
  },
];

/** Two incidents with contributing factors, a month apart, and a theme the team does not list. */
export const FACTORS_BY_MONTH: FactorTrends = {
  periods: ['2024-01', '2024-02', '2024-03'],
  themes: [
    {
      theme: 'change',
      description: 'A deploy, configuration change or migration set the conditions in motion.',
      incidents: 0,
      per_period: [0, 0, 0],
      behind: [],
    },
    {
      theme: 'capacity',
      description: 'Load or a limit went beyond what the system was sized for.',
      incidents: 2,
      per_period: [1, 0, 1],
      behind: [
        {
          id: HITS[0].id,
          path: HITS[0].path,
          title: HITS[0].title,
          date: '2024-03-05',
          factors: ['The pool size was set for last year’s traffic', 'Retries doubled the load'],
        },
        {
          id: '2024-01-10-queue-backlog',
          path: 'incidents/2024/2024-01-10-queue-backlog.md',
          title: 'Queue backlog',
          date: '2024-01-10',
          factors: ['The queue was sized for one region'],
        },
      ],
    },
    {
      theme: 'detection',
      description: 'Signals of the problem were missing, late or not seen.',
      incidents: 1,
      per_period: [0, 0, 1],
      behind: [
        { id: HITS[0].id, path: HITS[0].path, title: HITS[0].title, date: '2024-03-05', factors: ['No alert watched the pool'] },
      ],
    },
    {
      theme: 'third-party',
      description: null,
      incidents: 1,
      per_period: [1, 0, 0],
      behind: [
        {
          id: '2024-01-10-queue-backlog',
          path: 'incidents/2024/2024-01-10-queue-backlog.md',
          title: 'Queue backlog',
          date: '2024-01-10',
          factors: ['The broker vendor changed its limits'],
        },
      ],
    },
  ],
  unthemed: [
    { id: HITS[1].id, path: HITS[1].path, title: HITS[1].title, date: HITS[1].date, factors: ['Nobody had run a failover'] },
  ],
};

export const FACTORS_BY_QUARTER: FactorTrends = {
  ...FACTORS_BY_MONTH,
  periods: ['2024-Q1'],
  themes: FACTORS_BY_MONTH.themes.map((theme) => ({ ...theme, per_period: [theme.per_period.reduce((a, b) => a + b, 0)] })),
};

export const SYNCED: SyncReport = {
  offline: null,
  commit: 'abc123',
  rebuilt: false,
  indexed: 0,
  removed: 0,
  documents: 1234,
  warnings: [],
  locations: [{ folder: 'incidents/', count: 1234 }],
  markdown_elsewhere: [],
  unread_formats: [],
};

interface Waiting<T> {
  resolve: (value: T) => void;
  reject: (error: IpcError) => void;
}

export class FakeBrowseIpc {
  calls: [string, ...unknown[]][] = [];
  hits: SearchHit[] = HITS.map((hit) => ({ ...hit }));
  actions: IndexedAction[] = ACTIONS;
  owners: OwnerRollup[] = OWNERS;
  onThisDay: Timing[] = ON_THIS_DAY;
  stats: Record<Period, PeriodStats[]> = { month: MONTHS, quarter: QUARTERS };
  factors: Record<Period, FactorTrends> = { month: FACTORS_BY_MONTH, quarter: FACTORS_BY_QUARTER };
  pages: Record<string, PublishedPage> = {
    [HITS[0].path]: {
      page: { html: '<h1>Checkout latency on eu-west</h1><p>The pool ran dry.</p>', truncated: false },
      incident: HITS[0].id,
      on_this_laptop: true,
    },
    [HITS[1].path]: {
      page: { html: '<h1>DNS outage</h1><table><tr><td>wide</td></tr></table>', truncated: true },
      incident: HITS[1].id,
      on_this_laptop: false,
    },
  };
  /** What opening a post-mortem as an incident answers, by path; by default, read back cleanly. */
  readBacks: Record<string, ReadBack | IpcError> = {};
  syncs: Waiting<SyncReport>[] = [];
  tasks = new FakeTasks();
  /** When true, searches wait in `heldSearches` until the test answers them. */
  holdSearches = false;
  heldSearches: (Waiting<SearchHit[]> & { query: SearchQuery })[] = [];

  finishSync(answer: SyncReport | IpcError = SYNCED): void {
    const next = this.syncs.shift();
    if (!next) throw new Error('no sync is running');
    if (answer instanceof IpcError) next.reject(answer);
    else next.resolve(answer);
  }

  /** What the core would answer: every word of the text in the title or passage, filters applied. */
  answer(query: SearchQuery): SearchHit[] {
    const words = (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    return this.hits.filter(
      (hit) =>
        words.every((word) => `${hit.title} ${hit.passage}`.toLowerCase().includes(word)) &&
        (!query.severity || hit.severity === query.severity) &&
        (!query.kind || hit.kind === query.kind),
    );
  }

  searches(): SearchQuery[] {
    return this.calls.filter(([command]) => command === 'search').map(([, query]) => query as SearchQuery);
  }

  api(): BrowseIpc {
    return {
      ...this.tasks.api(),
      syncSharedRepository: (task: number | null) => {
        this.calls.push(['syncSharedRepository', task]);
        return new Promise((resolve, reject) => this.syncs.push({ resolve, reject }));
      },
      search: (query: SearchQuery) => {
        this.calls.push(['search', query]);
        if (this.holdSearches) {
          return new Promise((resolve, reject) => this.heldSearches.push({ query, resolve, reject }));
        }
        return Promise.resolve(this.answer(query));
      },
      readPostmortem: async (path: string) => {
        this.calls.push(['readPostmortem', path]);
        const page = this.pages[path];
        if (!page) throw new IpcError('invalid-input', `There is no post-mortem at ${path}.`);
        return page;
      },
      openPublished: async (path: string) => {
        this.calls.push(['openPublished', path]);
        const answer = this.readBacks[path];
        if (answer instanceof IpcError) throw answer;
        const page = this.pages[path];
        return (
          answer ?? {
            incident: page?.incident ?? 'read-back',
            path,
            read: !page?.on_this_laptop,
            created: !page?.on_this_laptop,
            timeline_lines_added: page?.on_this_laptop ? 0 : 4,
            key_times_added: 0,
            action_items: 0,
            contributing_factors: 0,
            open: false,
            warnings: [],
          }
        );
      },
      openActionItems: async (overdue: boolean) => {
        this.calls.push(['openActionItems', overdue]);
        return this.actions.filter((action) => !overdue || action.overdue);
      },
      ownerRollup: async (overdue: boolean) => {
        this.calls.push(['ownerRollup', overdue]);
        return this.owners.filter((owner) => !overdue || owner.overdue > 0);
      },
      onThisDay: async () => {
        this.calls.push(['onThisDay']);
        return this.onThisDay;
      },
      trends: async (by: Period) => {
        this.calls.push(['trends', by]);
        return this.stats[by];
      },
      factorTrends: async (by: Period) => {
        this.calls.push(['factorTrends', by]);
        return this.factors[by];
      },
    };
  }
}
