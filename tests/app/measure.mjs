// How smoothly a 10,000-line timeline scrolls in the real window: scrolls it from top
// to bottom, 8 rows a frame, and reports the intervals between frames. Reported, never
// asserted. Run through tests/app/measure, with DEBRIEF_HOME holding such an incident.

import { launch, sandbox, startDriver } from './driver.mjs';

const LINES = Number(process.argv[2] ?? 10_000);
const ROW_HEIGHT = 32;
const ROWS_PER_FRAME = 8;

const home = sandbox('debrief-scroll');
const driver = await startDriver({ ...home.env, DEBRIEF_HOME: process.env.DEBRIEF_HOME });
try {
  const app = await launch(driver);
  await app.setTimeout({ script: 120_000 });
  await app.waitUntil(
    () => app.execute((count) => document.querySelector('.timeline')?.ariaLabel === `Timeline, ${count} lines`, LINES),
    { timeout: 60_000, interval: 50, timeoutMsg: `the timeline never showed ${LINES} lines` },
  );
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
  await app.deleteSession();
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
  console.log(
    `Scrolling ${LINES} lines top to bottom, ${ROWS_PER_FRAME} rows a frame: ${frames.length} frames, ` +
      `interval median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms; ${rendered} rows in the page at the end`,
  );
} finally {
  await driver.stop();
  await home.remove();
}
