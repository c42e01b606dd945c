// The app on a full disk: the data directory on a tiny tmpfs that the test fills up.
// A line that cannot be stored stays on screen marked NOT saved with the reason, the
// window keeps working, and once there is room again Alt+Y saves it with the time it
// was typed. Skipped, with the reason printed, where the machine does not let the test
// mount a tmpfs (it needs root). Screenshot: target/e2e/faults-full-disk.png.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, rmdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { WAIT, shot, windowHarness } from './window.mjs';

let disk = null;
let harness;

/** Mounts a 4 MiB tmpfs, or says why it cannot. */
function mountTinyDisk() {
  const dir = mkdtempSync(join(tmpdir(), 'debrief-tiny-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'pipe' });
    return dir;
  } catch (error) {
    rmdirSync(dir);
    return { skipped: `cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN): ${String(error.stderr ?? error).trim()}` };
  }
}

/** Writes a file until the disk is full; returns it, to free the space later. */
function fill(dir) {
  const filler = join(dir, 'filler');
  const file = openSync(filler, 'w');
  for (const size of [64 * 1024, 512]) {
    const block = Buffer.alloc(size);
    for (;;) {
      try {
        writeSync(file, block);
      } catch {
        break;
      }
    }
  }
  closeSync(file);
  return filler;
}

before(async () => {
  disk = mountTinyDisk();
  if (typeof disk === 'string') harness = await windowHarness('debrief-e2e-faults', { DEBRIEF_HOME: join(disk, 'debrief') });
});

after(async () => {
  await harness?.close();
  if (typeof disk === 'string') {
    // Lazily: WebKit's helper processes may still be letting go of the data directory.
    execFileSync('umount', ['--lazy', disk]);
    rmdirSync(disk);
  }
});

/** Each timeline row's state and text. */
function rows(app) {
  return app.execute(() =>
    [...document.querySelectorAll('.timeline [role="listitem"]')].map((row) => ({
      state: row.dataset.state,
      text: row.querySelector('.text')?.textContent ?? '',
    })),
  );
}

test('a full disk refuses a line, keeps it on screen, and the window keeps working', async (t) => {
  if (typeof disk !== 'string') {
    t.skip(disk.skipped);
    return;
  }
  const app = await harness.open();
  await app.$('#new-title').waitForDisplayed(WAIT);
  await app.$('#new-title').addValue('Disk pressure');
  await app.keys('Enter');
  await app.$('#capture-input').waitForDisplayed(WAIT);
  await app.$('#capture-input').addValue('written while there was room');
  await app.keys('Enter');
  await app.waitUntil(async () => (await rows(app))[0]?.state === 'saved', { ...WAIT, timeoutMsg: 'the first line was never saved' });

  const filler = fill(disk);
  // Pages the database already holds may take a few more lines; keep typing until one is refused.
  let refused = false;
  for (let number = 0; number < 200 && !refused; number += 1) {
    await app.execute((text) => {
      const input = document.querySelector('#capture-input');
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, `line ${number} on a full disk ${'x'.repeat(4000)}`);
    await app.keys('Enter');
    await app.waitUntil(async () => (await rows(app)).every((row) => row.state !== 'saving'), {
      ...WAIT,
      timeoutMsg: 'a line stayed "saving" on a full disk',
    });
    refused = (await rows(app)).some((row) => row.state === 'failed');
  }
  assert.ok(refused, 'a full disk refuses a line at some point');
  const alert = app.$('.banner[role="alert"]');
  await alert.waitForDisplayed(WAIT);
  assert.match(await alert.getText(), /NOT saved[\s\S]*full/);
  await shot(app, 'faults-full-disk');

  // The window still answers: the shortcut sheet opens and closes, other views open.
  await app.keys(['Alt', 's']);
  await app.waitUntil(async () => (await app.execute(() => document.querySelector('nav.views .current')?.textContent ?? '')).startsWith('Settings'), {
    ...WAIT,
    timeoutMsg: 'the settings view never opened on a full disk',
  });
  await app.keys(['Alt', '1']);
  await app.$('#capture-input').waitForDisplayed(WAIT);

  rmSync(filler);
  await app.keys(['Alt', 'y']);
  await app.waitUntil(async () => (await rows(app)).every((row) => row.state === 'saved'), {
    ...WAIT,
    timeoutMsg: 'the refused line was not saved once there was room again',
  });
  assert.ok((await rows(app)).some((row) => row.text.startsWith('line ') && row.text.includes('on a full disk')));
});
