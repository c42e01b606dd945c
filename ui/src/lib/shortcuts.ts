// Every keyboard shortcut, in one place: the handlers match against these and the
// shortcut sheet (`?`) lists them, so what the sheet says is what the keys do.

export type Scope = 'Everywhere' | 'Incident list' | 'Capture';

export interface Shortcut {
  keys: string;
  does: string;
  scope: Scope;
}

export const SHORTCUTS: Shortcut[] = [
  { keys: '?', does: 'Show these shortcuts (F1 while typing)', scope: 'Everywhere' },
  { keys: 'Ctrl+N', does: 'Start a new incident', scope: 'Everywhere' },
  { keys: 'Alt+L', does: 'Go to the incident list', scope: 'Everywhere' },
  { keys: 'Tab', does: 'Move to the next control', scope: 'Everywhere' },
  { keys: 'ArrowDown', does: 'Move to the next incident', scope: 'Incident list' },
  { keys: 'ArrowUp', does: 'Move to the previous incident', scope: 'Incident list' },
  { keys: 'Enter', does: 'Start the incident typed, or open the one chosen', scope: 'Incident list' },
  { keys: 'Enter', does: 'Save the line, stamped now', scope: 'Capture' },
  { keys: 'Shift+Enter', does: 'Start a new paragraph in the same line', scope: 'Capture' },
  { keys: 'Alt+D', does: 'Mark detected, now', scope: 'Capture' },
  { keys: 'Alt+M', does: 'Mark mitigated, now', scope: 'Capture' },
  { keys: 'Alt+R', does: 'Mark resolved, now', scope: 'Capture' },
  { keys: 'Alt+ArrowUp', does: 'Select the previous line', scope: 'Capture' },
  { keys: 'Alt+ArrowDown', does: 'Select the next line', scope: 'Capture' },
  { keys: 'Ctrl+E', does: 'Correct the selected line (or the last one): text or time', scope: 'Capture' },
  { keys: 'Alt+Y', does: 'Try again to save the lines that were NOT saved', scope: 'Capture' },
  { keys: 'Escape', does: 'Close the correction or the selection', scope: 'Capture' },
  { keys: 'PageUp', does: 'Scroll the timeline up', scope: 'Capture' },
  { keys: 'PageDown', does: 'Scroll the timeline down', scope: 'Capture' },
];

/** What a person types in the capture line, besides plain text. */
export const LINE_SYNTAX: { example: string; means: string }[] = [
  { example: '@alice restarted the pool', means: '@name at the start says who' },
  { example: '/decision fail over to eu-west', means: '/action /decision /observation /communication set the kind' },
  { example: '/mitigated traffic shifted', means: '/detected /mitigated /resolved mark a key time, like Alt+D/M/R' },
];

/**
 * Whether a key event is the combination written as in SHORTCUTS (`Alt+M`, `Ctrl+E`,
 * `Alt+ArrowUp`, `F1`). Letters match the physical key, so Alt+M works whatever
 * character the keyboard layout gives Alt+M.
 */
export function matches(event: KeyboardEvent, keys: string): boolean {
  const parts = keys.split('+');
  const key = parts.pop() ?? '';
  const wanted = new Set(parts);
  if (
    event.ctrlKey !== wanted.has('Ctrl') ||
    event.altKey !== wanted.has('Alt') ||
    event.metaKey ||
    (event.shiftKey !== wanted.has('Shift') && key.length !== 1)
  ) {
    return false;
  }
  if (/^[A-Z]$/.test(key)) return event.code === `Key${key}`;
  return event.key === key;
}

/** How a key combination reads in the sheet and on buttons. */
export function keyLabel(keys: string): string {
  return keys.replace('ArrowUp', '↑').replace('ArrowDown', '↓');
}
