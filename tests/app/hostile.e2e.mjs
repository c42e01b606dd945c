// Hostile post-mortems in the shared repository, opened in the real window's reader.
// Anyone with access to the repository can write one; each below tries to run script
// (planting a canary on the page if it ever did), to hide or cover what it says, to
// take the window elsewhere, or to stall the app by sheer size. None may succeed.
// Screenshots: target/e2e/hostile-*.png.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { WAIT, paste, sharedRepository, shot, windowHarness } from './window.mjs';

const CANARY = "window.__pwned='yes';document.title='pwned';document.body.dataset.pwned='yes'";
const VISIBLE = 'The visible canary paragraph.';

const HOSTILE = {
  'Hostile script': `<script>${CANARY}</script>\n\n<SCRIPT SRC="data:text/javascript,${CANARY}"></SCRIPT>\n\n${VISIBLE}\n`,
  'Hostile handlers': `<img src="x" onerror="${CANARY}">\n\n<p onmouseover="${CANARY}" onclick="${CANARY}">Hover and click me.</p>\n\n<details open ontoggle="${CANARY}"><summary>s</summary></details>\n\n<a href="#" onfocus="${CANARY}" autofocus>focus</a>\n\n${VISIBLE}\n`,
  'Hostile links': `[javascript link](javascript:${encodeURIComponent(CANARY)})\n\n<a href="data:text/html,<script>parent.${CANARY}</script>">data link</a>\n\n<a href="vbscript:msgbox(1)">vbscript link</a>\n\n[an ordinary web link](https://example.com/elsewhere)\n\n<meta http-equiv="refresh" content="0;url=https://example.com/">\n\n<base href="https://example.com/">\n\n<form action="https://example.com/"><button>send</button></form>\n\n${VISIBLE}\n`,
  'Hostile svg': `<svg onload="${CANARY}"><script>${CANARY}</script><circle r="40" onclick="${CANARY}"/></svg>\n\n<math><mtext><script>${CANARY}</script></mtext></math>\n\n${VISIBLE}\n`,
  'Hostile frames': `<iframe src="https://example.com/"></iframe>\n\n<iframe srcdoc="<script>parent.${CANARY}</script>"></iframe>\n\n<object data="https://example.com/x.swf"></object><embed src="https://example.com/x.swf">\n\n<link rel="stylesheet" href="https://example.com/x.css">\n\n${VISIBLE}\n`,
  'Hostile styles': `<style>body, .postmortem { display: none !important } * { visibility: hidden }</style>\n\n<div style="position: fixed; inset: 0; background: white; z-index: 99999">covering everything</div>\n\n<p style="color: transparent; font-size: 0">${VISIBLE}</p>\n\n${VISIBLE}\n`,
};

/** Elements and attributes that may never reach the page from a post-mortem. */
function unsafeInReader() {
  const reader = document.querySelector('article.reader .postmortem');
  if (!reader) return ['no reader'];
  const found = [];
  for (const element of reader.querySelectorAll('*')) {
    const name = element.localName;
    if (['script', 'iframe', 'style', 'svg', 'math', 'object', 'embed', 'form', 'meta', 'base', 'link', 'img'].includes(name)) found.push(name);
    for (const attribute of element.attributes) {
      if (attribute.name.startsWith('on') || attribute.name === 'style' || attribute.name === 'srcdoc') found.push(`${name}[${attribute.name}]`);
      if (attribute.name === 'href' && !/^(https?:|mailto:|#)/.test(attribute.value)) found.push(`${name}[href=${attribute.value}]`);
    }
  }
  return found;
}

/** Whether `text` is in the reader, with room on screen and not hidden by any style. */
function shownOnScreen(text) {
  const reader = document.querySelector('article.reader .postmortem');
  const walker = document.createTreeWalker(reader, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.includes(text)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    const style = getComputedStyle(node.parentElement);
    if (box.width > 0 && box.height > 0 && style.visibility === 'visible' && style.display !== 'none' && style.opacity !== '0') return true;
  }
  return false;
}

/** What script would have changed, had any run. */
function canary() {
  return { global: window.__pwned ?? null, title: document.title, body: document.body.dataset.pwned ?? null, at: location.protocol };
}

let harness;
let url;

before(async () => {
  harness = await windowHarness('debrief-e2e-hostile');
  const files = {};
  for (const [title, body] of Object.entries(HOSTILE)) {
    files[`incidents/2026/2026-01-01-${title.toLowerCase().replace(/ /g, '-')}.md`] = `# ${title}\n\n${body}`;
  }
  const line = 'Connection pool exhausted on db-2 while the retry storm grew; nothing was lost. '.repeat(12);
  files['incidents/2026/2026-01-02-huge.md'] = `# Huge post-mortem\n\n${`${line}\n\n`.repeat(Math.ceil((50 * 1024 * 1024) / (line.length + 2)))}`;
  const rows = Array.from({ length: 10_000 }, (_, row) => `| ${row + 1} | retry ${row + 1} failed after 30 s |`).join('\n');
  files['incidents/2026/2026-01-03-rows.md'] = `# Ten thousand rows\n\n| # | what happened |\n|---|---|\n${rows}\n`;
  url = sharedRepository(join(harness.home.dir, 'hostile.git'), files, join(harness.home.dir, 'copy'));
});

after(() => harness?.close());

async function open(app, title) {
  const search = app.$('#browse-search');
  await search.setValue(title);
  const hit = app.$(`button.hit[data-path*="${title === 'Huge post-mortem' ? 'huge' : title === 'Ten thousand rows' ? 'rows' : title.toLowerCase().replace(/ /g, '-')}"]`);
  await hit.waitForDisplayed({ ...WAIT, timeoutMsg: `no search result for ${title}` });
  await hit.click();
  await app.$('article.reader .postmortem').waitForDisplayed({ ...WAIT, timeout: 60_000, timeoutMsg: `${title} never opened` });
}

async function closeReader(app) {
  await app.keys('Escape');
  await app.$('#browse-search').waitForDisplayed(WAIT);
}

test('hostile post-mortems run nothing, hide nothing and stall nothing', async (t) => {
  const app = await harness.open();
  await app.$('#new-title').waitForDisplayed(WAIT);
  await app.keys(['Alt', 's']);
  await app.$('#repository-url').waitForDisplayed(WAIT);
  await paste(app, '#repository-url', url);
  await app.$('button=Save').click();
  // Saving reads the repository, which holds a 50 MB post-mortem: as long as a sync may take.
  await app.$('p.saved').waitForDisplayed({ ...WAIT, timeout: 120_000, timeoutMsg: 'the repository was never saved' });
  await app.keys(['Alt', 'b']);
  await app.waitUntil(async () => /8 post-mortems/.test(await app.$('.sync-state').getText()), {
    ...WAIT,
    timeout: 120_000,
    timeoutMsg: 'the hostile repository was never synced',
  });

  for (const title of Object.keys(HOSTILE)) {
    await t.test(`${title}: no script runs, nothing unsafe reaches the page, the text stays visible`, async (each) => {
      await open(app, title);
      each.after(() => closeReader(app));
      // Give any planted handler its chance: hover, click and focus what the file holds.
      for (const element of await app.$$('article.reader .postmortem p, article.reader .postmortem a')) {
        await element.moveTo().catch(() => {});
        await element.click().catch(() => {});
      }
      assert.deepEqual(await app.execute(unsafeInReader), []);
      assert.deepEqual(await app.execute(canary), { global: null, title: 'Debrief', body: null, at: 'tauri:' });
      assert.ok(await app.execute(shownOnScreen, VISIBLE), 'the canary paragraph is on screen');
      await shot(app, `hostile-${title.toLowerCase().replace(/ /g, '-')}`);
    });
  }

  await t.test('a 50 MB post-mortem opens cut to its first 2 MB, and the window keeps answering', async () => {
    await open(app, 'Huge post-mortem');
    await app.$('article.reader .note').waitForDisplayed(WAIT);
    assert.match(await app.$('article.reader .note').getText(), /very large/);
    await shot(app, 'hostile-huge');
    await closeReader(app);
    await app.$('#browse-search').setValue('Hostile svg');
    await app.$('button.hit[data-path*="hostile-svg"]').waitForDisplayed(WAIT);
  });

  await t.test('a table of 10,000 rows is shown whole', async () => {
    await open(app, 'Ten thousand rows');
    await app.waitUntil(async () => (await app.execute(() => document.querySelectorAll('article.reader tbody tr').length)) === 10_000, {
      ...WAIT,
      timeoutMsg: 'the 10,000 rows were never all shown',
    });
    await shot(app, 'hostile-rows');
    assert.deepEqual(await app.execute(canary), { global: null, title: 'Debrief', body: null, at: 'tauri:' });
  });
});
