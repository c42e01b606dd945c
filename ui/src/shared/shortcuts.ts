// Every keyboard shortcut, in one place: the handlers match against these and the
// shortcut sheet (`?`) lists them, so what the sheet says is what the keys do.

export type Scope = 'Everywhere' | 'Incident list' | 'Capture' | 'Post-mortem' | 'Browse';

export interface Shortcut {
  keys: string;
  does: string;
  scope: Scope;
}

export const SHORTCUTS: Shortcut[] = [
  { keys: '?', does: 'Show these shortcuts (F1 while typing)', scope: 'Everywhere' },
  { keys: 'Ctrl+N', does: 'Start a new incident', scope: 'Everywhere' },
  { keys: 'Alt+L', does: 'Go to the incident list', scope: 'Everywhere' },
  { keys: 'Alt+1', does: "Capture the open incident's timeline", scope: 'Everywhere' },
  { keys: 'Alt+2', does: "Write the open incident's post-mortem draft", scope: 'Everywhere' },
  { keys: 'Alt+3', does: 'Import chat, a chat log or commits into the open incident', scope: 'Everywhere' },
  { keys: 'Alt+B', does: 'Browse and search published post-mortems', scope: 'Everywhere' },
  { keys: 'Alt+S', does: 'Settings: shared repository, identity, team rules', scope: 'Everywhere' },
  { keys: 'Tab', does: 'Move to the next control', scope: 'Everywhere' },
  { keys: 'ArrowDown', does: 'Move to the next incident', scope: 'Incident list' },
  { keys: 'ArrowUp', does: 'Move to the previous incident', scope: 'Incident list' },
  { keys: 'Enter', does: 'Start the incident typed, or open (or join) the one chosen', scope: 'Incident list' },
  { keys: 'Alt+P', does: 'Keep the new incident on this laptop, or share it live again', scope: 'Incident list' },
  { keys: 'Alt+J', does: 'Join the newest live incident started on another laptop', scope: 'Incident list' },
  { keys: 'Enter', does: 'Save the line, stamped now', scope: 'Capture' },
  { keys: 'Shift+Enter', does: 'Start a new paragraph in the same line', scope: 'Capture' },
  { keys: 'Alt+D', does: 'Mark detected, now', scope: 'Capture' },
  { keys: 'Alt+M', does: 'Mark mitigated, now', scope: 'Capture' },
  { keys: 'Alt+R', does: 'Mark resolved, now', scope: 'Capture' },
  { keys: 'Alt+ArrowUp', does: 'Select the previous line', scope: 'Capture' },
  { keys: 'Alt+ArrowDown', does: 'Select the next line', scope: 'Capture' },
  { keys: 'Ctrl+E', does: 'Correct the selected line (or the last one): text or time', scope: 'Capture' },
  { keys: 'Alt+Y', does: 'Try again to save the lines that were NOT saved', scope: 'Capture' },
  { keys: 'Alt+A', does: 'Commander: accept the proposed key time (the selected one, else the last)', scope: 'Capture' },
  { keys: 'Escape', does: 'Close the correction or the selection', scope: 'Capture' },
  { keys: 'PageUp', does: 'Scroll the timeline up', scope: 'Capture' },
  { keys: 'PageDown', does: 'Scroll the timeline down', scope: 'Capture' },
  { keys: 'Ctrl+S', does: 'Save the draft now (it also saves itself as you type)', scope: 'Post-mortem' },
  { keys: 'Ctrl+Shift+P', does: 'Check and publish the post-mortem', scope: 'Post-mortem' },
  { keys: 'F8', does: 'Go to the next wording finding', scope: 'Post-mortem' },
  { keys: 'Ctrl+Z', does: 'Undo (Ctrl+Y or Ctrl+Shift+Z redoes)', scope: 'Post-mortem' },
  { keys: 'Escape', does: 'Close the publish panel', scope: 'Post-mortem' },
  { keys: 'ArrowDown', does: 'From the search field, move into the results', scope: 'Browse' },
  { keys: 'Enter', does: 'Open the chosen post-mortem', scope: 'Browse' },
  { keys: 'Escape', does: 'Close the post-mortem, back to the results', scope: 'Browse' },
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
