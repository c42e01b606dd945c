import { describe, expect, it } from 'vitest';
import { matches } from './shortcuts';

function key(init: KeyboardEventInit): KeyboardEvent {
  return new KeyboardEvent('keydown', init);
}

describe('shortcuts', () => {
  it('match letters by the physical key, with exactly the modifiers named', () => {
    expect(matches(key({ key: 'µ', code: 'KeyM', altKey: true }), 'Alt+M')).toBe(true);
    expect(matches(key({ key: 'm', code: 'KeyM' }), 'Alt+M')).toBe(false);
    expect(matches(key({ key: 'm', code: 'KeyM', altKey: true, ctrlKey: true }), 'Alt+M')).toBe(false);
    expect(matches(key({ key: 'e', code: 'KeyE', ctrlKey: true }), 'Ctrl+E')).toBe(true);
  });

  it('match named keys and typed characters', () => {
    expect(matches(key({ key: 'ArrowUp', altKey: true }), 'Alt+ArrowUp')).toBe(true);
    expect(matches(key({ key: 'Enter', shiftKey: true }), 'Enter')).toBe(false);
    expect(matches(key({ key: 'Enter', shiftKey: true }), 'Shift+Enter')).toBe(true);
    expect(matches(key({ key: '?', shiftKey: true }), '?')).toBe(true);
    expect(matches(key({ key: 'F1' }), 'F1')).toBe(true);
  });
});
