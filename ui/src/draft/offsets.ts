// The core counts in UTF-8 bytes; JavaScript strings and CodeMirror count in UTF-16
// code units. "é" is 2 bytes and 1 unit, "→" 3 bytes and 1 unit, "🔥" 4 bytes and
// 2 units. These helpers translate between the two, and find the smallest change
// that turns one text into another so a refreshed draft never moves the cursor.

/** How many UTF-8 bytes a code point takes. */
function utf8Width(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/** The length of `text` in UTF-8 bytes, as the core counts it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) bytes += utf8Width(char.codePointAt(0) ?? 0);
  return bytes;
}

/**
 * Translates UTF-8 byte offsets into one text to string indices. Built once per text
 * (one pass), then each lookup is constant time. A byte offset inside a character
 * maps to the start of that character; one past the end maps to the text's length.
 */
export class ByteOffsets {
  readonly text: string;
  readonly #indices: Int32Array;

  constructor(text: string) {
    this.text = text;
    const indices = new Int32Array(utf8Length(text) + 1);
    let byte = 0;
    let index = 0;
    for (const char of text) {
      const width = utf8Width(char.codePointAt(0) ?? 0);
      indices.fill(index, byte, byte + width);
      byte += width;
      index += char.length;
    }
    indices[byte] = index;
    this.#indices = indices;
  }

  /** The string index of a byte offset, clamped to the text. */
  toIndex(byte: number): number {
    if (!Number.isFinite(byte) || byte <= 0) return 0;
    if (byte >= this.#indices.length) return this.text.length;
    return this.#indices[Math.trunc(byte)];
  }
}

/** One byte offset into `text` as a string index. For many offsets into one text, use ByteOffsets. */
export function byteToIndex(text: string, byte: number): number {
  return new ByteOffsets(text).toIndex(byte);
}

/** A string index into `text` as a UTF-8 byte offset. */
export function indexToByte(text: string, index: number): number {
  return utf8Length(text.slice(0, Math.max(0, Math.min(index, text.length))));
}

/** Replace `[from, to)` of the old text with `insert` to get the new one. */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The smallest single change from `before` to `after` (common prefix and suffix kept),
 * or null when they are the same. Never splits an emoji or other surrogate pair.
 */
export function minimalChange(before: string, after: string): TextChange | null {
  if (before === after) return null;
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix += 1;
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix -= 1;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix += 1;
  }
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix -= 1;
  return { from: prefix, to: before.length - suffix, insert: after.slice(prefix, after.length - suffix) };
}

/** `text` with a change applied. */
export function applyChange(text: string, change: TextChange): string {
  return text.slice(0, change.from) + change.insert + text.slice(change.to);
}
