// Work a view may walk away from: a sync, an import preview, a connection test. Each call
// takes a ticket from Rust first and hands it to the command; when the person leaves the
// view, `leave()` cancels the tickets still out, so Rust stops the work before its next
// step, and whatever answer still comes is dropped here: it rejects as `cancelled`, for
// the view's state to stay as the person left it.

import { IpcError, ipc as defaultIpc } from '.';
import type { Ipc } from '.';

export type TaskIpc = Pick<Ipc, 'startTask' | 'cancelTask'>;

/** Whether a failure only says that the view walked away from the work. */
export function isCancelled(failure: unknown): boolean {
  return failure instanceof IpcError && failure.code === 'cancelled';
}

function walkedAway(): IpcError {
  return new IpcError('cancelled', 'This was stopped because its view was closed.');
}

export class Abandonable {
  #api: TaskIpc;
  #tickets = new Set<number>();
  #left = false;

  constructor(api: TaskIpc = defaultIpc) {
    this.#api = api;
  }

  /** Runs `call` with a fresh ticket; rejects as `cancelled` once the view has left. */
  async run<T>(call: (task: number) => Promise<T>): Promise<T> {
    if (this.#left) throw walkedAway();
    const task = await this.#api.startTask();
    if (this.#left) {
      this.#cancel(task);
      throw walkedAway();
    }
    this.#tickets.add(task);
    let answer: T;
    try {
      answer = await call(task);
    } catch (failure) {
      throw this.#left ? walkedAway() : failure;
    } finally {
      this.#tickets.delete(task);
    }
    if (this.#left) throw walkedAway();
    return answer;
  }

  /** The view is gone: the work still out is cancelled, and its answers are dropped. */
  leave(): void {
    this.#left = true;
    for (const task of this.#tickets) this.#cancel(task);
    this.#tickets.clear();
  }

  #cancel(task: number): void {
    // A cancel that does not arrive only lets the work finish unseen.
    this.#api.cancelTask(task).catch(() => {});
  }
}
