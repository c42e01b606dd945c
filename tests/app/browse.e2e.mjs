// Browsing in the real window: the team's repository (made from CORPUS_DIR, by default
// ../shared/corpus: post-mortems written by hand by several teams) is set and tested in Settings, synced
// in the background, searched as you type, read in the sanitized reader, its
// trends plotted, and one of its post-mortems imported as an incident, listed apart from the open
// ones; then a post-mortem file from this computer read in from the incident list. Screenshots:
// target/e2e/browse-*.png, settings-*.png, list-imported-write-ups.png and list-read-in-file.png.

import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT } from './driver.mjs';
import { WAIT, git, paste, shot, windowHarness } from './window.mjs';

const CORPUS = process.env.CORPUS_DIR ?? join(ROOT, '../shared/corpus');
let harness;
let url;

/** A bare repository with the corpus under incidents/<team>/, committed once. */
function corpusRepository(dir) {
  const bare = join(dir, 'postmortems.git');
  const copy = join(dir, 'copy');
  git(ROOT, 'init', '--quiet', '--bare', '--initial-branch=main', bare);
  git(ROOT, 'clone', '--quiet', bare, copy);
  for (const team of readdirSync(CORPUS)) {
    if (!statSync(join(CORPUS, team)).isDirectory()) continue;
    const target = join(copy, 'incidents', team);
    mkdirSync(target, { recursive: true });
    for (const file of readdirSync(join(CORPUS, team))) {
      copyFileSync(join(CORPUS, team, file), join(target, file.replace(/\.erb$/, '')));
    }
  }
  git(copy, 'add', '--all');
  git(copy, 'commit', '--quiet', '-m', 'Post-mortems from several teams');
  git(copy, 'push', '--quiet', 'origin', 'HEAD:main');
  return `file://${bare}`;
}

before(async () => {
  harness = await windowHarness('debrief-e2e-browse');
  url = corpusRepository(harness.home.dir);
});

after(() => harness?.close());

test('the corpus repository is set, searched, read and plotted', async (t) => {
  const app = await harness.open();
  await app.$('#new-title').waitForDisplayed(WAIT);

  await t.test('settings save the repository and the connection test says it answers', async () => {
    await app.keys(['Alt', 's']);
    await paste(app, '#repository-url', url);
    await app.$('button=Save').click();
    await app.$('p.saved').waitForDisplayed(WAIT);
    await app.$('button=Test connection').click();
    const outcome = app.$('.test.reachable');
    let shown = '';
    await app.waitUntil(
      async () => {
        shown = await app.execute(() => document.querySelector('main')?.innerText.slice(0, 600) ?? '');
        return outcome.isDisplayed();
      },
      { ...WAIT, timeout: 60_000, interval: 200 },
    ).catch(() => assert.fail(`the connection test never said the repository answered; the page said:\n${shown}`));
    assert.match(await outcome.getText(), /answered/);
    await shot(app, 'settings-connection');
  });

  await t.test('browse syncs in the background and search finds as you type, highlighted', async () => {
    await app.keys(['Alt', 'b']);
    const search = app.$('#browse-search');
    await search.waitForDisplayed(WAIT);
    let state = '';
    await app.waitUntil(
      async () => {
        state = await app.$('.sync-state').getText();
        return /post-mortems/.test(state);
      },
      { ...WAIT, timeout: 60_000, interval: 200 },
    ).catch(() => assert.fail(`the sync never finished; it said: ${state}`));
    await search.setValue('inotify watches');
    await app.waitUntil(
      async () => (await app.execute(() => document.querySelector('button.hit .title')?.textContent ?? '')).includes('Inotify'),
      { ...WAIT, timeoutMsg: 'searching "inotify watches" never found the inotify post-mortem first' },
    );
    const marked = await app.execute(() => [...document.querySelectorAll('button.hit mark')].map((mark) => mark.textContent.toLowerCase()));
    assert.ok(marked.some((word) => word.startsWith('inotify') || word.startsWith('watch')), `highlights: ${marked}`);
    await shot(app, 'browse-search');
  });

  await t.test('a post-mortem opens read-only in the sanitized reader', async () => {
    await app.$('button.hit').click();
    const reader = app.$('article.reader .postmortem');
    await reader.waitForDisplayed(WAIT);
    assert.match(await reader.getText(), /inotify/i);
    await shot(app, 'browse-reader');
    await app.keys('Escape');
    await app.$('#browse-search').waitForDisplayed(WAIT);
    assert.equal(await app.$('#browse-search').getValue(), 'inotify watches', 'the query is kept');
  });

  await t.test('the trends tab plots incidents per month and time to detect, mitigate and resolve', async () => {
    await app.$('#browse-tab-trends').click();
    await app.waitUntil(
      async () =>
        app.execute(() => {
          const canvases = [...document.querySelectorAll('.plot canvas')];
          return canvases.length >= 2 && canvases.every((canvas) => canvas.width > 0 && canvas.height > 0);
        }),
      { ...WAIT, timeoutMsg: 'the two plots were never drawn' },
    );
    const labels = await app.execute(() => [...document.querySelectorAll('.plot[role="img"]')].map((plot) => plot.getAttribute('aria-label')));
    assert.equal(labels.length, 2, `plots: ${labels}`);
    await shot(app, 'browse-trends');
  });

  await t.test('a post-mortem written by hand is imported as an incident once the reader knows what that does', async () => {
    await app.$('#browse-tab-search').click();
    const search = app.$('#browse-search');
    await search.waitForDisplayed(WAIT);
    await search.setValue('inotify watches');
    await app.waitUntil(
      async () => (await app.execute(() => document.querySelector('button.hit .title')?.textContent ?? '')).includes('Inotify'),
      { ...WAIT, timeoutMsg: 'searching "inotify watches" again never found the inotify post-mortem' },
    );
    await app.$('button.hit').click();
    await app.$('article.reader .postmortem').waitForDisplayed(WAIT);
    await app.$('button=Import into Debrief…').click();
    const note = app.$('[role="group"][aria-label="Import into Debrief"]');
    await note.waitForDisplayed(WAIT);
    assert.match(await note.getText(), /written without Debrief/);
    await shot(app, 'browse-import-note');
    await note.$('button=Import').click();
    let shown = '';
    await app.waitUntil(
      async () => {
        shown = await app.execute(() => document.querySelector('main')?.innerText.slice(0, 600) ?? '');
        return app.execute(() => /Inotify file watches exhaustion/.test(document.querySelector('main h1')?.textContent ?? ''));
      },
      { ...WAIT, timeout: 30_000, interval: 200 },
    ).catch(() => assert.fail(`importing never opened the post-mortem of the new incident; the page said:\n${shown}`));
    await app.$('.cm-content').waitForDisplayed(WAIT);
    assert.match(await app.$('.cm-content').getText(), /inotify/i, 'the draft holds the imported prose');
    await shot(app, 'browse-imported-draft');
  });

  await t.test('the imported write-up, which never says when it ended, is listed apart from open incidents', async () => {
    await app.keys(['Alt', 'l']);
    await app.$('#new-title').waitForDisplayed(WAIT);
    const imported = app.$('#written-up-heading');
    await imported.waitForDisplayed(WAIT);
    const group = await app.execute(() => document.querySelector('#written-up-heading')?.closest('section')?.innerText ?? '');
    assert.match(group, /Inotify file watches exhaustion/);
    assert.match(group, /imported/i);
    const open = await app.execute(() => document.querySelector('#open-heading')?.closest('section')?.innerText ?? '');
    assert.doesNotMatch(open, /Inotify/);
    await shot(app, 'list-imported-write-ups');
  });

  await t.test('a post-mortem file from this computer, not in the shared repository, is read in from the list', async () => {
    // PostHog's narrative of the Shai-Hulud attack: no timeline, its start told in prose.
    const file = join(CORPUS, 'posthog-post-mortems', '2025-11-26-shai-hulud-attack.md');
    await app.$('summary=Read in an earlier post-mortem').click();
    await paste(app, '#postmortem-path', file);
    await app.$('button=Read it in').click();
    const said = app.$('.read-back');
    await said.waitForDisplayed({ ...WAIT, timeoutMsg: 'reading the file in said nothing' });
    const text = await said.getText();
    assert.match(text, /Read into a new incident: 1 timeline line/);
    assert.match(text, /begins at the first time the prose tells, 2025-11-24 04:11/);
    const group = await app.execute(() => document.querySelector('#written-up-heading')?.closest('section')?.innerText ?? '');
    assert.match(group, /Post-mortem of Shai-Hulud attack/);
    await shot(app, 'list-read-in-file');
    await app.$('button=Open 2025-11-24-post-mortem-of-shai-hulud-attack-on-november-24th-2025').click();
    await app.$('#capture-input').waitForExist(WAIT);
    await app.$('.timeline').waitForDisplayed(WAIT);
    const timeline = await app.execute(() => document.querySelector('.timeline')?.textContent ?? '');
    assert.match(timeline, /At 4:11 AM UTC on November 24th, a number of our SDKs and other packages were compromised/);
    await shot(app, 'list-read-in-file-opened');
  });
});
