// One polite live region for the whole window: screen readers hear what was saved,
// what failed and which line is selected without the focus ever leaving the input.

export const announcement = $state({ text: '' });

export function announce(text: string): void {
  // The same words twice in a row must be heard twice.
  announcement.text = announcement.text === text ? `${text}\u00a0` : text;
}
