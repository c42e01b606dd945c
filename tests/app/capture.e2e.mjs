// The desktop app end to end, in a real window: a responder starts an incident, types
// three lines (one saying who), marks it mitigated, closes the app and starts it again:
// everything is still there, in order, in a window of the size it was closed at.
// Screenshots of each step go to target/e2e/.
// Run by ./run-tests under Xvfb: xvfb-run -a node --test tests/app/capture.e2e.mjs

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch, sandbox, startDriver } from './driver.mjs';
import { SHOTS, WAIT, shot as shotOf } from './window.mjs';

const LINES = [
  'Error rate at 40% on checkout',
  '@alice restarted the connection pool on db-2',
  '/decision fail over to eu-west',
];

let home;
let driver;
let app;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  home = sandbox('debrief-e2e');
  // A zone with an offset, so every time on screen must show it.
  driver = await startDriver({ ...home.env, TZ: 'Europe/Berlin' });
});

after(async () => {
  await app?.deleteSession().catch(() => {});
  await driver?.stop();
  await home?.remove();
});

/** What the timeline shows, row by row. */
function timelineRows() {
  return app.execute(() =>
    [...document.querySelectorAll('.timeline [role="listitem"]')].map((row) => ({
      state: row.dataset.state,
      number: row.querySelector('.number')?.textContent ?? '',
      at: row.querySelector('.at')?.textContent ?? '',
      kind: row.querySelector('.kind')?.textContent ?? 'note',
      who: row.querySelector('.who')?.textContent ?? null,
      text: row.querySelector('.text')?.textContent ?? '',
    })),
  );
}

async function untilRows(predicate, what) {
  await app.waitUntil(async () => predicate(await timelineRows()), { ...WAIT, timeoutMsg: `timeline never showed ${what}` });
  return timelineRows();
}

async function focusedId() {
  return app.execute(() => document.activeElement?.id ?? '');
}

/**
 * Closes the window as a window manager's close button does (there is none under Xvfb),
 * so the app exits as it does for a person, and waits until it has saved its window state.
 */
async function closeLikeAPerson() {
  const windows = execFileSync('xwininfo', ['-root', '-tree'], { encoding: 'utf8' });
  const window = /(0x[0-9a-f]+) "Debrief"/.exec(windows)?.[1];
  assert.ok(window, 'no window titled Debrief on the display');
  execFileSync('python3', [join(import.meta.dirname, 'close-window.py'), window]);
  const saved = join(home.env.XDG_CONFIG_HOME, 'dev.debrief.desktop/.window-state.json');
  await app.waitUntil(async () => existsSync(saved), { ...WAIT, timeoutMsg: 'the app never saved its window state' });
  // The window is gone with the app; the session only needs to be forgotten.
  await app.deleteSession().catch(() => {});
}

const shot = (name) => shotOf(app, name);

test('a captured timeline survives a restart of the app, in order', async (t) => {
  await t.test('a fresh start shows the incident list with the new-incident field focused', async () => {
    app = await launch(driver);
    assert.equal(await app.getTitle(), 'Debrief');
    await app.$('#new-title').waitForDisplayed(WAIT);
    await app.waitUntil(async () => (await focusedId()) === 'new-title', { ...WAIT, timeoutMsg: 'title field never focused' });
    assert.match(await app.$('.groups').getText(), /No open incident/);
    await shot('01-empty-list');
  });

  await t.test('typing a title and Enter starts the incident and opens its capture', async () => {
    await app.$('#new-title').addValue('Checkout latency');
    await app.keys('Enter');
    await app.$('#capture-input').waitForDisplayed(WAIT);
    await app.waitUntil(async () => (await focusedId()) === 'capture-input', { ...WAIT, timeoutMsg: 'capture line never focused' });
    await app.waitUntil(async () => (await app.execute(() => document.querySelector('h1')?.textContent)) === 'Checkout latency', {
      ...WAIT,
      timeoutMsg: 'the capture view never showed the title',
    });
    assert.match(await app.$('.incident-header .meta').getText(), /started \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0[12]:00/);
    await shot('02-new-incident');
  });

  await t.test('three typed lines show at once and are acknowledged as saved', async () => {
    const input = app.$('#capture-input');
    for (const line of LINES) {
      await input.addValue(line);
      await app.keys('Enter');
    }
    const rows = await untilRows(
      (rows) => rows.length === 3 && rows.every((row) => row.state === 'saved'),
      'three saved lines',
    );
    assert.deepEqual(
      rows.map(({ number, kind, who, text }) => ({ number, kind, who, text })),
      [
        { number: '#1', kind: 'note', who: null, text: 'Error rate at 40% on checkout' },
        { number: '#2', kind: 'note', who: 'alice', text: 'restarted the connection pool on db-2' },
        { number: '#3', kind: 'decision', who: null, text: 'fail over to eu-west' },
      ],
    );
    for (const row of rows) assert.match(row.at, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0[12]:00$/);
    assert.equal(await app.$('#capture-status').getText(), 'All 3 lines saved');
    assert.equal(await focusedId(), 'capture-input');
    await shot('03-three-lines');
  });

  await t.test('Alt+M marks mitigated, shown as a duration since the start', async () => {
    await app.keys(['Alt', 'm']);
    await untilRows((rows) => rows.length === 4 && rows[3].state === 'saved', 'the mitigated mark');
    const mitigated = app.$('button.key-time.marked');
    await mitigated.waitForDisplayed(WAIT);
    assert.match(await mitigated.getText(), /Mitigated\s+\+\d+s/);
    assert.match(await app.$('.incident-header .status').getText(), /mitigated/i);
    await shot('04-mitigated');
  });

  await t.test('closed and started again, the app reopens the capture with every line, in order', async () => {
    const before = await timelineRows();
    await app.setWindowSize(900, 640);
    await closeLikeAPerson();
    app = await launch(driver);
    await app.$('#capture-input').waitForDisplayed(WAIT);
    const rows = await untilRows((rows) => rows.length === 4, 'the four lines after the restart');
    assert.deepEqual(rows, before);
    assert.deepEqual(
      rows.map((row) => [row.kind, row.text]),
      [
        ['note', 'Error rate at 40% on checkout'],
        ['note', 'restarted the connection pool on db-2'],
        ['decision', 'fail over to eu-west'],
        ['mitigated', ''],
      ],
    );
    assert.equal(rows[1].who, 'alice');
    assert.equal(await focusedId(), 'capture-input');
    assert.deepEqual(await app.getWindowSize(), { width: 900, height: 640 }, 'the window keeps the size it was closed at');
    await shot('05-after-restart');
  });

  await t.test('Alt+↑ selects a line and Ctrl+E corrects it, keeping the old text in its history', async () => {
    await app.keys(['Alt', 'ArrowUp']);
    await app.keys(['Alt', 'ArrowUp']);
    await app.keys(['Control', 'e']);
    const text = app.$('#edit-text');
    await text.waitForDisplayed(WAIT);
    assert.equal(await text.getValue(), 'fail over to eu-west');
    await text.setValue('fail over to eu-west and us-east');
    await app.keys('Enter');
    await untilRows((rows) => rows[2]?.text === 'fail over to eu-west and us-east', 'the corrected line');
    const panel = app.$('aside.entry-panel');
    await app.waitUntil(async () => /text was “fail over to eu-west”, became “fail over to eu-west and us-east”/.test(await panel.getText()), {
      ...WAIT,
      timeoutMsg: 'the history never showed the old text',
    });
    assert.equal(await focusedId(), 'capture-input');
    await shot('06-correction-history');
    await app.keys('Escape');
    await panel.waitForDisplayed({ ...WAIT, reverse: true });
  });

  await t.test('a line the store refuses stays on screen, NOT saved, with the reason', async () => {
    // A paste far larger than a timeline line may be (256 KiB).
    await app.execute(() => {
      const input = document.querySelector('#capture-input');
      input.value = 'x'.repeat(300_000);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await app.keys('Enter');
    const refused = await untilRows((rows) => rows.length === 5 && rows[4].state === 'failed', 'the refused line');
    assert.equal(refused[4].number, '');
    const alert = app.$('.banner[role="alert"]');
    await alert.waitForDisplayed(WAIT);
    assert.match(await alert.getText(), /1 line was NOT saved\.[\s\S]*more than the limit of 262144; split it into several lines\. Nothing was stored\./);
    assert.equal(await app.$('#capture-status').getText(), '1 NOT saved');
    await shot('07-refused-line');
    await app.$('button*=Discard').click();
    await untilRows((rows) => rows.length === 4, 'the four saved lines once the refused one is discarded');
    await alert.waitForDisplayed({ ...WAIT, reverse: true });
  });

  await t.test('? shows the shortcut sheet, and Escape closes it', async () => {
    await app.keys('?');
    const sheet = app.$('dialog.sheet');
    await sheet.waitForDisplayed(WAIT);
    assert.match(await sheet.getText(), /Mark mitigated, now/);
    await shot('08-shortcuts');
    await app.keys('Escape');
    await sheet.waitForDisplayed({ ...WAIT, reverse: true });
    await app.waitUntil(async () => (await focusedId()) === 'capture-input', { ...WAIT, timeoutMsg: 'focus did not come back' });
  });

  await t.test('Alt+L shows the incident among the open ones, mitigated', async () => {
    await app.keys(['Alt', 'l']);
    await app.$('button.incident').waitForDisplayed(WAIT);
    const open = await app.$('section[aria-labelledby="open-heading"]').getText();
    assert.match(open, /Checkout latency/);
    assert.match(open, /mitigated after \d+s/);
    await shot('09-list-after');
  });
});

test('the window follows a dark system theme', async () => {
  await app?.deleteSession().catch(() => {});
  const dark = sandbox('debrief-e2e-dark');
  const darkDriver = await startDriver({ ...dark.env, GTK_THEME: 'Adwaita:dark' });
  try {
    app = await launch(darkDriver);
    await app.$('#new-title').waitForDisplayed(WAIT);
    assert.equal(await app.execute(() => matchMedia('(prefers-color-scheme: dark)').matches), true);
    assert.equal(await app.execute(() => getComputedStyle(document.documentElement).backgroundColor), 'rgb(21, 24, 28)');
    await shot('10-dark-theme');
    await app.deleteSession();
    app = null;
  } finally {
    await darkDriver.stop();
    await dark.remove();
  }
});
