// One post-mortem draft being written: the prose as the editor has it, saved on its own
// shortly after typing stops, with the generated regions (key times, timeline, action
// items, participants, links) refreshed by the core on every save. The author's text is
// never lost and never overwritten: a refreshed body is applied only when nothing was
// typed since the save started, as one minimal change so the cursor stays put; a failed
// save keeps the text in the editor and says so. Wording findings, and the times,
// durations and citations the timeline does not hold, follow every change. The contributing
// factors, each a sentence with a theme from the team's list, are kept beside the prose.

import { asIpcError, ipc as defaultIpc } from '../ipc';
import type {
  ActionChange,
  ActionItem,
  AddedActionItem,
  BodyWarning,
  ContributingFactor,
  DueByPolicy,
  EditableDraft,
  FactorChange,
  Finding,
  Incident,
  IncidentFacts,
  Ipc,
  IpcError,
  KeyTime,
  Mismatch,
  NewActionItem,
  NewFactor,
  SafeHtml,
  Theme,
} from '../ipc';
import { ByteOffsets, applyChange, minimalChange } from './offsets';
import type { TextChange } from './offsets';

/** What the draft view calls: what its tests fake. */
export type DraftIpc = Pick<
  Ipc,
  | 'incident'
  | 'openDraft'
  | 'saveDraft'
  | 'checkWording'
  | 'checkClaims'
  | 'preview'
  | 'setFacts'
  | 'setKeyTime'
  | 'setStart'
  | 'addActionItem'
  | 'updateActionItem'
  | 'factorThemes'
  | 'addFactor'
  | 'updateFactor'
  | 'removeFactor'
  | 'publishChecks'
  | 'publish'
  | 'publishQueue'
  | 'retryPublishQueue'
  | 'seenBefore'
  | 'readPostmortem'
>;

/** How long typing must pause before the draft is saved, and before wording is checked again. */
export const SAVE_DELAY_MS = 700;
export const CHECK_DELAY_MS = 150;
export const PREVIEW_DELAY_MS = 250;

/** A finding placed in the editor's text: `from`/`to` are string indices, not bytes. */
export interface PlacedFinding extends Finding {
  key: string;
  from: number;
  to: number;
}

/** A claim of the prose the timeline does not hold, placed in the editor's text. */
export interface PlacedClaim extends Mismatch {
  key: string;
  from: number;
  to: number;
}

/**
 * `loading` until the draft is open; `saved`; `pending` while typing has not paused yet;
 * `saving`; `failed` when the last save was refused (the text stays in the editor).
 */
export type SaveState = 'loading' | 'saved' | 'pending' | 'saving' | 'failed';

/** Where a change comes from: the core's refreshed body, or a suggestion the author chose. */
export type ChangeOrigin = 'remote' | 'suggestion';

/** The editor, as the session sees it. */
export interface EditorPort {
  change(change: TextChange, origin: ChangeOrigin): void;
  select(from: number, to: number): void;
}

type Timer = ReturnType<typeof setTimeout>;

export class DraftSession {
  readonly id: string;
  readonly api: DraftIpc;

  incident = $state.raw<Incident | null>(null);
  /** The prose as the editor has it now. */
  text = $state('');
  actionItems = $state.raw<ActionItem[]>([]);
  factors = $state.raw<ContributingFactor[]>([]);
  /** The team's themes; empty until they arrive (or when they could not be read: see `themesError`). */
  themes = $state.raw<Theme[]>([]);
  themesError = $state.raw<IpcError | null>(null);
  warnings = $state.raw<BodyWarning[]>([]);
  loadError = $state.raw<IpcError | null>(null);
  saveState = $state<SaveState>('loading');
  saveError = $state.raw<IpcError | null>(null);
  findings = $state.raw<PlacedFinding[]>([]);
  claims = $state.raw<PlacedClaim[]>([]);
  checkError = $state.raw<IpcError | null>(null);
  previewing = $state(false);
  preview = $state.raw<SafeHtml | null>(null);
  previewError = $state.raw<IpcError | null>(null);

  #editor: EditorPort | null = null;
  /** Counts the author's changes, so a save knows whether anything was typed while it ran. */
  #edits = 0;
  #dirty = false;
  #again = false;
  #saving: Promise<boolean> | null = null;
  #saveTimer: Timer | undefined;
  #checkTimer: Timer | undefined;
  #previewTimer: Timer | undefined;
  #checkTicket = 0;
  #previewTicket = 0;
  /** The text the findings were placed in. */
  #checked = '';

  constructor(id: string, api: DraftIpc = defaultIpc) {
    this.id = id;
    this.api = api;
  }

  get loaded(): boolean {
    return this.saveState !== 'loading';
  }

  /** Whether the editor holds text the core does not have yet. */
  get unsaved(): boolean {
    return this.#dirty;
  }

  async load(): Promise<void> {
    void this.loadThemes();
    try {
      const draft = await this.api.openDraft(this.id);
      this.#adopt(draft);
      this.#replaceBody(draft.body);
      this.loadError = null;
      this.saveState = 'saved';
      await this.check();
    } catch (failure) {
      this.loadError = asIpcError(failure);
    }
  }

  /** The editor reports every change; returns the detach function. */
  attach(editor: EditorPort): () => void {
    this.#editor = editor;
    return () => {
      if (this.#editor === editor) this.#editor = null;
    };
  }

  /** The author changed the text (typing, pasting, undo, a suggestion applied). */
  edit(text: string): void {
    if (text === this.text) return;
    this.text = text;
    this.#edits += 1;
    this.#dirty = true;
    if (this.saveState === 'saved') this.saveState = 'pending';
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => void this.save(), SAVE_DELAY_MS);
    this.#scheduleCheck();
    this.#schedulePreview();
  }

  /** Saves now (Ctrl+S, or after the pause); true once the editor's text is saved. */
  save(): Promise<boolean> {
    clearTimeout(this.#saveTimer);
    if (this.saveState === 'loading') return Promise.resolve(false);
    if (this.#saving) {
      this.#again = true;
      return this.#saving;
    }
    const saving = this.#saveUntilCurrent().finally(() => {
      if (this.#saving === saving) this.#saving = null;
    });
    this.#saving = saving;
    return saving;
  }

  /** Saves whatever is not saved yet (before leaving, publishing or changing facts). */
  flush(): Promise<boolean> {
    clearTimeout(this.#saveTimer);
    if (this.#dirty) return this.save();
    if (this.#saving) return this.#saving;
    return Promise.resolve(this.saveState !== 'failed' && this.saveState !== 'loading');
  }

  async #saveUntilCurrent(): Promise<boolean> {
    do {
      this.#again = false;
      const sent = this.text;
      const edits = this.#edits;
      this.saveState = 'saving';
      let draft: EditableDraft;
      try {
        draft = await this.api.saveDraft(this.id, sent);
      } catch (failure) {
        this.saveError = asIpcError(failure);
        this.saveState = 'failed';
        return false;
      }
      this.#adopt(draft);
      if (this.#edits === edits) {
        // Nothing typed since: the core's body is the draft now, regions and all.
        this.#dirty = false;
        this.saveError = null;
        this.#replaceBody(draft.body);
        this.saveState = 'saved';
      } else {
        // Typed meanwhile: never clobber; save the newer text, which refreshes the regions too.
        this.#again = true;
      }
    } while (this.#again);
    return true;
  }

  /**
   * Reads the draft again after the facts, a key time or an action item changed, so the
   * generated regions show it. What is typed in the meantime wins, and is saved.
   */
  async refresh(): Promise<void> {
    await this.flush();
    const edits = this.#edits;
    const draft = await this.api.openDraft(this.id);
    this.#adopt(draft);
    if (this.#edits === edits && !this.#dirty) this.#replaceBody(draft.body);
    else if (!this.#saving) void this.save();
  }

  /** Sets the incident's facts as the form has them, then refreshes the regions. */
  async setFacts(facts: IncidentFacts): Promise<Incident> {
    await this.flush();
    const incident = await this.api.setFacts(this.id, facts);
    this.incident = incident;
    await this.refresh();
    return incident;
  }

  /** Corrects when the incident began, typed as a key time is; refused after a key time. */
  async setStart(typed: string): Promise<void> {
    await this.flush();
    this.incident = await this.api.setStart(this.id, typed);
    await this.refresh();
  }

  /** Corrects a key time, typed as `14:05`, `-20m` or `2026-11-23 14:05`. */
  async setKeyTime(key: KeyTime, typed: string): Promise<void> {
    await this.flush();
    await this.api.setKeyTime(this.id, key, typed);
    await this.refresh();
  }

  /** Adds an item; one without a due date gets the team's policy's, which the answer says. */
  async addActionItem(item: NewActionItem): Promise<AddedActionItem> {
    await this.flush();
    const added = await this.api.addActionItem(this.id, item);
    await this.refresh();
    return added;
  }

  async updateActionItem(number: number, change: ActionChange): Promise<ActionItem> {
    await this.flush();
    const updated = await this.api.updateActionItem(this.id, number, change);
    await this.refresh();
    return updated;
  }

  /** The team's themes, for choosing a factor's theme; the draft works without them. */
  async loadThemes(): Promise<void> {
    try {
      this.themes = await this.api.factorThemes();
      this.themesError = null;
    } catch (failure) {
      this.themesError = asIpcError(failure);
    }
  }

  async addFactor(factor: NewFactor): Promise<ContributingFactor> {
    await this.flush();
    const added = await this.api.addFactor(this.id, factor);
    await this.refresh();
    return added;
  }

  async updateFactor(number: number, change: FactorChange): Promise<ContributingFactor> {
    await this.flush();
    const updated = await this.api.updateFactor(this.id, number, change);
    await this.refresh();
    return updated;
  }

  /** Removes factor `number`; the ones after it move up a place. */
  async removeFactor(number: number): Promise<ContributingFactor> {
    await this.flush();
    const removed = await this.api.removeFactor(this.id, number);
    await this.refresh();
    return removed;
  }

  /**
   * Checks the wording of the text as it is now, and its times, durations and citations
   * against the timeline; answers about older text are dropped.
   */
  async check(): Promise<void> {
    clearTimeout(this.#checkTimer);
    const text = this.text;
    const ticket = ++this.#checkTicket;
    try {
      const [found, claims] = await Promise.all([this.api.checkWording(text), this.api.checkClaims(this.id, text)]);
      if (ticket !== this.#checkTicket || text !== this.text) return;
      this.#checked = text;
      this.findings = placeFindings(text, found);
      this.claims = placeClaims(text, claims);
      this.checkError = null;
    } catch (failure) {
      if (ticket === this.#checkTicket) this.checkError = asIpcError(failure);
    }
  }

  /** Replaces the phrase with its rewording; false when the text has moved on since. */
  applySuggestion(finding: PlacedFinding): boolean {
    if (finding.replacement === null) return false;
    const current = this.#checked === this.text;
    if (!current && this.text.slice(finding.from, finding.to) !== finding.phrase) return false;
    const change: TextChange = { from: finding.from, to: finding.to, insert: finding.replacement };
    const after = applyChange(this.text, change);
    // The other findings stay where they are until the next check answers.
    const shift = change.insert.length - (change.to - change.from);
    this.findings = this.findings
      .filter((other) => other.key !== finding.key && (other.to <= change.from || other.from >= change.to))
      .map((other) => (other.from >= change.to ? { ...other, from: other.from + shift, to: other.to + shift } : other));
    if (current) this.#checked = after;
    if (this.#editor) this.#editor.change(change, 'suggestion');
    if (this.text !== after) this.edit(after);
    return true;
  }

  /** Selects a finding's phrase (or a line) in the editor. */
  reveal(from: number, to: number = from): void {
    this.#editor?.select(from, to);
  }

  /** The string index where a 1-based line of the text starts. */
  lineStart(line: number): number {
    let index = 0;
    for (let current = 1; current < line; current += 1) {
      const next = this.text.indexOf('\n', index);
      if (next < 0) return this.text.length;
      index = next + 1;
    }
    return index;
  }

  setPreviewing(on: boolean): void {
    this.previewing = on;
    if (on) void this.renderPreview();
  }

  async renderPreview(): Promise<void> {
    clearTimeout(this.#previewTimer);
    const text = this.text;
    const ticket = ++this.#previewTicket;
    try {
      const html = await this.api.preview(text);
      if (ticket !== this.#previewTicket) return;
      this.preview = html;
      this.previewError = null;
    } catch (failure) {
      if (ticket === this.#previewTicket) this.previewError = asIpcError(failure);
    }
  }

  /** Stops the timers; call `flush` first to keep what was typed. */
  dispose(): void {
    clearTimeout(this.#checkTimer);
    clearTimeout(this.#previewTimer);
    this.#editor = null;
  }

  #adopt(draft: EditableDraft): void {
    this.incident = draft.incident;
    this.actionItems = draft.action_items;
    this.factors = draft.contributing_factors;
    this.warnings = draft.warnings;
  }

  /** Takes the core's body, as one minimal change in the editor. */
  #replaceBody(body: string): void {
    const change = minimalChange(this.text, body);
    if (change === null) return;
    this.text = body;
    this.#editor?.change(change, 'remote');
    this.#scheduleCheck();
    this.#schedulePreview();
  }

  #scheduleCheck(): void {
    clearTimeout(this.#checkTimer);
    this.#checkTimer = setTimeout(() => void this.check(), CHECK_DELAY_MS);
  }

  #schedulePreview(): void {
    if (!this.previewing) return;
    clearTimeout(this.#previewTimer);
    this.#previewTimer = setTimeout(() => void this.renderPreview(), PREVIEW_DELAY_MS);
  }
}

/** The core's findings with string indices into `text`, in reading order. */
/** The core's byte offsets of each claim as string indices into `text`, in reading order. */
export function placeClaims(text: string, claims: Mismatch[]): PlacedClaim[] {
  const offsets = new ByteOffsets(text);
  return claims
    .map((claim) => ({ ...claim, key: `${claim.start}:${claim.claim}`, from: offsets.toIndex(claim.start), to: offsets.toIndex(claim.end) }))
    .sort((a, b) => a.from - b.from);
}

export function placeFindings(text: string, findings: Finding[]): PlacedFinding[] {
  const offsets = new ByteOffsets(text);
  return findings
    .map((finding) => ({
      ...finding,
      key: `${finding.rule}@${finding.start}`,
      from: offsets.toIndex(finding.start),
      to: offsets.toIndex(finding.end),
    }))
    .sort((a, b) => a.from - b.from || a.to - b.to);
}

/** The category as a person reads it. */
export const CATEGORY_NAMES: Record<Finding['category'], string> = {
  counterfactual: 'Counterfactual',
  blame: 'Blame',
  minimizing: 'Minimizing',
  hindsight: 'Hindsight',
  'follow-up': 'Follow-up',
};

/** Where a due date the policy gave came from: `30 days for a SEV2 incident, by the team's policy`. */
export function describeDueByPolicy(due: DueByPolicy): string {
  const days = `${due.days} ${due.days === 1 ? 'day' : 'days'}`;
  const whose = due.policy === null ? "by Debrief's default policy" : "by the team's policy";
  return due.severity === null
    ? `${days}, the default for an incident without a severity, ${whose}`
    : `${days} for a ${due.severity} incident, ${whose}`;
}

/** Why a phrase is flagged, starting with its category ("Hindsight: …"). */
export function withCategory(finding: Finding): string {
  const name = CATEGORY_NAMES[finding.category];
  return finding.message.toLowerCase().startsWith(name.toLowerCase()) ? finding.message : `${name}: ${finding.message}`;
}

/** Why a phrase is flagged, without a leading "Category:" (shown beside the category instead). */
export function reason(finding: Finding): string {
  const prefix = `${CATEGORY_NAMES[finding.category]}:`;
  return finding.message.startsWith(prefix) ? finding.message.slice(prefix.length).trimStart() : finding.message;
}
