// What the window tests share beyond the driver: one app in a private home per test
// file, screenshots once the page has painted, the waits they all use, and git for
// the shared repositories the tests create.

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launch, sandbox, startDriver } from './driver.mjs';

export const SHOTS = join(ROOT, 'target/e2e');
export const WAIT = { timeout: 20_000, interval: 50 };

/**
 * tauri-driver with a private Debrief home (and `env` on top, or what `env(home)` gives
 * for variables that point into the home) for the apps it launches. `open()` starts the
 * app; `close()` ends the app, the driver (by process id) and the home.
 */
export async function windowHarness(name, env = {}) {
  mkdirSync(SHOTS, { recursive: true });
  const home = sandbox(name);
  const driver = await startDriver({ ...home.env, ...(typeof env === 'function' ? env(home) : env) });
  const harness = {
    home,
    app: null,
    async open() {
      harness.app = await launch(driver);
      return harness.app;
    },
    async close() {
      await harness.app?.deleteSession().catch(() => {});
      await driver.stop();
      await home.remove();
    },
  };
  return harness;
}

/** Saves a screenshot once the page has painted what it shows now (two animation frames). */
export async function shot(app, name) {
  await app.execute(() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(() => painted()))));
  await app.saveScreenshot(join(SHOTS, `${name}.png`));
}

/** Runs git with a fixed identity, failing the test with git's own words. */
export function git(cwd, ...args) {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Debrief tests',
      GIT_AUTHOR_EMAIL: 'tests@debrief.invalid',
      GIT_COMMITTER_NAME: 'Debrief tests',
      GIT_COMMITTER_EMAIL: 'tests@debrief.invalid',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A bare repository at `path` holding `files` ({path: content}) in one commit on main. */
export function sharedRepository(path, files, scratch) {
  git(ROOT, 'init', '--quiet', '--bare', '--initial-branch=main', path);
  if (Object.keys(files).length === 0) return `file://${path}`;
  git(ROOT, 'clone', '--quiet', path, scratch);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(scratch, file, '..'), { recursive: true });
    writeFileSync(join(scratch, file), content);
  }
  git(scratch, 'add', '--all');
  git(scratch, 'commit', '--quiet', '-m', 'Post-mortems');
  git(scratch, 'push', '--quiet', 'origin', 'HEAD:main');
  return `file://${path}`;
}

/**
 * Puts `text` in the field as if pasted. WebKitWebDriver now and then drops the second of
 * two identical keys sent back to back (the slashes of `file:///`), so values that must
 * arrive exactly are not typed key by key.
 */
export async function paste(app, selector, text) {
  const field = app.$(selector);
  await field.waitForDisplayed(WAIT);
  await app.execute(
    (selector, text) => {
      const input = document.querySelector(selector);
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    selector,
    text,
  );
  return field;
}
