import { describe, expect, it } from 'vitest';
import { ByteOffsets, applyChange, byteToIndex, indexToByte, minimalChange, utf8Length } from './offsets';

const encoder = new TextEncoder();

/** Where the core would say `phrase` starts and ends in `text`, in UTF-8 bytes. */
function bytesOf(text: string, phrase: string): [number, number] {
  const index = text.indexOf(phrase);
  const start = encoder.encode(text.slice(0, index)).length;
  return [start, start + encoder.encode(phrase).length];
}

describe('byte offsets', () => {
  it('counts UTF-8 bytes like the core', () => {
    for (const text of ['', 'abc', 'café', '→ then', '🔥 on fire', 'naïve 日本語 👩‍💻']) {
      expect(utf8Length(text)).toBe(encoder.encode(text).length);
    }
  });

  it('maps ASCII offsets one to one', () => {
    const text = 'Bob should have known';
    expect(byteToIndex(text, 4)).toBe(4);
    expect(byteToIndex(text, text.length)).toBe(text.length);
  });

  it('maps offsets after accented letters, arrows, CJK and emoji', () => {
    const text = 'Café → 日本 🔥🔥 we would have caught it, 👩‍💻 said';
    const offsets = new ByteOffsets(text);
    for (const phrase of ['would have', 'said', '🔥', '日本', '→', 'Café']) {
      const [start, end] = bytesOf(text, phrase);
      const from = offsets.toIndex(start);
      const to = offsets.toIndex(end);
      expect(text.slice(from, to)).toBe(phrase);
    }
  });

  it('maps an offset inside a character to its start and clamps the rest', () => {
    const text = 'a🔥b';
    const offsets = new ByteOffsets(text);
    expect(offsets.toIndex(1)).toBe(1);
    expect(offsets.toIndex(2)).toBe(1);
    expect(offsets.toIndex(4)).toBe(1);
    expect(offsets.toIndex(5)).toBe(3);
    expect(offsets.toIndex(6)).toBe(4);
    expect(offsets.toIndex(99)).toBe(4);
    expect(offsets.toIndex(-3)).toBe(0);
  });

  it('converts indices back to bytes', () => {
    const text = 'é🔥x';
    expect(indexToByte(text, 0)).toBe(0);
    expect(indexToByte(text, 1)).toBe(2);
    expect(indexToByte(text, 3)).toBe(6);
    expect(indexToByte(text, 4)).toBe(7);
  });
});

describe('the minimal change', () => {
  it('is null when nothing changed', () => {
    expect(minimalChange('same', 'same')).toBeNull();
  });

  it('keeps the common start and end', () => {
    const before = '## Timeline\n| 14:00 | start |\n\n## Impact\nwe typed this';
    const after = '## Timeline\n| 14:00 | start |\n| 14:05 | detected |\n\n## Impact\nwe typed this';
    const change = minimalChange(before, after);
    expect(change).toEqual({ from: 30, to: 30, insert: '| 14:05 | detected |\n' });
    expect(applyChange(before, change!)).toBe(after);
  });

  it('handles deletions, replacements and repeated characters', () => {
    for (const [before, after] of [
      ['aaaa', 'aa'],
      ['abcabc', 'abc'],
      ['x', ''],
      ['', 'y'],
      ['one two three', 'one 2 three'],
      ['aXa', 'aYYa'],
    ]) {
      const change = minimalChange(before, after);
      expect(applyChange(before, change!)).toBe(after);
      expect(change!.to - change!.from).toBeLessThanOrEqual(before.length);
    }
  });

  it('never splits an emoji', () => {
    // 🔥 and 😀 share their high surrogate; 😀 and 🙀 share their low one.
    for (const [before, after] of [
      ['a🔥b', 'a😀b'],
      ['a😀b', 'a🙀b'],
      ['🔥', '😀'],
    ]) {
      const change = minimalChange(before, after)!;
      expect(applyChange(before, change)).toBe(after);
      expect(change.insert).toBe([...after].find((char) => char.length === 2));
    }
  });
});
