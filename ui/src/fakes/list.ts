// The incident list's Rust side for unit tests: incidents here, the live ones elsewhere to
// join, and what starting or joining one was asked with.

import type { Incident, Joinable, LiveRound } from '../ipc';
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
