// How smoothly a 10,000-line timeline scrolls in the real window: scrolls it from top
// to bottom, 8 rows a frame, and reports the intervals between frames, and the app's
// memory idle before and after (the window reads earlier lines as they come into view,
// so scrolling through reads them all; through WebDriver, whose part counts in both).
// Reported, never asserted. Run through tests/app/measure, with DEBRIEF_HOME holding
// such an incident.

import { setTimeout as sleep } from 'node:timers/promises';
import { appProcess, launch, memory, sandbox, startDriver } from './driver.mjs';

const LINES = Number(process.argv[2] ?? 10_000);
const ROW_HEIGHT = 32;
const ROWS_PER_FRAME = 8;
const IDLE_MS = 5_000;

const home = sandbox('debrief-scroll');
const driver = await startDriver({ ...home.env, DEBRIEF_HOME: process.env.DEBRIEF_HOME });
try {
  const app = await launch(driver);
  await app.setTimeout({ script: 120_000 });
  await app.waitUntil(
    () => app.execute((count) => document.querySelector('.timeline')?.ariaLabel === `Timeline, ${count} lines`, LINES),
    { timeout: 60_000, interval: 50, timeoutMsg: `the timeline never showed ${LINES} lines` },
  );
  const pid = appProcess(driver);
  await sleep(IDLE_MS);
  const opened = memory(pid);
  const frames = await app.execute(
    (step) =>
      new Promise((done) => {
        const viewport = document.querySelector('.timeline');
        viewport.scrollTop = 0;
        const intervals = [];
        let last = null;
        const frame = (now) => {
          if (last !== null) intervals.push(now - last);
          last = now;
          viewport.scrollTop += step;
          if (viewport.scrollTop + viewport.clientHeight >= viewport.scrollHeight) done(intervals);
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    ROWS_PER_FRAME * ROW_HEIGHT,
  );
  const rendered = await app.execute(() => document.querySelectorAll('.timeline [role="listitem"]').length);
  await sleep(IDLE_MS);
  const scrolled = memory(pid);
  await app.deleteSession();
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
  console.log(
    `Scrolling ${LINES} lines top to bottom, ${ROWS_PER_FRAME} rows a frame: ${frames.length} frames, ` +
      `interval median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms; ${rendered} rows in the page at the end`,
  );
  console.log(
    `Memory idle (PSS summed, through WebDriver): ${opened.total.toFixed(0)} MB as the window opened, ` +
      `${scrolled.total.toFixed(0)} MB once scrolled through every line (web process ${opened.web.toFixed(0)} and ${scrolled.web.toFixed(0)} MB)`,
  );
} finally {
  await driver.stop();
  await home.remove();
}
