// Files dropped on the window. The desktop shell, not the page, receives a drop and
// hands over the files' paths through Tauri's webview drag-and-drop event. Views
// subscribe through this one function, which tests replace.

import { getCurrentWebview } from '@tauri-apps/api/webview';

export type DropEvent =
  | { type: 'enter'; paths: string[] }
  | { type: 'over' }
  | { type: 'drop'; paths: string[] }
  | { type: 'leave' };

/** Calls `handler` for every drag over the window until the returned function is called. */
export type DropSubscription = (handler: (event: DropEvent) => void) => Promise<() => void>;

export const subscribeDrops: DropSubscription = async (handler) => {
  try {
    return await getCurrentWebview().onDragDropEvent((event) => {
      const payload = event.payload;
      if (payload.type === 'enter' || payload.type === 'drop') handler({ type: payload.type, paths: payload.paths });
      else handler({ type: payload.type });
    });
  } catch {
    // Outside the desktop shell (a plain browser) nothing can be dropped: the path field remains.
    return () => {};
  }
};
