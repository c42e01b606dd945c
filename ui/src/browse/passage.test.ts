import { describe, expect, it } from 'vitest';
import { passageSegments } from './passage';

const marked = (passage: string, highlights: [number, number][]) =>
  passageSegments(passage, highlights)
    .map((segment) => (segment.mark ? `[${segment.text}]` : segment.text))
    .join('');

describe('passage highlights', () => {
  it('marks the given ranges of plain ASCII text', () => {
    expect(marked('the pool was exhausted', [[4, 8], [13, 22]])).toBe('the [pool] was [exhausted]');
  });

  it('counts code points, not UTF-16 units, so an emoji before a match does not shift it', () => {
    expect(marked('🔥 The connection pool', [[6, 16], [17, 21]])).toBe('🔥 The [connection] [pool]');
    expect(marked('a😀b😀c pool', [[6, 10]])).toBe('a😀b😀c [pool]');
  });

  it('marks an emoji itself as one character', () => {
    expect(marked('x🔥y', [[1, 2]])).toBe('x[🔥]y');
  });

  it('keeps accented and CJK text whole', () => {
    expect(marked('café 数据库 down', [[5, 8]])).toBe('café [数据库] down');
  });

  it('sorts, merges overlapping ranges and clamps ranges past the end', () => {
    expect(marked('abcdefgh', [[5, 20], [1, 3], [2, 4]])).toBe('a[bcd]e[fgh]');
  });

  it('drops empty and reversed ranges and never loses text', () => {
    expect(marked('abc', [[1, 1], [2, 1]])).toBe('abc');
    expect(passageSegments('', [[0, 3]])).toEqual([{ text: '', mark: false }]);
  });

  it('marks the whole passage', () => {
    expect(passageSegments('pool', [[0, 4]])).toEqual([{ text: 'pool', mark: true }]);
  });
});
