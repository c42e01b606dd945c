// A stand-in for the Rust side of drafting and publishing in unit tests. It keeps a
// draft with generated regions it refreshes on every save like the core does, checks
// wording against a few phrases and written times against a timeline's times, with UTF-8
// byte offsets, and can hold saves and checks
// until the test releases them, or refuse them.

import { IpcError } from '../ipc';
import type {
  ActionChange,
  ActionItem,
  AddedActionItem,
  Checks,
  ContributingFactor,
  Delivery,
  DueByPolicy,
  EditableDraft,
  Entry,
  FactorChange,
  Finding,
  Incident,
  IncidentFacts,
  KeyTime,
  Mismatch,
  NewActionItem,
  NewFactor,
  PublishOptions,
  PublishReport,
  Published,
  Queued,
  PublishedPage,
  SafeHtml,
  SeenBefore,
  Theme,
} from '../ipc';
import type { DraftIpc } from '../draft/draft.svelte';
import { INCIDENT } from './capture';

export { INCIDENT } from './capture';

/** The due date the fake's policy gives an item added without one. */
export const POLICY_DUE = '2026-12-23';

export const TEMPLATE = [
  '## Summary',
  '<!-- What happened, in two or three sentences. -->',
  '',
  '## Key times',
  '<!-- debrief:begin key-times -->',
  '<!-- debrief:end key-times -->',
  '',
  '## Action items',
  '<!-- debrief:begin action-items -->',
  '<!-- debrief:end action-items -->',
  '',
  '## Links',
  '<!-- debrief:begin links -->',
  '<!-- debrief:end links -->',
  '',
].join('\n');

/** What "seen before" answers for the incident: two past post-mortems and one open item. */
export const SEEN_BEFORE: SeenBefore = {
  id: 'incident-1',
  title: 'Checkout latency',
  services: ['checkout'],
  indexed: 3,
  matches: [
    {
      id: '2026-03-02-checkout-pool',
      path: 'incidents/2026/2026-03-02-checkout-pool.md',
      title: 'Checkout pool exhausted',
      date: '2026-03-02',
      severity: 'SEV2',
      score: 21.5,
      services: ['checkout'],
      terms: ['connection pool', 'gateway timeout'],
      why: 'same service: checkout; both mention connection pool, gateway timeout',
    },
    {
      id: '2026-05-10-search-slow',
      path: 'incidents/2026/2026-05-10-search-slow.md',
      title: 'Search slow',
      date: '2026-05-10',
      severity: null,
      score: 9.1,
      services: [],
      terms: ['connection pool', 'reindex'],
      why: 'both mention connection pool, reindex',
    },
  ],
  open_items: [
    {
      incident: '2026-03-02-checkout-pool',
      path: 'incidents/2026/2026-03-02-checkout-pool.md',
      title: 'Checkout pool exhausted',
      date: '2026-03-02',
      number: 1,
      text: 'Alert on pool saturation',
      owner: 'carol',
      due: '2026-04-01',
      type: 'detective',
      ticket: null,
      overdue: true,
      services: ['checkout'],
      why: 'proposed in 2026-03-02-checkout-pool, due 2026-04-01, still open',
    },
  ],
};

export interface Phrase {
  phrase: string;
  rule: string;
  category: Finding['category'];
  severity: Finding['severity'];
  message: string;
  suggestion: string | null;
  replacement: string | null;
}

export const PHRASES: Phrase[] = [
  {
    phrase: 'should have caught this',
    rule: 'should-have',
    category: 'hindsight',
    severity: 'warning',
    message: 'Hindsight: what is obvious now was not obvious then.',
    suggestion: 'Say what happened and why it made sense then.',
    replacement: 'we did not catch this',
  },
  {
    phrase: 'would have',
    rule: 'would-have',
    category: 'counterfactual',
    severity: 'warning',
    message: 'Counterfactual: describes what did not happen instead of what did.',
    suggestion: null,
    replacement: null,
  },
  {
    phrase: 'simply',
    rule: 'simply',
    category: 'minimizing',
    severity: 'note',
    message: 'Minimizing: it was not simple at the time.',
    suggestion: 'Drop "simply" and describe the action plainly.',
    replacement: null,
  },
];

/** A few of the team's themes, as `factor_themes` answers. */
export const THEMES: Theme[] = [
  { id: 'change', description: 'A deploy, configuration change or migration set the conditions in motion.' },
  { id: 'capacity', description: 'Load or a limit went beyond what the system was sized for.' },
  { id: 'detection', description: 'Signals of the problem were missing, late or not seen.' },
];

/** A theme in the one form the core keeps it: lowercase words joined by dashes; null when empty. */
function themeId(written: string | null): string | null {
  if (written === null) return null;
  const words = written.toLowerCase().split(/[\s_-]+/).filter(Boolean);
  return words.length === 0 ? null : words.join('-');
}

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text).length;

/** Findings as the core reports them: UTF-8 byte offsets, 1-based lines and character columns. */
export function findPhrases(text: string, phrases: Phrase[] = PHRASES): Finding[] {
  const findings: Finding[] = [];
  const lower = text.toLowerCase();
  for (const phrase of phrases) {
    for (let at = lower.indexOf(phrase.phrase); at >= 0; at = lower.indexOf(phrase.phrase, at + 1)) {
      const before = text.slice(0, at);
      const line = before.split('\n').length;
      const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
      const start = bytes(before);
      const end = start + bytes(text.slice(at, at + phrase.phrase.length));
      findings.push({
        start,
        end,
        line,
        column,
        end_line: line,
        end_column: column + [...phrase.phrase].length,
        rule: phrase.rule,
        category: phrase.category,
        severity: phrase.severity,
        message: phrase.message,
        suggestion: phrase.suggestion,
        replacement: phrase.replacement,
        phrase: text.slice(at, at + phrase.phrase.length),
        sentence_start: start,
        sentence_end: end,
      });
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}

interface Held<T> {
  args: unknown[];
  resolve: (value: T) => void;
  reject: (error: IpcError) => void;
}

/** Times of day written in the prose of `text` that are not among `held`, as the core reports them. */
export function findTimes(text: string, held: string[]): Mismatch[] {
  const found: Mismatch[] = [];
  // Like the core, only prose: not the generated regions, tables or comments.
  const inRegion = (at: number) => {
    const before = text.slice(0, at);
    return before.lastIndexOf('<!-- debrief:begin') > before.lastIndexOf('<!-- debrief:end');
  };
  for (const match of text.matchAll(/\b([01]?\d|2[0-3]):[0-5]\d\b/g)) {
    const line = text.slice(text.lastIndexOf('\n', match.index) + 1);
    if (held.includes(match[0]) || inRegion(match.index) || line.startsWith('|') || line.startsWith('<!--')) continue;
    const start = bytes(text.slice(0, match.index));
    found.push({
      line: text.slice(0, match.index).split('\n').length,
      start,
      end: start + bytes(match[0]),
      claim: match[0],
      message: `matches no timeline entry or key time; the timeline has #1 “Rolled back the deploy” at 2026-11-23 ${held[0]}:00 +01:00`,
    });
  }
  return found;
}

export class FakeDraftIpc {
  incident: Incident = { ...INCIDENT };
  /** The prose as the core keeps it (regions as last rendered). */
  body = TEMPLATE;
  actionItems: ActionItem[] = [];
  factors: ContributingFactor[] = [];
  themes: Theme[] = THEMES;
  /** Refuses `factorThemes` with this error while set. */
  failThemes: IpcError | null = null;
  calls: [string, ...unknown[]][] = [];

  /** When true, saves and checks wait for `releaseSave` / `releaseCheck`. */
  holdSaves = false;
  holdChecks = false;
  heldSaves: Held<EditableDraft>[] = [];
  heldChecks: Held<Finding[]>[] = [];
  /** Refuses every save with this error while set. */
  failSaves: IpcError | null = null;

  checks: Checks = { secrets: [], required_sections: [], wording: [], strict: false, unfinished: [] };
  /** The times of day the fake timeline holds; a written time elsewhere is a claim it does not hold. */
  timelineTimes = ['14:05'];
  /** What `publish` answers when the checks pass. */
  published: Published = {
    path: 'incidents/2026/2026-11-23-checkout-latency.md',
    branch: 'main',
    commit: '3f9a2c41d0e5b7a8c9d0e1f2a3b4c5d6e7f8a9b0',
    delivery: { state: 'pushed' },
    changed: true,
    diverted: false,
    removed: null,
  };
  publishWarnings: string[] = [];
  queue: Queued[] = [];

  /** The queue's entry for the last publish, as the core lists a commit waiting to be pushed. */
  waitingPublish(): Queued {
    return {
      branch: 'main',
      commit: this.published.commit,
      incident: INCIDENT.id,
      summary: 'Publish Checkout latency',
      committed_at: '2026-11-24T09:00:00+01:00',
    };
  }
  retryResult: [string, Delivery][] = [];
  /** What "seen before" answers; refused with `failSeenBefore` while it is set. */
  seenBefore: SeenBefore = structuredClone(SEEN_BEFORE);
  failSeenBefore: IpcError | null = null;

  /** The body with its regions filled from the incident and the action items, as the core would. */
  render(body: string): string {
    const incident = this.incident;
    const regions: Record<string, string[]> = {
      'key-times': [
        `- Started: ${incident.started_at}`,
        ...(['detected', 'mitigated', 'resolved'] as const)
          .filter((key) => incident[`${key}_at`])
          .map((key) => `- ${key[0].toUpperCase()}${key.slice(1)}: ${incident[`${key}_at`]}`),
      ],
      'action-items':
        this.actionItems.length === 0
          ? []
          : [
              '| # | Action | Owner | Due | Type | Ticket | Status |',
              '|---|---|---|---|---|---|---|',
              ...this.actionItems.map(
                (item) =>
                  `| ${item.id} | ${item.text} | ${item.owner ?? ''} | ${item.due ?? ''} | ${item.type ?? ''} | ${
                    item.ticket ?? ''
                  } | ${item.status} |`,
              ),
            ],
      links: [...incident.tickets, ...incident.chat_logs, ...incident.forum_links].map((link) => `- ${link}`),
    };
    return body.replace(
      /(<!-- debrief:begin ([a-z-]+) -->\n)[\s\S]*?(<!-- debrief:end \2 -->)/g,
      (_, begin: string, name: string, end: string) =>
        begin + (regions[name] ?? []).map((line) => `${line}\n`).join('') + end,
    );
  }

  draft(): EditableDraft {
    this.body = this.render(this.body);
    return {
      incident: { ...this.incident },
      body: this.body,
      contributing_factors: this.factors.map((factor) => ({ ...factor })),
      action_items: [...this.actionItems],
      warnings: [],
    };
  }

  releaseSave(error?: IpcError): void {
    const next = this.heldSaves.shift();
    if (!next) throw new Error('no save is waiting');
    if (error) return next.reject(error);
    this.body = next.args[1] as string;
    next.resolve(this.draft());
  }

  releaseCheck(): void {
    const next = this.heldChecks.shift();
    if (!next) throw new Error('no check is waiting');
    next.resolve(findPhrases(next.args[0] as string));
  }

  /** Only the commands named, in the order they were called. */
  commands(...names: string[]): string[] {
    return this.calls.map(([command]) => command).filter((command) => names.length === 0 || names.includes(command));
  }

  api(): DraftIpc {
    return {
      incident: async (id: string) => {
        this.calls.push(['incident', id]);
        return { ...this.incident };
      },
      openDraft: async (id: string) => {
        this.calls.push(['openDraft', id]);
        return this.draft();
      },
      saveDraft: (id: string, body: string) => {
        this.calls.push(['saveDraft', id, body]);
        if (this.failSaves) return Promise.reject(this.failSaves);
        if (this.holdSaves) {
          return new Promise((resolve, reject) => this.heldSaves.push({ args: [id, body], resolve, reject }));
        }
        this.body = body;
        return Promise.resolve(this.draft());
      },
      checkWording: (text: string) => {
        this.calls.push(['checkWording', text]);
        if (this.holdChecks) {
          return new Promise((resolve, reject) => this.heldChecks.push({ args: [text], resolve, reject }));
        }
        return Promise.resolve(findPhrases(text));
      },
      checkClaims: (id: string, text: string) => {
        this.calls.push(['checkClaims', id, text]);
        return Promise.resolve(findTimes(text, this.timelineTimes));
      },
      preview: async (markdown: string): Promise<SafeHtml> => {
        this.calls.push(['preview', markdown]);
        const headings = markdown
          .split('\n')
          .filter((line) => line.startsWith('## '))
          .map((line) => `<h2>${line.slice(3)}</h2>`);
        return { html: headings.join(''), truncated: false };
      },
      setFacts: async (id: string, facts: IncidentFacts) => {
        this.calls.push(['setFacts', id, facts]);
        if (facts.title.trim() === '') throw new IpcError('invalid-input', 'An incident needs a title. Nothing was changed.');
        this.incident = { ...this.incident, ...facts };
        return { ...this.incident };
      },
      setStart: async (id: string, at: string): Promise<Incident> => {
        this.calls.push(['setStart', id, at]);
        const match = /^(\d\d):(\d\d)$/.exec(at);
        if (!match) {
          throw new IpcError('invalid-time', `“${at}” is not a time Debrief understands. Nothing was changed.`);
        }
        this.incident = { ...this.incident, started_at: `2026-11-23T${match[1]}:${match[2]}:00+01:00` };
        return { ...this.incident };
      },
      setKeyTime: async (id: string, key: KeyTime, at: string): Promise<Entry> => {
        this.calls.push(['setKeyTime', id, key, at]);
        const match = /^(\d\d):(\d\d)$/.exec(at);
        if (!match) {
          throw new IpcError('invalid-time', `“${at}” is not a time Debrief understands. Nothing was changed.`);
        }
        const stamp = `2026-11-23T${match[1]}:${match[2]}:00+01:00`;
        this.incident = { ...this.incident, [`${key}_at`]: stamp };
        return {
          id: 1,
          incident: id,
          at: stamp,
          recorded_at: stamp,
          who: null,
          kind: key,
          text: key,
          source: 'app',
          history: [],
          author: null,
          proposed: false,
        };
      },
      addActionItem: async (id: string, item: NewActionItem): Promise<AddedActionItem> => {
        this.calls.push(['addActionItem', id, item]);
        // As the core does: no due date given, the policy's for the incident's severity.
        const byPolicy: DueByPolicy | null =
          item.due === null
            ? { due: POLICY_DUE, days: this.incident.severity === null ? 60 : 30, severity: this.incident.severity, policy: null }
            : null;
        const added: ActionItem = {
          id: this.actionItems.length + 1,
          incident: id,
          text: item.text,
          owner: item.owner,
          due: item.due ?? POLICY_DUE,
          type: item.kind,
          ticket: item.ticket,
          status: 'open',
          reason: null,
        };
        this.actionItems = [...this.actionItems, added];
        return { item: added, due_by_policy: byPolicy, policy_problem: null };
      },
      updateActionItem: async (id: string, number: number, change: ActionChange) => {
        this.calls.push(['updateActionItem', id, number, change]);
        const index = this.actionItems.findIndex((item) => item.id === number);
        if (index < 0) throw new IpcError('invalid-input', `Incident ${id} has no action item #${number}.`);
        const old = this.actionItems[index];
        const status = change.status ?? old.status;
        const reason = status === 'wont-do' ? (change.reason ?? old.reason) : null;
        if (status === 'wont-do' && (reason === null || reason.trim() === '')) {
          throw new IpcError(
            'wont-do-without-reason',
            `Action item #${number} of ${id} cannot be won't-do without a reason. Nothing was changed.`,
          );
        }
        const updated: ActionItem = {
          ...old,
          text: change.text ?? old.text,
          owner: change.owner ?? old.owner,
          due: change.due ?? old.due,
          type: change.kind ?? old.type,
          ticket: change.ticket ?? old.ticket,
          status,
          reason,
        };
        this.actionItems = this.actionItems.map((item, at) => (at === index ? updated : item));
        return updated;
      },
      factorThemes: async () => {
        this.calls.push(['factorThemes']);
        if (this.failThemes) throw this.failThemes;
        return [...this.themes];
      },
      addFactor: async (id: string, factor: NewFactor) => {
        this.calls.push(['addFactor', id, factor]);
        if (factor.text.trim() === '') {
          throw new IpcError('invalid-input', 'contributing factor: it is empty. Nothing was stored.');
        }
        const added: ContributingFactor = {
          id: this.factors.length + 1,
          incident: id,
          text: factor.text.trim(),
          theme: themeId(factor.theme),
        };
        this.factors = [...this.factors, added];
        return added;
      },
      updateFactor: async (id: string, number: number, change: FactorChange) => {
        this.calls.push(['updateFactor', id, number, change]);
        const old = this.factors.find((factor) => factor.id === number);
        if (!old) throw new IpcError('invalid-input', `Incident ${id} has no contributing factor #${number}.`);
        const updated: ContributingFactor = {
          ...old,
          text: change.text?.trim() || old.text,
          theme: change.theme === null ? old.theme : themeId(change.theme),
        };
        this.factors = this.factors.map((factor) => (factor.id === number ? updated : factor));
        return updated;
      },
      removeFactor: async (id: string, number: number) => {
        this.calls.push(['removeFactor', id, number]);
        const removed = this.factors.find((factor) => factor.id === number);
        if (!removed) throw new IpcError('invalid-input', `Incident ${id} has no contributing factor #${number}.`);
        this.factors = this.factors
          .filter((factor) => factor.id !== number)
          .map((factor) => (factor.id > number ? { ...factor, id: factor.id - 1 } : factor));
        return removed;
      },
      publishChecks: async (id: string, options: PublishOptions) => {
        this.calls.push(['publishChecks', id, options]);
        return this.#checked(options);
      },
      publish: async (id: string, options: PublishOptions): Promise<PublishReport> => {
        this.calls.push(['publish', id, options]);
        const checks = this.#checked(options);
        const blocked =
          checks.secrets.length > 0 ||
          checks.required_sections.some((concern) => concern.level === 'attention') ||
          (options.strict && checks.wording.some((finding) => finding.severity !== 'note'));
        const published = blocked ? null : { ...this.published, branch: options.review ? `debrief/${id}` : this.published.branch };
        return { incident: id, checks, published, warnings: [...this.publishWarnings] };
      },
      publishQueue: async () => {
        this.calls.push(['publishQueue']);
        return [...this.queue];
      },
      retryPublishQueue: async () => {
        this.calls.push(['retryPublishQueue']);
        if (this.retryResult.some(([, delivery]) => delivery.state === 'pushed')) this.queue = [];
        return [...this.retryResult];
      },
      seenBefore: async (id: string) => {
        this.calls.push(['seenBefore', id]);
        if (this.failSeenBefore) throw this.failSeenBefore;
        return structuredClone({ ...this.seenBefore, services: [...this.incident.services] });
      },
      readPostmortem: async (path: string): Promise<PublishedPage> => {
        this.calls.push(['readPostmortem', path]);
        const found = this.seenBefore.matches.find((match) => match.path === path);
        const page = { html: `<h1>${found?.title ?? path}</h1><p>The pool ran dry.</p>`, truncated: false };
        return { page, incident: found?.id ?? null, on_this_laptop: false };
      },
    };
  }

  #checked(options: PublishOptions): Checks {
    return {
      ...this.checks,
      secrets: this.checks.secrets.filter((secret) => !options.allow_secrets.includes(secret.rule)),
      strict: options.strict,
    };
  }
}
