// The UI's only way into Rust. `ipc` is derived from the generated, typed bindings: one
// function per command, with the command's own arguments, answering with the value or
// throwing an IpcError that carries Debrief's `{code, message}`, ready to show to a
// person. A command added in src-tauri/src/ipc.rs appears here once the bindings are
// regenerated; nothing is written by hand per command. The one event the app sends,
// what a round of live sharing did, is heard through `onLiveShared`.

import { commands, events } from './bindings';
import type { AppError, ErrorCode, LiveShared } from './bindings';

export type * from './bindings';

/** The code of failures that never reached Debrief's core (a broken bridge, not a refusal). */
export const UNREACHABLE = 'unreachable';

/** What the UI may branch on: the core's codes and the app's, or a bridge that did not answer. */
export type FailureCode = ErrorCode | typeof UNREACHABLE;

/** Debrief refused or failed: `code` is stable for the UI to branch on, `message` is for people. */
export class IpcError extends Error {
  readonly code: FailureCode;

  constructor(code: FailureCode, message: string) {
    super(message);
    this.name = 'IpcError';
    this.code = code;
  }
}

type Reply<T> = { status: 'ok'; data: T } | { status: 'error'; error: AppError };

type Commands = typeof commands;

/** What a command answers when it succeeds. */
type Answer<Call> = Call extends (...args: never[]) => Promise<Reply<infer T>> ? T : never;

/** Every command, with the arguments the bindings give it, answering with its value. */
export type Ipc = {
  [Name in keyof Commands]: (...args: Parameters<Commands[Name]>) => Promise<Answer<Commands[Name]>>;
};

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

function unwrapped<Name extends keyof Commands>(name: Name): Ipc[Name] {
  const call = commands[name] as (...args: unknown[]) => Promise<Reply<unknown>>;
  return ((...args: unknown[]) => unwrap(() => call(...args))) as Ipc[Name];
}

export const ipc: Ipc = Object.fromEntries(
  (Object.keys(commands) as (keyof Commands)[]).map((name) => [name, unwrapped(name)]),
) as Ipc;

/** Any failure as an IpcError: Debrief's own as they are, anything else as unreachable. */
export function asIpcError(failure: unknown): IpcError {
  if (failure instanceof IpcError) return failure;
  const detail = failure instanceof Error ? failure.message : String(failure);
  return new IpcError(UNREACHABLE, detail);
}

/**
 * Hears what each round of live sharing did, for every live incident, every few seconds
 * (src-tauri/src/live_sharing.rs). Resolves to the function that stops listening.
 */
export function onLiveShared(handler: (shared: LiveShared) => void): Promise<() => void> {
  return events.liveShared.listen((event) => handler(event.payload));
}
