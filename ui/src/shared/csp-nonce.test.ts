import { describe, expect, it } from 'vitest';
import { styleNonce } from './csp-nonce';

describe('the style nonce', () => {
  it('is read from the style element the shell gave it to', () => {
    const doc = document.implementation.createHTMLDocument('Debrief');
    expect(styleNonce(doc)).toBeUndefined();
    const style = doc.createElement('style');
    style.setAttribute('nonce', '11366149478197029943');
    doc.head.append(style);
    expect(styleNonce(doc)).toBe('11366149478197029943');
  });
});
