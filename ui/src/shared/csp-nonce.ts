// The Content Security Policy allows inline styles only with this page load's nonce,
// which the shell writes on the empty <style> in index.html. CodeMirror writes its
// styles into a <style> element at runtime, so it must carry the same nonce or the
// editor is left unstyled (underlines and hover explanations invisible).

/** This page load's style nonce; `undefined` where the page was served without one (tests, dev). */
export function styleNonce(doc: Document = document): string | undefined {
  return doc.querySelector<HTMLStyleElement>('head style[nonce]')?.nonce || undefined;
}
