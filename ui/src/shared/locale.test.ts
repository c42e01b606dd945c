import { describe, expect, it } from 'vitest';
import { usableLanguage } from './locale';

describe('the page language', () => {
  it('keeps a real language tag', () => {
    expect(usableLanguage('de-DE')).toBe('de-DE');
    expect(usableLanguage('en')).toBe('en');
  });

  it('reads the POSIX "C" locale WebKitGTK reports under LANG=C as US English', () => {
    expect(usableLanguage('C')).toBe('en-US');
    expect(usableLanguage('')).toBe('en-US');
  });
});
