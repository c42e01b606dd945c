// The UI's only way into Rust. Every call goes through the generated, typed bindings
// and comes back either as the value or as an IpcError carrying Debrief's own
// `{code, message}`, ready to show to a person.

import { commands } from './bindings';
import type { AppError, Entry, Incident, KeyTime } from './bindings';

export type { Edit, EditedField, Entry, EntryKind, Incident, KeyTime, Status } from './bindings';

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
};

export type Ipc = typeof ipc;
