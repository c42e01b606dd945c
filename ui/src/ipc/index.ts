// The UI's only way into Rust. Every call goes through the generated, typed bindings
// and comes back either as the value or as an IpcError carrying Debrief's own
// `{code, message}`, ready to show to a person.

import { commands } from './bindings';
import type {
  ActionChange,
  ActionItem,
  AppError,
  Checks,
  ConnectionTest,
  Delivery,
  EditableDraft,
  Entry,
  Finding,
  ImportReport,
  ImportSource,
  Incident,
  IncidentFacts,
  IndexedAction,
  KeyTime,
  NewActionItem,
  Period,
  PeriodStats,
  PublishOptions,
  PublishReport,
  Queued,
  RepositoryOverview,
  SafeHtml,
  SearchHit,
  SearchQuery,
  SyncReport,
  Timing,
} from './bindings';

export type {
  ActionChange,
  ActionItem,
  ActionStatus,
  ActionType,
  BodyWarning,
  Category,
  Checks,
  Concern,
  ConnectionTest,
  Delivery,
  Edit,
  EditableDraft,
  EditedField,
  Entry,
  EntryKind,
  Finding,
  ImportReport,
  ImportSource,
  Incident,
  IncidentFacts,
  IncidentKind,
  IndexedAction,
  KeyTime,
  NewActionItem,
  Period,
  PeriodStats,
  PublishOptions,
  PublishReport,
  Published,
  Queued,
  RepositoryOverview,
  SafeHtml,
  SearchHit,
  SearchQuery,
  SecretFinding,
  Severity,
  Spread,
  Status,
  SyncReport,
  Timing,
} from './bindings';

/** The code of failures that never reached Debrief's core (a broken bridge, not a refusal). */
export const UNREACHABLE = 'unreachable';

/** Debrief refused or failed: `code` is stable for the UI to branch on, `message` is for people. */
export class IpcError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'IpcError';
    this.code = code;
  }
}

type Reply<T> = { status: 'ok'; data: T } | { status: 'error'; error: AppError };

function isAppError(value: unknown): value is AppError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AppError).code === 'string' &&
    typeof (value as AppError).message === 'string'
  );
}

async function unwrap<T>(call: () => Promise<Reply<T>>): Promise<T> {
  let reply: Reply<T>;
  try {
    reply = await call();
  } catch (failure) {
    throw unreachable(failure);
  }
  if (reply.status === 'ok') return reply.data;
  // A refusal by Tauri itself (say, a command the window may not call) arrives as a plain string.
  if (!isAppError(reply.error)) throw unreachable(reply.error);
  throw new IpcError(reply.error.code, reply.error.message);
}

function unreachable(failure: unknown): IpcError {
  const detail = failure instanceof Error ? failure.message : String(failure);
  return new IpcError(UNREACHABLE, `The window could not reach Debrief's store (${detail}). Nothing was changed.`);
}

/** What the capture view may change about an entry; `null` leaves a field as it is. */
export interface Correction {
  text: string | null;
  /** As typed: `14:05`, `-5m`, `2026-11-23 14:05:30 +01:00`... */
  at: string | null;
}

export const ipc = {
  listIncidents: (): Promise<Incident[]> => unwrap(() => commands.listIncidents()),

  /** The incident capture continues in (most recent not resolved), or null when there is none. */
  currentIncident: async (): Promise<string | null> => {
    try {
      return await unwrap(() => commands.currentIncident());
    } catch (error) {
      if (error instanceof IpcError && error.code === 'no-open-incident') return null;
      throw error;
    }
  },

  incident: (id: string): Promise<Incident> => unwrap(() => commands.incident(id)),

  createIncident: (title: string): Promise<Incident> => unwrap(() => commands.createIncident(title)),

  timeline: (incident: string): Promise<Entry[]> => unwrap(() => commands.timeline(incident)),

  /** Resolves only once the line is durable on disk. `at` is when Enter was pressed (RFC 3339). */
  appendLine: (incident: string, line: string, at: string): Promise<Entry> =>
    unwrap(() => commands.appendLine(incident, line, at)),

  mark: (incident: string, key: KeyTime, at: string): Promise<Entry> =>
    unwrap(() => commands.mark(incident, key, at)),

  editEntry: (incident: string, entry: number, change: Correction): Promise<Entry> =>
    unwrap(() => commands.editEntry(incident, entry, change.text, change.at)),

  // Drafting
  openDraft: (incident: string): Promise<EditableDraft> => unwrap(() => commands.openDraft(incident)),
  /** Keeps the prose; answers with the draft as it now is, generated regions refreshed. */
  saveDraft: (incident: string, body: string): Promise<EditableDraft> =>
    unwrap(() => commands.saveDraft(incident, body)),
  /** Findings with UTF-8 byte offsets into `text` (see lib/offsets.ts). */
  checkWording: (text: string): Promise<Finding[]> => unwrap(() => commands.checkWording(text)),
  /** Markdown as sanitized HTML, safe for `{@html}`. */
  preview: (markdown: string): Promise<SafeHtml> => unwrap(() => commands.preview(markdown)),
  setFacts: (incident: string, facts: IncidentFacts): Promise<Incident> =>
    unwrap(() => commands.setFacts(incident, facts)),
  /** `at` as typed: `14:05`, `-20m`, `2026-11-23 14:05`. */
  setKeyTime: (incident: string, key: KeyTime, at: string): Promise<Entry> =>
    unwrap(() => commands.setKeyTime(incident, key, at)),
  addActionItem: (incident: string, item: NewActionItem): Promise<ActionItem> =>
    unwrap(() => commands.addActionItem(incident, item)),
  updateActionItem: (incident: string, number: number, change: ActionChange): Promise<ActionItem> =>
    unwrap(() => commands.updateActionItem(incident, number, change)),

  // Publishing
  publishChecks: (incident: string, options: PublishOptions): Promise<Checks> =>
    unwrap(() => commands.publishChecks(incident, options)),
  publish: (incident: string, options: PublishOptions): Promise<PublishReport> =>
    unwrap(() => commands.publish(incident, options)),
  publishQueue: (): Promise<Queued[]> => unwrap(() => commands.publishQueue()),
  retryPublishQueue: (): Promise<[string, Delivery][]> => unwrap(() => commands.retryPublishQueue()),

  // Browsing
  syncSharedRepository: (): Promise<SyncReport> => unwrap(() => commands.syncSharedRepository()),
  search: (query: SearchQuery): Promise<SearchHit[]> => unwrap(() => commands.search(query)),
  readPostmortem: (path: string): Promise<SafeHtml> => unwrap(() => commands.readPostmortem(path)),
  openActionItems: (overdue: boolean): Promise<IndexedAction[]> => unwrap(() => commands.openActionItems(overdue)),
  onThisDay: (): Promise<Timing[]> => unwrap(() => commands.onThisDay()),
  trends: (by: Period): Promise<PeriodStats[]> => unwrap(() => commands.trends(by)),

  // Imports
  slackChannels: (path: string): Promise<string[]> => unwrap(() => commands.slackChannels(path)),
  importInto: (incident: string, source: ImportSource, dryRun: boolean): Promise<ImportReport> =>
    unwrap(() => commands.importInto(incident, source, dryRun)),

  // Settings
  repositoryOverview: (): Promise<RepositoryOverview> => unwrap(() => commands.repositoryOverview()),
  setRepositoryUrl: (url: string): Promise<RepositoryOverview> => unwrap(() => commands.setRepositoryUrl(url)),
  setIdentity: (name: string, email: string): Promise<RepositoryOverview> =>
    unwrap(() => commands.setIdentity(name, email)),
  testConnection: (): Promise<ConnectionTest> => unwrap(() => commands.testConnection()),
};

export type Ipc = typeof ipc;

/** What the capture view calls: what its tests fake. Each view names the part it uses the same way. */
export type CaptureIpc = Pick<
  Ipc,
  'listIncidents' | 'currentIncident' | 'incident' | 'createIncident' | 'timeline' | 'appendLine' | 'mark' | 'editEntry'
>;
