// A stand-in for the Rust side in unit tests: it records calls and answers each save
// only when the test says so, so tests can look at the screen before and after. For live
// incidents it plays the background sharing too: lines arrive from other responders and
// rounds are announced when the test says so.

import { IpcError } from '../ipc';
import type { Entry, Incident, KeyTime, LiveRound, LiveShared, LiveStatus, TimelinePage } from '../ipc';
import type { CaptureIpc, CaptureOpening } from '../capture/capture.svelte';

export const INCIDENT: Incident = {
  id: '2026-11-23-checkout-latency',
  title: 'Checkout latency',
  kind: 'unscheduled',
  severity: null,
  status: 'open',
  written_up: false,
  commander: null,
  participants: [],
  started_at: '2026-11-23T14:00:00+01:00',
  detected_at: null,
  mitigated_at: null,
  resolved_at: null,
  owner: null,
  postmortem_status: 'draft',
  services: [],
  tags: [],
  tickets: [],
  chat_logs: [],
  forum_links: [],
};

interface Pending {
  command: string;
  args: unknown[];
  resolve: (entry: Entry) => void;
  reject: (error: IpcError) => void;
}

/** A live incident as this laptop (Ana) sees it before anyone else wrote. */
export const LIVE: LiveStatus = {
  incident: INCIDENT.id,
  live: true,
  me: 'Ana',
  unshared: 0,
  responders: [],
  proposals: [],
};

export class FakeIpc {
  incident: Incident = { ...INCIDENT };
  entries: Entry[] = [];
  pending: Pending[] = [];
  calls: [string, ...unknown[]][] = [];
  /** The reads asked for (incident, timeline pages, live status), in order. */
  reads: string[] = [];
  /** The timeline pages read, as asked for. */
  pages: { skip: number; count: number }[] = [];
  /** What `liveStatus` answers, its proposals aside; not live unless a test says so. */
  live: LiveStatus = { ...LIVE, live: false, me: null };
  listeners: ((shared: LiveShared) => void)[] = [];
  unlistened = 0;

  /** A line another responder wrote arrives in the store, as a round of sharing takes it in. */
  arrive(text: string, author: string, extra: Partial<Entry> = {}): Entry {
    const at = extra.at ?? '2026-11-23T14:10:00+01:00';
    const entry: Entry = {
      id: this.entries.length + 1,
      incident: INCIDENT.id,
      at,
      recorded_at: at,
      who: null,
      kind: 'note',
      text,
      source: `live:${author}`,
      history: [],
      author,
      proposed: false,
      ...extra,
    };
    this.entries.push(entry);
    return entry;
  }

  /** What the window's opening answers for this incident, with the newest `count` lines. */
  opening(count: number): CaptureOpening {
    return { view: 'capture', incident: { ...this.incident }, newest: this.page(0, count), live: this.liveStatus() };
  }

  /** The `count` entries before the newest `skip`, as the core answers them (the entries are in time order here). */
  page(skip: number, count: number): TimelinePage {
    const end = Math.max(0, this.entries.length - skip);
    const start = Math.max(0, end - count);
    return { entries: this.entries.slice(start, end).map((entry) => ({ ...entry })), before: start };
  }

  /** The live status, with the proposals waiting as the core decides it: no mark of their kind at their moment. */
  liveStatus(): LiveStatus {
    const moment = (entry: Entry) => `${entry.kind}@${Date.parse(entry.at)}`;
    const marked = new Set(this.entries.filter((entry) => !entry.proposed).map(moment));
    const proposals = this.entries.filter((entry) => entry.proposed && !marked.has(moment(entry)));
    return { ...this.live, proposals: proposals.map((entry) => ({ ...entry })) };
  }

  /** Tells every listener what a round did, as the app's background sharing does. */
  round(round: Partial<LiveRound> = {}): void {
    const done: LiveRound = {
      incident: INCIDENT.id,
      pushed: 0,
      received_lines: 0,
      received_corrections: 0,
      unshared: this.live.unshared,
      unreachable: null,
      refused: null,
      responders: this.live.responders,
      ...round,
    };
    // What the round did is what the store has now.
    this.live = { ...this.live, unshared: done.unshared, responders: done.responders };
    const shared: LiveShared = { incident: INCIDENT.id, round: done, failure: null };
    for (const listener of this.listeners) listener(shared);
  }

  /** Answers the oldest waiting save as the core would: saved as typed, or refused. */
  acknowledge(error?: IpcError): void {
    const next = this.pending.shift();
    if (!next) throw new Error('no save is waiting');
    if (error) {
      next.reject(error);
      return;
    }
    const [, body, at] = next.args as [string, string, string];
    const who = next.command === 'appendLine' ? (/^@(\S+)\s+/.exec(body)?.[1] ?? null) : null;
    const text = next.command === 'mark' ? body[0].toUpperCase() + body.slice(1) : body.replace(/^@\S+\s+/, '');
    const entry: Entry = {
      id: this.entries.length + 1,
      incident: INCIDENT.id,
      at,
      recorded_at: at,
      who,
      kind: next.command === 'mark' ? (body as KeyTime) : 'note',
      text,
      source: 'app',
      history: [],
      author: this.live.live ? this.live.me : null,
      proposed: false,
    };
    this.entries.push(entry);
    if (this.live.live) this.live = { ...this.live, unshared: this.live.unshared + 1 };
    if (next.command === 'mark') this.incident = { ...this.incident, [`${body}_at`]: at };
    next.resolve(entry);
  }

  #wait(command: string, args: unknown[]): Promise<Entry> {
    this.calls.push([command, ...args]);
    return new Promise((resolve, reject) => this.pending.push({ command, args, resolve, reject }));
  }

  api(): CaptureIpc {
    return {
      listIncidents: async () => [this.incident],
      incident: async () => (this.reads.push('incident'), this.incident),
      createIncident: async () => this.incident,
      timelinePage: async (_incident: string, skip: number, count: number) => {
        this.reads.push('timelinePage');
        this.pages.push({ skip, count });
        return this.page(skip, count);
      },
      appendLine: (incident: string, line: string, at: string) => this.#wait('appendLine', [incident, line, at]),
      mark: (incident: string, key: KeyTime, at: string) => this.#wait('mark', [incident, key, at]),
      editEntry: async (incident: string, entry: number, text: string | null, at: string | null) => {
        this.calls.push(['editEntry', incident, entry, text, at]);
        const index = this.entries.findIndex((candidate) => candidate.id === entry);
        if (index < 0) throw new IpcError('entry-not-found', `Incident ${incident} has no entry #${entry}.`);
        const old = this.entries[index];
        const edit = { edited_at: old.at, field: 'text' as const, old: old.text, new: text ?? old.text };
        // Like the real bridge, every answer is a fresh object.
        this.entries[index] = { ...old, text: edit.new, history: [...old.history, edit] };
        return this.entries[index];
      },
      liveStatus: async () => (this.reads.push('liveStatus'), this.liveStatus()),
      acceptProposal: async (incident: string, entry: number) => {
        this.calls.push(['acceptProposal', incident, entry]);
        const proposal = this.entries.find((candidate) => candidate.id === entry);
        if (!proposal?.proposed) throw new IpcError('invalid-input', `#${entry} is not a key time waiting to be accepted.`);
        const accepted: Entry = {
          ...proposal,
          id: this.entries.length + 1,
          text: `${proposal.text} (proposed by ${proposal.author}, accepted)`,
          source: 'live',
          author: this.live.me,
          proposed: false,
        };
        this.entries.push(accepted);
        this.incident = { ...this.incident, [`${proposal.kind}_at`]: proposal.at };
        return accepted;
      },
      onLiveShared: async (handler: (shared: LiveShared) => void) => {
        this.listeners.push(handler);
        return () => {
          this.listeners = this.listeners.filter((listener) => listener !== handler);
          this.unlistened += 1;
        };
      },
    };
  }
}
