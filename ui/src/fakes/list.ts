// The incident list's Rust side for unit tests: incidents here, the live ones elsewhere to
// join, what reading a post-mortem file in answers, and what starting, joining or reading
// in was asked with.

import { IpcError } from '../ipc';
import type { Incident, Joinable, LiveRound, ReadBack } from '../ipc';
import type { DropEvent } from '../import/drops';
import type { ListIpc } from '../capture/list';
import { INCIDENT } from './capture';
import { FakeTasks } from './tasks';

export const ELSEWHERE: Joinable = {
  shared_repository: true,
  unreachable: null,
  incidents: [
    {
      id: '2026-11-23-login-errors',
      title: 'Login errors',
      started_at: '2026-11-23T14:20:00+01:00',
      commander: 'Bo',
      responders: ['Bo', 'Cy'],
    },
    {
      id: '2026-11-23-slow-search',
      title: 'Slow search',
      started_at: '2026-11-23T09:00:00+01:00',
      commander: null,
      responders: ['Cy'],
    },
  ],
};

export class FakeList {
  incidents: Incident[] = [{ ...INCIDENT }];
  joinable: Joinable = ELSEWHERE;
  started: [string, boolean][] = [];
  joined: string[] = [];
  /** How many times the live incidents elsewhere were asked for. */
  asked = 0;
  /** What reading in a post-mortem file answers, by its path (else: no such file). */
  readBacks: Record<string, ReadBack | IpcError> = {};
  readIn: string[] = [];
  /** Whoever listens for files dropped on the window. */
  handler: ((event: DropEvent) => void) | null = null;

  drops = async (handler: (event: DropEvent) => void) => {
    this.handler = handler;
    return () => {
      this.handler = null;
    };
  };
  tasks = new FakeTasks();

  api(): ListIpc {
    return {
      ...this.tasks.api(),
      listIncidents: async () => this.incidents,
      createIncident: async (title: string, keepPrivate: boolean) => {
        this.started.push([title, keepPrivate]);
        return { ...INCIDENT, id: '2026-11-23-new', title };
      },
      joinableIncidents: async () => {
        this.asked += 1;
        return this.joinable;
      },
      importPostmortemFile: async (path: string) => {
        this.readIn.push(path);
        const answer =
          this.readBacks[path] ??
          new IpcError('import', `cannot import ${path}: it cannot be read (No such file or directory)`);
        if (answer instanceof IpcError) throw answer;
        this.incidents = [...this.incidents, { ...INCIDENT, id: answer.incident, written_up: true }];
        return answer;
      },
      joinIncident: async (incident: string) => {
        this.joined.push(incident);
        const round: LiveRound = {
          incident,
          pushed: 0,
          received_lines: 3,
          received_corrections: 0,
          unshared: 0,
          unreachable: null,
          refused: null,
          responders: [],
        };
        return round;
      },
    };
  }
}
