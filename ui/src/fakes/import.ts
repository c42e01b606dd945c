// A stand-in for the import view's part of Rust: channels of a Slack export, and imports
// that answer only when the test says so.

import { IpcError } from '../ipc';
import type { ImportReport, ImportSource } from '../ipc';
import type { DropEvent } from '../import/drops';
import type { ImportIpc } from '../import/import.svelte';
import { FakeTasks } from './tasks';

export const ID = '2026-11-23-checkout-latency';

export function report(dryRun: boolean, overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    incident: ID,
    source: 'slack #incident-42',
    dry_run: dryRun,
    added: 2,
    already_present: 1,
    lines: [
      { at: '2026-11-23T14:02:00+01:00', who: 'alice', kind: 'note', text: 'db-2 pool at 100%\nsecond line', key: 'a' },
      { at: '2026-11-23T14:05:30+01:00', who: null, kind: 'detected', text: 'Detected', key: 'b' },
    ],
    skipped: [{ what: 'bot messages', count: 4 }],
    warnings: [{ kind: 'unknown-user', message: 'A user id had no name in users.json', count: 2, examples: ['U123'] }],
    notes: ['Times are in UTC as Slack records them.'],
    offered_marks: [{ mark: 'mitigated', at: '2026-11-23T14:30:00+01:00', who: 'bob', command: 'debrief mark mitigated --at 14:30' }],
    ...overrides,
  };
}

interface Waiting {
  source: ImportSource;
  dryRun: boolean;
  resolve: (report: ImportReport) => void;
  reject: (error: IpcError) => void;
}

export class FakeImports {
  calls: [string, ...unknown[]][] = [];
  /** The ticket each import was given: previews may be abandoned, imports not. */
  tickets: (number | null)[] = [];
  waiting: Waiting[] = [];
  channels: string[] = ['incident-42', 'general'];
  handler: ((event: DropEvent) => void) | null = null;
  unlistened = 0;
  tasks = new FakeTasks();

  api(): ImportIpc {
    return {
      ...this.tasks.api(),
      slackChannels: async (path: string) => {
        this.calls.push(['slackChannels', path]);
        if (!path.endsWith('.zip')) throw new IpcError('import', `${path} is not a Slack export.`);
        return this.channels;
      },
      importInto: (incident: string, source: ImportSource, dryRun: boolean, task: number | null) => {
        this.tickets.push(task);
        this.calls.push(['importInto', incident, source, dryRun]);
        return new Promise((resolve, reject) => this.waiting.push({ source, dryRun, resolve, reject }));
      },
    };
  }

  drops = async (handler: (event: DropEvent) => void) => {
    this.handler = handler;
    return () => {
      this.unlistened += 1;
      this.handler = null;
    };
  };

  answer(value: ImportReport | IpcError) {
    const next = this.waiting.shift();
    if (!next) throw new Error('no import is running');
    if (value instanceof IpcError) next.reject(value);
    else next.resolve(value);
  }
}
