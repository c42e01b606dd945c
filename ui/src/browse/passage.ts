// A search hit's passage cut into plain and highlighted pieces. The core counts
// highlight ranges in characters (Unicode code points) while JavaScript strings count
// UTF-16 code units, so an emoji or a CJK extension character before a match would
// shift every highlight after it if the offsets were used on the string directly.
// The pieces are rendered as text nodes, never as HTML.

export interface Segment {
  text: string;
  mark: boolean;
}

/** UTF-16 index of every code point boundary: `boundaries[n]` is where code point `n` starts. */
function codePointBoundaries(text: string): number[] {
  const boundaries = [0];
  let index = 0;
  for (const character of text) {
    index += character.length;
    boundaries.push(index);
  }
  return boundaries;
}

/**
 * Splits `passage` at the highlighted ranges, given as `[start, end)` code-point offsets.
 * Ranges out of order, overlapping, empty or past the end are tolerated: sorted, merged,
 * clamped or dropped, so a slightly off answer never loses text.
 */
export function passageSegments(passage: string, highlights: readonly (readonly [number, number])[]): Segment[] {
  const boundaries = codePointBoundaries(passage);
  const length = boundaries.length - 1;
  const ranges = highlights
    .map(([start, end]) => [Math.max(0, Math.min(start, length)), Math.max(0, Math.min(end, length))] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);

  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }

  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) segments.push({ text: passage.slice(boundaries[at], boundaries[start]), mark: false });
    segments.push({ text: passage.slice(boundaries[start], boundaries[end]), mark: true });
    at = end;
  }
  if (at < length || segments.length === 0) segments.push({ text: passage.slice(boundaries[at]), mark: false });
  return segments.filter((segment, index) => segment.text !== '' || index === 0);
}
