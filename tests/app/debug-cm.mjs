import { windowHarness, WAIT, shot } from './window.mjs';
const h = await windowHarness('dbg');
try {
  const app = await h.open();
  await app.$('#new-title').waitForDisplayed(WAIT);
  await app.$('#new-title').addValue('Checkout latency');
  await app.keys('Enter');
  await app.$('#capture-input').waitForDisplayed(WAIT);
  await app.keys(['Alt', '2']);
  await app.$('.cm-content').waitForDisplayed(WAIT);
  await app.$('.cm-content').click();
  await app.keys(['Control', 'End']);
  await app.keys(['Enter']);
  await app.keys('We should have caught this before the deploy.');
  await app.$('.cm-lintRange').waitForDisplayed(WAIT);
  console.log(await app.execute(() => ({
    adopted: document.adoptedStyleSheets?.length, nonces: [...document.querySelectorAll('[nonce]')].map((e) => e.localName + ':' + (e.nonce || e.getAttribute('nonce'))), csp: document.querySelector('meta[http-equiv]')?.content,
    styles: [...document.querySelectorAll('style')].map((s) => s.textContent.length),
    deco: getComputedStyle(document.querySelector('.cm-lintRange')).textDecoration, cls: document.querySelector('.cm-lintRange').className, rules: [...document.styleSheets].flatMap((sheet) => { try { return [...sheet.cssRules].map((r) => r.cssText).filter((t) => t.includes('lintRange')); } catch (e) { return ['ERR ' + e]; } }),
    editorPos: getComputedStyle(document.querySelector('.cm-editor')).position,
  })));
  await app.$('.cm-lintRange').moveTo();
  await app.$('.cm-tooltip-lint').waitForDisplayed(WAIT);
  console.log(await app.execute(() => { const t = document.querySelector('.cm-tooltip-lint'); const r = t.getBoundingClientRect(); return { r: [r.x, r.y, r.width, r.height], pos: getComputedStyle(t.closest('.cm-tooltip')).position, vis: getComputedStyle(t).visibility }; }));
  await shot(app, 'debug-cm');
} finally { await h.close(); }
