// What each view adds to the app's memory once opened. The window opens on an incident's
// capture view; then the post-mortem (its editor), Import, Browse (searching the shared
// repository), Browse's Trends (its plots) and Settings are opened one after another, and
// after each, once idle, the memory of the app and its WebKit processes is summed.
// Reported, never asserted. Run through tests/app/measure, with DEBRIEF_HOME holding a
// 3-line incident and a synced shared repository of post-mortems. WebDriver's own part in
// the web process counts in every row alike, so the rows compare with each other, not
// with the launches measured without a driver.

import { setTimeout as sleep } from 'node:timers/promises';
import { appProcess, launch, memory, sandbox, startDriver } from './driver.mjs';

const IDLE_MS = 5_000;
const WAIT = { timeout: 60_000, interval: 50 };

const views = [
  {
    name: 'capture view, 3 lines (as the window opens)',
    open: async (app) =>
      app.waitUntil(() => app.execute(() => document.querySelector('.timeline')?.ariaLabel === 'Timeline, 3 lines'), {
        ...WAIT,
        timeoutMsg: 'the capture view never showed its 3 lines',
      }),
  },
  {
    name: 'the post-mortem, Alt+2 (its editor)',
    open: async (app) => {
      await app.keys(['Alt', '2']);
      await app.$('.cm-content').waitForDisplayed(WAIT);
    },
  },
  {
    name: 'Import, Alt+3',
    open: async (app) => {
      await app.keys(['Alt', '3']);
      await app.$('#import-path').waitForDisplayed(WAIT);
    },
  },
  {
    name: 'Browse, Alt+B, searched',
    open: async (app) => {
      await app.keys(['Alt', 'b']);
      const search = app.$('#browse-search');
      await search.waitForDisplayed(WAIT);
      await app.waitUntil(async () => /post-mortems/.test(await app.$('.sync-state').getText()), {
        ...WAIT,
        timeoutMsg: 'Browse never finished reading the shared repository',
      });
      await search.setValue('database');
      await app.$('button.hit').waitForDisplayed({ ...WAIT, timeoutMsg: 'searching found nothing' });
    },
  },
  {
    name: 'Browse, Trends (its plots)',
    open: async (app) => {
      await app.$('#browse-tab-trends').click();
      await app.waitUntil(
        () => app.execute(() => [...document.querySelectorAll('.plot canvas')].filter((canvas) => canvas.width > 0).length >= 2),
        { ...WAIT, timeoutMsg: 'the plots were never drawn' },
      );
    },
  },
  {
    name: 'Settings, Alt+S',
    open: async (app) => {
      await app.keys(['Alt', 's']);
      await app.$('#repository-url').waitForDisplayed(WAIT);
    },
  },
];

const home = sandbox('debrief-views');
const driver = await startDriver({ ...home.env, DEBRIEF_HOME: process.env.DEBRIEF_HOME });
try {
  const app = await launch(driver);
  const pid = appProcess(driver);
  console.log('| views opened so far, one after another | PSS summed, MB | the view adds, MB | web process PSS, MB |');
  console.log('|---|---|---|---|');
  let before = null;
  for (const view of views) {
    await view.open(app);
    await sleep(IDLE_MS);
    const now = memory(pid);
    const added = before === null ? '' : `${now.total - before.total >= 0 ? '+' : ''}${(now.total - before.total).toFixed(0)}`;
    console.log(`| ${view.name} | ${now.total.toFixed(0)} | ${added} | ${now.web.toFixed(0)} |`);
    before = now;
  }
  await app.deleteSession();
} finally {
  await driver.stop();
  home.remove();
}
