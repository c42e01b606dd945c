// Tickets as Rust gives them, for the fakes of views that may walk away from their work.

import type { TaskIpc } from '../ipc/tasks';

export class FakeTasks {
  given = 0;
  cancelled: number[] = [];

  api(): TaskIpc {
    return {
      startTask: async () => ++this.given,
      cancelTask: async (task: number) => {
        this.cancelled.push(task);
        return null;
      },
    };
  }
}
