// The live capture of one incident: its timeline as the core has it, plus the lines
// typed here that the core has not acknowledged yet. A line shows the moment Enter is
// pressed, reads as saved only once the core says it is durable, and when the core
// refuses it stays, marked NOT saved with the reason, until it is retried or discarded.
// In a live incident the other responders' lines come in between saves, as the
// background sharing reports them, and the session keeps what the strip shows: who is
// here, what of this laptop's is not shared yet, and the key times waiting for the
// commander. Of a long timeline the session holds only the newest lines, from the
// window's opening or its own reading, and earlier ones a page at a time as someone
// scrolls or steps back to them.

import { IpcError, asIpcError, ipc as defaultIpc, onLiveShared } from '../ipc';
import type { Entry, Incident, Ipc, KeyTime, LiveShared, LiveStatus, Opening } from '../ipc';
import { announce } from '../shared/announce.svelte';
import { nowStamp } from '../shared/time';

/** What the capture view calls: what its tests fake. */
export type CaptureIpc = Pick<
  Ipc,
  | 'listIncidents'
  | 'incident'
  | 'createIncident'
  | 'timelinePage'
  | 'appendLine'
  | 'mark'
  | 'editEntry'
  | 'liveStatus'
  | 'acceptProposal'
> & { onLiveShared: typeof onLiveShared };

const defaultCaptureIpc: CaptureIpc = { ...defaultIpc, onLiveShared };

/** What the capture view may change about an entry; `null` leaves a field as it is. */
export interface Correction {
  text: string | null;
  /** As typed: `14:05`, `-5m`, `2026-11-23 14:05:30 +01:00`... */
  at: string | null;
}

/** What the window opens on when there is an incident to capture into. */
export type CaptureOpening = Extract<Opening, { view: 'capture' }>;

/** How many of the newest lines the window asks for first: more rows than the tallest screens show. */
export const FIRST_LINES = 150;

/** How many earlier lines are read at a time as they come into view: many screens' worth, in one call. */
export const EARLIER_LINES = 500;

/**
 * The most lines one read brings when the view jumps far back (to the top of 10,000 lines):
 * a few calls instead of one per page, each answer still of a bounded size.
 */
export const FARTHEST_READ = 4000;

/**
 * How many rows read above the view the window holds before it lets the earliest of them go,
 * and how many it keeps then: scrolling back through 10,000 lines and down again does not
 * leave all of them in memory. Rows let go are read again if they come back into view.
 */
export const HELD_ABOVE_VIEW = 2000;
export const KEPT_ABOVE_VIEW = 500;

export type LineState = 'saving' | 'saved' | 'failed';

type Request = { kind: 'line'; line: string } | { kind: 'mark'; key: KeyTime };

/** One row of the timeline. */
export interface Line {
  /** `entry-<number>` once saved, `typed-<n>` before. */
  key: string;
  state: LineState;
  /** What the core saved; null until it acknowledges the line. */
  entry: Entry | null;
  /** As typed (or the mark's name): what the row shows until the core's reading arrives. */
  typed: string;
  /** RFC 3339: when Enter or the mark key was pressed, or the saved entry's time. */
  at: string;
  request: Request | null;
  error: IpcError | null;
}

const MARK_NAMES: Record<KeyTime, string> = { detected: 'Detected', mitigated: 'Mitigated', resolved: 'Resolved' };

function savedLine(entry: Entry): Line {
  return { key: `entry-${entry.id}`, state: 'saved', entry, typed: entry.text, at: entry.at, request: null, error: null };
}

export class CaptureSession {
  readonly id: string;
  incident = $state.raw<Incident | null>(null);
  lines = $state.raw<Line[]>([]);
  loadError = $state.raw<IpcError | null>(null);
  failed = $derived(this.lines.filter((line) => line.state === 'failed'));
  /** Where the incident stands as a live one; null until read. */
  live = $state.raw<LiveStatus | null>(null);
  /** Why the last round of sharing could not reach the shared repository, if it could not. */
  unreachable = $state.raw<string | null>(null);
  /** What the shared repository said when the last round's lines were refused, if they were. */
  refused = $state.raw<string | null>(null);
  /** Why the last round of sharing failed on this laptop, if it did. */
  sharingError = $state.raw<IpcError | null>(null);
  /** Lines of the timeline before those read, read a page at a time as they come into view. */
  earlier = $state(0);

  #ipc: CaptureIpc;
  #typed = 0;
  /**
   * Saves run one after another, so entry numbers follow the order lines were typed in; the
   * reloads for lines that came from the others wait their turn between them.
   */
  #queue: Promise<void> = Promise.resolve();
  /** A reload waiting in the queue: every arrival before it runs is covered by it. */
  #reload: Promise<void> | null = null;
  /** Started from the window's opening, whose reading the view has not taken up yet. */
  #fromOpening = false;
  /** Lines the others added since the timeline was last read: a reload reads that much further back. */
  #arrived = 0;
  /** The page of earlier lines being read, if one is. */
  #readingEarlier: Promise<void> | null = null;

  constructor(id: string, api: CaptureIpc = defaultCaptureIpc) {
    this.id = id;
    this.#ipc = api;
  }

  /** Starts from what the window's opening read: the incident, its newest lines and its live status. */
  begin(opening: CaptureOpening): void {
    this.incident = opening.incident;
    this.lines = opening.newest.entries.map(savedLine);
    this.earlier = opening.newest.before;
    this.live = opening.live;
    this.#fromOpening = true;
  }

  /**
   * What the view does as it opens: reads the incident and its newest lines, unless the window's
   * opening just did; and follows the sharing until the returned function stops it.
   */
  open(): () => void {
    const fromOpening = this.#fromOpening;
    this.#fromOpening = false;
    if (!fromOpening) void this.load();
    return this.follow({ liveKnown: fromOpening });
  }

  /**
   * Reads the incident and the newest lines of its timeline: a first page, or as far back as
   * lines were read already, counting those the others added since. Lines not yet saved stay at
   * the end.
   */
  async load(): Promise<void> {
    const arrived = this.#arrived;
    this.#arrived = 0;
    const count = Math.max(FIRST_LINES, this.#savedLines() + arrived);
    try {
      const [incident, page] = await Promise.all([
        this.#ipc.incident(this.id),
        this.#ipc.timelinePage(this.id, 0, count),
      ]);
      this.incident = incident;
      this.lines = [...page.entries.map(savedLine), ...this.lines.filter((line) => line.state !== 'saved')];
      this.earlier = page.before;
      this.loadError = null;
    } catch (failure) {
      this.#arrived += arrived;
      this.loadError = asIpcError(failure);
    }
  }

  /**
   * Reads the lines just before those read, a page at a time, or back to the line at
   * `through` (its place in the whole timeline) when the view jumped farther than a page, in
   * turn with the saves and reloads; at once done when there is nothing earlier.
   */
  readEarlier(through?: number): Promise<void> {
    if (this.#readingEarlier) return this.#readingEarlier;
    if (this.earlier === 0) return Promise.resolve();
    const reading = this.#queue.then(async () => {
      try {
        const wanted = through === undefined ? 0 : this.earlier - through;
        const count = Math.min(FARTHEST_READ, Math.max(EARLIER_LINES, wanted));
        const page = await this.#ipc.timelinePage(this.id, this.#savedLines(), count);
        // Lines the others added among those read, not read again yet, push as many of the
        // oldest read into this page: those are kept once.
        const read = new Set(this.lines.map((line) => line.key));
        const earlier = page.entries.map(savedLine).filter((line) => !read.has(line.key));
        if (earlier.length > 0) this.lines = [...earlier, ...this.lines];
        this.earlier = page.before;
      } catch (failure) {
        this.loadError = asIpcError(failure);
      } finally {
        this.#readingEarlier = null;
      }
    });
    this.#readingEarlier = reading;
    this.#queue = reading;
    return reading;
  }

  /**
   * Lets go of the saved lines before place `before` in the timeline, as if never read: they
   * are read again if they come back into view. Nothing goes while earlier lines are being read
   * (their page is placed by what is held), nor when the line `keep` (the selected one) is among them.
   */
  forgetBefore(before: number, keep: string | null = null): void {
    if (this.#readingEarlier) return;
    const saved = this.lines.findIndex((line) => line.state !== 'saved');
    const count = Math.min(before - this.earlier, saved < 0 ? this.lines.length : saved);
    if (count <= 0) return;
    if (keep !== null && this.lines.slice(0, count).some((line) => line.key === keep)) return;
    this.lines = this.lines.slice(count);
    this.earlier += count;
  }

  /** Reads the timeline again once the saves already asked for are done. */
  refresh(): Promise<void> {
    if (this.#reload) return this.#reload;
    const reload = this.#queue.then(() => {
      this.#reload = null;
      return this.load();
    });
    this.#reload = reload;
    this.#queue = reload;
    return reload;
  }

  /** Reads who this laptop is to the others and what is not shared yet. */
  async refreshLive(): Promise<void> {
    try {
      this.live = await this.#ipc.liveStatus(this.id);
    } catch {
      // The strip keeps what it last knew; the timeline's own load reports a store that fails.
    }
  }

  /**
   * Listens to the background sharing for as long as the view is open: the strip follows each
   * round, and the timeline is read again when lines or corrections came in. Returns the stop.
   * The strip is read first unless it is known already.
   */
  follow({ liveKnown = false }: { liveKnown?: boolean } = {}): () => void {
    let stopped = false;
    let unlisten: (() => void) | null = null;
    this.#ipc.onLiveShared((shared) => this.heard(shared)).then(
      (stop) => (stopped ? stop() : (unlisten = stop)),
      () => {
        // Without the events the strip still shows what was read when the view opened.
      },
    );
    if (!liveKnown) void this.refreshLive();
    return () => {
      stopped = true;
      unlisten?.();
    };
  }

  /** What a round of sharing did, for any incident: this session takes what is its own. */
  heard(shared: LiveShared): void {
    if (shared.incident !== this.id) return;
    const { round, failure } = shared;
    this.sharingError = failure ? new IpcError(failure.code, failure.message) : null;
    if (!round) return;
    this.unreachable = round.unreachable;
    this.refused = round.refused;
    if (this.live) this.live = { ...this.live, unshared: round.unshared, responders: round.responders };
    if (round.received_lines > 0) {
      announce(`${round.received_lines} new ${round.received_lines === 1 ? 'line' : 'lines'} from the others`);
    }
    this.#arrived += round.received_lines;
    if (round.received_lines + round.received_corrections > 0) {
      void this.refresh();
      // Their lines may propose key times, or answer a proposal.
      void this.refreshLive();
    }
  }

  /** Accepts a key time another responder proposed (the commander's one key); throws the core's refusal. */
  async accept(entry: number): Promise<Entry> {
    const accepted = await this.#ipc.acceptProposal(this.id, entry);
    await Promise.all([this.refresh(), this.refreshLive()]);
    return accepted;
  }

  /** Shows the line at once and saves it; false when there is nothing to save. */
  submit(text: string, at: string = nowStamp()): boolean {
    if (text.trim() === '') return false;
    this.#add(text, at, { kind: 'line', line: text });
    return true;
  }

  mark(key: KeyTime, at: string = nowStamp()): void {
    this.#add(MARK_NAMES[key], at, { kind: 'mark', key });
  }

  /** Sends every line the core refused again, in the order they were typed. */
  retryFailed(): void {
    for (const line of this.failed) {
      this.#replace(line.key, { ...line, state: 'saving', error: null });
      this.#enqueue(line.key);
    }
  }

  /** Drops a line that was never saved; saved lines are only ever corrected. */
  discard(key: string): void {
    this.lines = this.lines.filter((line) => line.key !== key || line.state === 'saved');
  }

  /** Corrects a saved entry (the core keeps the old values); throws the core's refusal. */
  async correct(entry: number, change: Correction): Promise<Entry> {
    const corrected = await this.#ipc.editEntry(this.id, entry, change.text, change.at);
    await Promise.all([this.load(), this.#liveChanged()]);
    return corrected;
  }

  /** How many lines of the store the session holds. */
  #savedLines(): number {
    return this.lines.reduce((count, line) => count + (line.state === 'saved' ? 1 : 0), 0);
  }

  #add(typed: string, at: string, request: Request): void {
    const line: Line = { key: `typed-${++this.#typed}`, state: 'saving', entry: null, typed, at, request, error: null };
    this.lines = [...this.lines, line];
    this.#enqueue(line.key);
  }

  #enqueue(key: string): void {
    this.#queue = this.#queue.then(() => this.#save(key));
  }

  async #save(key: string): Promise<void> {
    const line = this.lines.findLast((candidate) => candidate.key === key);
    if (!line?.request) return;
    const { request } = line;
    let entry: Entry;
    try {
      entry =
        request.kind === 'line'
          ? await this.#ipc.appendLine(this.id, request.line, line.at)
          : await this.#ipc.mark(this.id, request.key, line.at);
    } catch (failure) {
      this.#replace(key, { ...line, state: 'failed', error: asIpcError(failure) });
      return;
    }
    this.#settle(key, entry);
    void this.#liveChanged();
    if (request.kind === 'mark') await this.#refreshIncident();
  }

  /** A line saved here is one more for the others to have: the strip says so at once. */
  async #liveChanged(): Promise<void> {
    if (this.live?.live) await this.refreshLive();
  }

  /**
   * The typed line becomes the entry the core saved. A reload that read the timeline after the
   * save but answered before it may have brought the entry already: then the typed line goes.
   */
  #settle(key: string, entry: Entry): void {
    const saved = savedLine(entry);
    if (this.lines.some((line) => line.key === saved.key)) {
      this.lines = this.lines.filter((line) => line.key !== key);
    } else {
      this.#replace(key, saved);
    }
  }

  /** Key times and status follow the marks. */
  async #refreshIncident(): Promise<void> {
    try {
      this.incident = await this.#ipc.incident(this.id);
    } catch (failure) {
      this.loadError = asIpcError(failure);
    }
  }

  #replace(key: string, updated: Line): void {
    const index = this.lines.findLastIndex((line) => line.key === key);
    if (index < 0) return;
    const lines = this.lines.slice();
    lines[index] = updated;
    this.lines = lines;
  }
}
