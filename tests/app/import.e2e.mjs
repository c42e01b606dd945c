// Importing into an incident from the window: a chat log and a local git repository,
// each given by path (as a drop gives it), and a conversation copied out of Slack and
// pasted, previewed line by line before anything is written, then added to the timeline
// the capture view shows.
// Screenshots: target/e2e/import-*.png.

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { WAIT, git, paste, shot, windowHarness } from './window.mjs';

let harness;
let chatLog;
let repository;

/** `HH:MM` some minutes ago, on this machine's clock and zone (the app's too). */
function minutesAgo(minutes) {
  const at = new Date(Date.now() - minutes * 60_000);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

/** `h:MM AM` some minutes ago, as Slack shows a time. */
function minutesAgoOnA12HourClock(minutes) {
  const at = new Date(Date.now() - minutes * 60_000);
  const hour = at.getHours() % 12 === 0 ? 12 : at.getHours() % 12;
  return `${hour}:${String(at.getMinutes()).padStart(2, '0')} ${at.getHours() < 12 ? 'AM' : 'PM'}`;
}

before(async () => {
  harness = await windowHarness('debrief-e2e-import');
  chatLog = join(harness.home.dir, 'incident-42.log');
  writeFileSync(
    chatLog,
    `[${minutesAgo(3)}] <alice> checkout errors are climbing\n[${minutesAgo(2)}] <bob> restarting the pool on db-2\n`,
  );
  repository = join(harness.home.dir, 'checkout-api');
  mkdirSync(repository);
  git(repository, 'init', '--quiet', '--initial-branch=main');
  writeFileSync(join(repository, 'pool.toml'), 'size = 40\n');
  git(repository, 'add', '--all');
  git(repository, 'commit', '--quiet', '-m', 'Raise the connection pool to 40');
});

after(() => harness?.close());

async function importFrom(app, path, kind, lines) {
  await app.keys(['Alt', '3']);
  await paste(app, '#import-path', path);
  await app.$('#import-kind').selectByAttribute('value', kind);
  await app.$('button=Preview').click();
  const preview = app.$('#import-preview');
  await preview.waitForDisplayed({ ...WAIT, timeoutMsg: `no preview of ${path}` });
  assert.match(await preview.getText(), new RegExp(`Would add ${lines}`));
  return preview;
}

test('a chat log and a git repository are previewed, then added to the timeline', async (t) => {
  const app = await harness.open();
  await app.$('#new-title').waitForDisplayed(WAIT);
  await app.$('#new-title').addValue('Checkout latency');
  await app.keys('Enter');
  await app.$('#capture-input').waitForDisplayed(WAIT);

  await t.test('the chat log preview lists its lines and writes nothing', async () => {
    await importFrom(app, chatLog, 'chat-log', '2 lines');
    const texts = await app.execute(() => [...document.querySelectorAll('table.lines td.text')].map((cell) => cell.textContent));
    assert.deepEqual(texts, ['checkout errors are climbing', 'restarting the pool on db-2']);
    await shot(app, 'import-preview');
    await app.keys(['Alt', '1']);
    await app.$('#capture-input').waitForDisplayed(WAIT);
    assert.equal(await app.execute(() => document.querySelectorAll('.timeline [role="listitem"]').length), 0);
  });

  await t.test('adding them puts them in the timeline, with who said them', async () => {
    await importFrom(app, chatLog, 'chat-log', '2 lines');
    await app.$('button=Add these 2 lines').click();
    const done = app.$('#import-done');
    await done.waitForDisplayed(WAIT);
    assert.match(await done.getText(), /Added 2 lines/);
    await app.keys(['Alt', '1']);
    await app.waitUntil(async () => (await app.execute(() => document.querySelectorAll('.timeline [role="listitem"]').length)) === 2, {
      ...WAIT,
      timeoutMsg: 'the imported lines never showed in the timeline',
    });
    const who = await app.execute(() => [...document.querySelectorAll('.timeline .who')].map((cell) => cell.textContent));
    assert.deepEqual(who, ['alice', 'bob']);
  });

  await t.test('a conversation copied out of Slack and pasted adds one line per message, by its writer', async () => {
    await app.keys(['Alt', '3']);
    await app.$('#import-kind').selectByAttribute('value', 'pasted');
    const copied =
      `Carol Chen  ${minutesAgoOnA12HourClock(1)}\nfailover done, watching the error rate\n(edited)\n` +
      `Dan Ortiz  ${minutesAgoOnA12HourClock(0)}\nerror rate back to normal\n2 replies\n`;
    await paste(app, '#import-pasted', copied);
    await app.$('button=Preview').click();
    const preview = app.$('#import-preview');
    await preview.waitForDisplayed({ ...WAIT, timeoutMsg: 'no preview of the pasted conversation' });
    assert.match(await preview.getText(), /Would add 2 lines/);
    await shot(app, 'import-pasted');
    await app.$('button=Add these 2 lines').click();
    await app.$('#import-done').waitForDisplayed(WAIT);
    await app.keys(['Alt', '1']);
    await app.waitUntil(async () => (await app.execute(() => document.querySelectorAll('.timeline [role="listitem"]').length)) === 4, {
      ...WAIT,
      timeoutMsg: 'the pasted messages never showed in the timeline',
    });
    const who = await app.execute(() => [...document.querySelectorAll('.timeline .who')].map((cell) => cell.textContent));
    assert.deepEqual(who.slice(-2), ['Carol Chen', 'Dan Ortiz']);
  });

  await t.test('a local git repository adds its commits', async () => {
    await importFrom(app, repository, 'git', '1 line');
    await app.$('button=Add this 1 line').click();
    await app.$('#import-done').waitForDisplayed(WAIT);
    await shot(app, 'import-git');
    await app.keys(['Alt', '1']);
    await app.waitUntil(
      async () => (await app.execute(() => document.querySelector('.timeline')?.textContent ?? '')).includes('Raise the connection pool to 40'),
      { ...WAIT, timeoutMsg: 'the commit never showed in the timeline' },
    );
  });
});
