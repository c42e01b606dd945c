import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from './bindings';
import { IpcError, UNREACHABLE, ipc } from '.';
import type { Entry } from '.';

const entry: Entry = {
  id: 1,
  incident: '2026-11-23-checkout-latency',
  at: '2026-11-23T14:05:30+01:00',
  recorded_at: '2026-11-23T14:05:30.120+01:00',
  who: 'alice',
  kind: 'note',
  text: 'restarted the pool',
  source: 'app',
  history: [],
  author: null,
  proposed: false,
};

/** Answers like the Rust side: a value, or a rejection with the command's `{code, message}`. */
function rust(answer: (command: string, args: Record<string, unknown>) => unknown) {
  const calls: [string, Record<string, unknown>][] = [];
  mockIPC((command, args) => {
    calls.push([command, (args ?? {}) as Record<string, unknown>]);
    return answer(command, (args ?? {}) as Record<string, unknown>);
  });
  return calls;
}

afterEach(() => clearMocks());

describe('ipc', () => {
  it('calls the command with its arguments and returns what Rust answered', async () => {
    const calls = rust(() => entry);
    const saved = await ipc.appendLine(entry.incident, '@alice restarted the pool', entry.at);
    expect(saved).toEqual(entry);
    expect(calls).toEqual([
      ['append_line', { incident: entry.incident, line: '@alice restarted the pool', at: entry.at }],
    ]);
  });

  it("turns Debrief's refusal into an IpcError with its code and message", async () => {
    rust(() => {
      throw { code: 'disk-full', message: 'The disk holding /data is full. This change was NOT saved.' };
    });
    const refusal = await ipc.appendLine(entry.incident, 'hello', entry.at).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(IpcError);
    expect(refusal).toMatchObject({ code: 'disk-full', message: 'The disk holding /data is full. This change was NOT saved.' });
  });

  it("reports a refusal by Tauri itself, which is no {code, message}, as unreachable", async () => {
    rust(() => {
      throw 'Command append_line not allowed by ACL';
    });
    const refusal = await ipc.appendLine(entry.incident, 'hello', entry.at).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: UNREACHABLE });
    expect((refusal as IpcError).message).toContain('not allowed by ACL');
    expect((refusal as IpcError).message).toContain('Nothing was changed');
  });

  it('sends a correction with null for what stays as it is', async () => {
    const calls = rust(() => entry);
    await ipc.editEntry(entry.incident, 3, null, '14:02');
    expect(calls).toEqual([['edit_entry', { incident: entry.incident, entry: 3, text: null, at: '14:02' }]]);
  });

  it('has one function for every command in the bindings, each calling it by its Rust name', async () => {
    expect(Object.keys(ipc).sort()).toEqual(Object.keys(commands).sort());
    const calls = rust(() => null);
    await ipc.cancelTask(7);
    await ipc.syncSharedRepository(null).catch(() => {});
    expect(calls).toEqual([
      ['cancel_task', { task: 7 }],
      ['sync_shared_repository', { task: null }],
    ]);
  });

  it('marks a key time with its name', async () => {
    const calls = rust(() => ({ ...entry, kind: 'mitigated', text: 'Mitigated' }));
    await ipc.mark(entry.incident, 'mitigated', entry.at);
    expect(calls).toEqual([['mark', { incident: entry.incident, key: 'mitigated', at: entry.at }]]);
  });
});
