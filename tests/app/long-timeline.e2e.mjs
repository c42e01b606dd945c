// A long timeline in the real window: 3,000 lines written with the `debrief` command. The
// window counts them all and shows the newest at once, reads earlier ones a page at a
// time only as they scroll into view or Alt+↑ steps back to them (the app's log names
// every read), and a line from an earlier page is selected and corrected like any other.
// Scrolled back down, it lets go of the lines far above the view and reads them again
// when they return into view.
// Screenshot: target/e2e/long-timeline-top.png.
// Run by ./run-tests under Xvfb, with the release `debrief` command built.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { CLI } from './driver.mjs';
import { WAIT, shot, windowHarness } from './window.mjs';

const LINES = 3000;
/** What the window reads first (FIRST_LINES in ui/src/capture/capture.svelte.ts). */
const NEWEST = 150;

let harness;
let app;

before(async () => {
  // Every command the window calls is logged by name, so the test can count the reads.
  harness = await windowHarness('debrief-long-timeline', { DEBRIEF_LOG: 'debug' });
  const env = { ...process.env, ...harness.home.env };
  execFileSync(CLI, ['new', 'Checkout latency'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const lines = Array.from({ length: LINES }, (_, n) => `observation ${n + 1}: error rate ${(n + 1) % 50}% on checkout`);
  execFileSync(CLI, ['capture'], { env, input: `${lines.join('\n')}\n`, stdio: ['pipe', 'ignore', 'inherit'] });
  app = await harness.open();
});

after(async () => {
  await harness?.close();
});

/** How many times the window asked for a page of the timeline, by the app's log. */
function pagesRead() {
  const logs = join(harness.home.env.DEBRIEF_HOME, 'logs');
  return readdirSync(logs)
    .map((file) => readFileSync(join(logs, file), 'utf8'))
    .join('')
    .split('\n')
    .filter((line) => line.includes('command="timeline_page"')).length;
}

/** The rows in the page: number and text, or `null` for a line not read yet. */
function rows() {
  return app.execute(() =>
    [...document.querySelectorAll('.timeline [role="listitem"]')].map((row) =>
      row.getAttribute('aria-busy') === 'true'
        ? null
        : { number: row.querySelector('.number')?.textContent ?? '', text: row.querySelector('.text')?.textContent ?? '' },
    ),
  );
}

const selected = () => app.execute(() => document.querySelector('.timeline [aria-current="true"] .text')?.textContent ?? null);

test('a long timeline is read a page at a time, as far back as someone looks', async (t) => {
  await t.test('the window counts every line and shows the newest, having read only those', async () => {
    await app.waitUntil(
      () => app.execute((count) => document.querySelector('.timeline')?.ariaLabel === `Timeline, ${count} lines`, LINES),
      { ...WAIT, timeoutMsg: `the timeline never counted ${LINES} lines` },
    );
    await app.waitUntil(async () => (await rows()).at(-1)?.number === `#${LINES}`, { ...WAIT, timeoutMsg: 'the newest line never showed' });
    assert.equal(await app.$('#capture-status').getText(), `All ${LINES} lines saved`);
    assert.equal(pagesRead(), 0, 'the opening brought the newest lines');
  });

  /** The line just before those the window read first. */
  const beforeNewest = `observation ${LINES - NEWEST}: error rate ${(LINES - NEWEST) % 50}% on checkout`;

  await t.test('Alt+↑ steps back past the lines read, to a line of the page before them', async () => {
    for (let step = 0; step <= NEWEST; step += 1) await app.keys(['Alt', 'ArrowUp']);
    await app.waitUntil(async () => (await selected()) === beforeNewest, { ...WAIT, timeoutMsg: `never selected “${beforeNewest}”` });
    assert.equal(pagesRead(), 1);
  });

  await t.test('Ctrl+E corrects that line, and the history shows the old text', async () => {
    await app.keys(['Control', 'e']);
    const text = app.$('#edit-text');
    await text.waitForDisplayed(WAIT);
    await text.setValue('observation corrected: error rate back to 0.1%');
    await app.keys('Enter');
    await app.waitUntil(async () => (await selected()) === 'observation corrected: error rate back to 0.1%', {
      ...WAIT,
      timeoutMsg: 'the corrected line never showed',
    });
    const panel = app.$('aside.entry-panel');
    await app.waitUntil(async () => (await panel.getText()).includes(`text was “${beforeNewest}”`), {
      ...WAIT,
      timeoutMsg: 'the history never showed the old text',
    });
    await app.keys('Escape');
    await panel.waitForDisplayed({ ...WAIT, reverse: true });
  });

  await t.test('scrolled to the top, the earliest lines are read and shown', async () => {
    // The correction read the lines already read once more; the 50 left take one page.
    const readBefore = pagesRead();
    await app.execute(() => {
      document.querySelector('.timeline').scrollTop = 0;
    });
    await app.waitUntil(async () => (await rows())[0]?.number === '#1', { ...WAIT, timeoutMsg: 'the first line never showed' });
    assert.equal((await rows())[0].text, 'observation 1: error rate 1% on checkout');
    assert.ok((await rows()).length < 60, 'only the rows in view are in the page');
    assert.equal(pagesRead() - readBefore, 1);
    await shot(app, 'long-timeline-top');
  });

  await t.test('scrolled down and up again, the lines let go far above the view are read again', async () => {
    await app.execute(() => {
      const viewport = document.querySelector('.timeline');
      viewport.scrollTop = viewport.scrollHeight;
    });
    await app.waitUntil(async () => (await rows()).at(-1)?.number === `#${LINES}`, {
      ...WAIT,
      timeoutMsg: 'the newest line never showed again',
    });
    const readBefore = pagesRead();
    await app.execute(() => {
      document.querySelector('.timeline').scrollTop = 0;
    });
    await app.waitUntil(async () => (await rows())[0]?.number === '#1', { ...WAIT, timeoutMsg: 'the first line never showed again' });
    assert.equal((await rows())[0].text, 'observation 1: error rate 1% on checkout');
    assert.ok(pagesRead() > readBefore, 'the earliest lines were still held: nothing was let go');
  });
});
