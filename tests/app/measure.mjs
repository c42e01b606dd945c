// Measures what the README reports about the desktop app, in one run on one machine:
// launch to a usable capture view, whole-app memory once idle, and scrolling a
// 10,000-line timeline, beside an empty Tauri window built from the same crates.
// Timings are reported, never asserted. Run through tests/app/measure.
//
//   node tests/app/measure.mjs EMPTY_WINDOW_BINARY DEBRIEF_CLI_BINARY

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { APP, launch, sandbox, startDriver } from './driver.mjs';

const [EMPTY_WINDOW, DEBRIEF_CLI] = process.argv.slice(2);
const RUNS = Number(process.env.DEBRIEF_MEASURE_RUNS ?? 5);
const IDLE_MS = 5_000;
const WAIT = { timeout: 60_000, interval: 20 };

const CLOCK_TICKS_PER_SECOND = 100;
const BOOT_MS = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))[1]) * 1000;

/** When a process started, in ms since the epoch (to the clock tick, 10 ms). */
function startedAt(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return BOOT_MS + (Number(fields[19]) * 1000) / CLOCK_TICKS_PER_SECOND;
}

function children(pid) {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

function tree(pid) {
  return [pid, ...children(pid).flatMap(tree)];
}

function command(pid) {
  return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
}

/** The app process the driver launched: the newest process running `binary` below the driver. */
function appProcess(driverPid, name) {
  const found = tree(driverPid).filter((pid) => command(pid) === name.slice(0, 15));
  if (found.length === 0) throw new Error(`no ${name} process under the driver`);
  return found.at(-1);
}

/** RSS and PSS (kB) summed over the app and every process below it (WebKit's web and network processes). */
function memory(pid) {
  const total = { rss: 0, pss: 0, processes: [] };
  for (const member of tree(pid)) {
    const rollup = readFileSync(`/proc/${member}/smaps_rollup`, 'utf8');
    total.rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)[1]);
    total.pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)[1]);
    total.processes.push(command(member));
  }
  return total;
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** One launch: ms from the app process's start to `ready` in the page, then idle memory. */
async function measureLaunch(driver, binary, name, readyScript) {
  const app = await launch(driver, binary);
  try {
    await app.waitUntil(() => app.execute(readyScript).then((at) => at !== null), WAIT);
    const readyAt = await app.execute(readyScript);
    const pid = appProcess(driver.pid, name);
    const launchMs = readyAt - startedAt(pid);
    await sleep(IDLE_MS);
    return { launchMs, ...memory(pid), app };
  } catch (error) {
    await app.deleteSession().catch(() => {});
    throw error;
  }
}

// Both pages mark the first frame drawn after they are ready: the empty page on its load
// event, Debrief once the capture view shows the loaded timeline.
const emptyReady = () => {
  const mark = performance.getEntriesByName('empty:painted')[0];
  return mark ? performance.timeOrigin + mark.startTime : null;
};

const captureReady = () => {
  const mark = performance.getEntriesByName('debrief:capture-ready')[0];
  return mark ? performance.timeOrigin + mark.startTime : null;
};

/** Scrolls the timeline from top to bottom, a few rows a frame, and returns the frame intervals. */
const scrollFrames = () =>
  new Promise((done) => {
    const viewport = document.querySelector('.timeline');
    viewport.scrollTop = 0;
    const frames = [];
    let last = performance.now();
    const step = (now) => {
      frames.push(now - last);
      last = now;
      viewport.scrollTop += 96;
      if (viewport.scrollTop + viewport.clientHeight >= viewport.scrollHeight || frames.length > 2_000) done(frames);
      else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), min: sorted[0], max: sorted.at(-1), p95: at(0.95) };
}

function fillStore(home, lines) {
  const env = { ...process.env, ...home.env };
  execFileSync(DEBRIEF_CLI, ['new', 'Checkout latency'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const typed = Array.from({ length: lines }, (_, n) =>
    n % 7 === 0 ? `@alice /action step ${n}: restarted a pool member` : `observation ${n}: error rate ${n % 50}% on checkout`,
  ).join('\n');
  execFileSync(DEBRIEF_CLI, ['capture'], { env, input: typed, stdio: ['pipe', 'ignore', 'inherit'] });
}

async function series(label, binary, name, readyScript, lines) {
  const home = sandbox('debrief-measure');
  if (lines !== null) fillStore(home, lines);
  const driver = await startDriver(home.env);
  const runs = [];
  let frames = null;
  try {
    for (let run = 0; run < RUNS; run += 1) {
      const { app, ...result } = await measureLaunch(driver, binary, name, readyScript);
      if (run === RUNS - 1 && lines && lines >= 10_000) frames = await app.execute(scrollFrames);
      await app.deleteSession();
      runs.push(result);
    }
  } finally {
    await driver.stop();
    home.remove();
  }
  const result = {
    label,
    launchMs: summary(runs.map((run) => run.launchMs)),
    rssMB: summary(runs.map((run) => run.rss / 1024)),
    pssMB: summary(runs.map((run) => run.pss / 1024)),
    processes: runs[0].processes.join(', '),
    frames: frames && { count: frames.length, ...summary(frames) },
  };
  console.log(JSON.stringify(result));
  return result;
}

const results = [
  await series('empty Tauri window', EMPTY_WINDOW, 'empty-window', emptyReady, null),
  await series('Debrief, capture view, 3 lines', APP, 'debrief-app', captureReady, 3),
  await series('Debrief, capture view, 10,000 lines', APP, 'debrief-app', captureReady, 10_000),
];

const round = (value) => Math.round(value);
console.log(`\n${RUNS} launches each; median (min to max)\n`);
console.log('| what | launch to usable | idle memory, RSS summed | idle memory, PSS summed |');
console.log('|---|---|---|---|');
for (const { label, launchMs, rssMB, pssMB } of results) {
  console.log(
    `| ${label} | ${round(launchMs.median)} ms (${round(launchMs.min)} to ${round(launchMs.max)}) | ` +
      `${round(rssMB.median)} MB (${round(rssMB.min)} to ${round(rssMB.max)}) | ` +
      `${round(pssMB.median)} MB (${round(pssMB.min)} to ${round(pssMB.max)}) |`,
  );
}
const big = results.at(-1);
if (big.frames) {
  const { count, median, p95, max } = big.frames;
  console.log(
    `\nScrolling 10,000 lines top to bottom: ${count} frames, interval median ${median.toFixed(1)} ms, ` +
      `p95 ${p95.toFixed(1)} ms, max ${max.toFixed(1)} ms`,
  );
}
console.log(`Processes summed: ${results[0].processes} | ${big.processes}`);
