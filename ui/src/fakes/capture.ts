// A stand-in for the Rust side in unit tests: it records calls and answers each save
// only when the test says so, so tests can look at the screen before and after.

import { IpcError } from '../ipc';
import type { Entry, Incident, KeyTime } from '../ipc';
import type { CaptureIpc } from '../capture/capture.svelte';

export const INCIDENT: Incident = {
  id: '2026-11-23-checkout-latency',
  title: 'Checkout latency',
  kind: 'unscheduled',
  severity: null,
  status: 'open',
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

export class FakeIpc {
  incident: Incident = { ...INCIDENT };
  entries: Entry[] = [];
  pending: Pending[] = [];
  calls: [string, ...unknown[]][] = [];

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
      author: null,
      proposed: false,
    };
    this.entries.push(entry);
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
      currentIncident: async () => this.incident.id,
      incident: async () => this.incident,
      createIncident: async () => this.incident,
      timeline: async () => this.entries.map((entry) => ({ ...entry })),
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
    };
  }
}
