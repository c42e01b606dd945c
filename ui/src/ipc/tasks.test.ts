import { describe, expect, it } from 'vitest';
import { FakeTasks } from '../fakes/tasks';
import { IpcError } from '.';
import { Abandonable, isCancelled } from './tasks';

/** A command that answers only when told to. */
function pending<T>() {
  let answer!: (value: T) => void;
  let refuse!: (error: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    answer = resolve;
    refuse = reject;
  });
  return { promise, answer, refuse };
}

describe('abandonable work', () => {
  it('hands the command a fresh ticket and answers with what it answered', async () => {
    const tasks = new FakeTasks();
    const work = new Abandonable(tasks.api());
    const seen: number[] = [];
    expect(await work.run(async (task) => (seen.push(task), 'synced'))).toBe('synced');
    expect(await work.run(async (task) => (seen.push(task), 'again'))).toBe('again');
    expect(seen).toEqual([1, 2]);
    expect(tasks.cancelled).toEqual([]);
  });

  it('cancels the ticket still out when the view leaves, and drops the answer that comes after', async () => {
    const tasks = new FakeTasks();
    const work = new Abandonable(tasks.api());
    const command = pending<string>();
    const running = work.run(() => command.promise);
    await Promise.resolve();
    work.leave();
    command.answer('too late');
    const outcome = await running.catch((failure: unknown) => failure);
    expect(isCancelled(outcome)).toBe(true);
    expect(tasks.cancelled).toEqual([1]);
  });

  it("reads a refusal after leaving as cancelled too, and passes other refusals on", async () => {
    const tasks = new FakeTasks();
    const refused = new IpcError('git', 'The shared repository could not be reached.');
    await expect(new Abandonable(tasks.api()).run(() => Promise.reject(refused))).rejects.toBe(refused);
    const work = new Abandonable(tasks.api());
    const command = pending<string>();
    const running = work.run(() => command.promise);
    await Promise.resolve();
    work.leave();
    command.refuse(refused);
    expect(isCancelled(await running.catch((failure: unknown) => failure))).toBe(true);
  });

  it('starts nothing once the view has left', async () => {
    const tasks = new FakeTasks();
    const work = new Abandonable(tasks.api());
    work.leave();
    let called = false;
    const outcome = await work.run(async () => (called = true)).catch((failure: unknown) => failure);
    expect(isCancelled(outcome)).toBe(true);
    expect(called).toBe(false);
    expect(tasks.given).toBe(0);
  });
});
