// Starting and stopping the real Debrief window for tests and measurements:
// tauri-driver (with Debian's WebKitWebDriver behind it) on free loopback ports,
// waited for by its port, stopped by its process id; sessions launch the app binary.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { remote } from 'webdriverio';

export const ROOT = resolve(import.meta.dirname, '../..');
export const APP = resolve(process.env.DEBRIEF_APP_BINARY ?? join(ROOT, 'target/release/debrief-app'));
/** The `debrief` command, for tests that fill a data directory before the window opens. */
export const CLI = resolve(process.env.DEBRIEF_CLI_BINARY ?? join(ROOT, 'target/release/debrief'));
const TAURI_DRIVER = process.env.TAURI_DRIVER ?? join(process.env.CARGO_HOME ?? join(process.env.HOME, '.cargo'), 'bin/tauri-driver');

/** A loopback port nobody listens on right now. */
async function freePort() {
  const server = net.createServer();
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

/** Resolves once something accepts connections on the port; fails after `timeout` ms. */
export async function waitForPort(port, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const open = await new Promise((done) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => socket.end(() => done(true)));
      socket.once('error', () => done(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeout} ms`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/**
 * A private home for one run: the Debrief data directory, and XDG directories so the
 * window's remembered size and WebKit's caches stay out of the user's own.
 */
export function sandbox(name) {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  const env = { DEBRIEF_HOME: join(dir, 'debrief') };
  for (const [variable, sub] of [
    ['XDG_CONFIG_HOME', 'config'],
    ['XDG_DATA_HOME', 'data'],
    ['XDG_CACHE_HOME', 'cache'],
  ]) {
    env[variable] = join(dir, sub);
    mkdirSync(env[variable]);
  }
  return {
    dir,
    env,
    /**
     * Removes the home once every process started with it has exited: the app's WebKit
     * processes can outlive its window by a moment, still writing their shader and web
     * caches into it. Those still running after 10 s are killed by process id.
     */
    async remove() {
      const deadline = Date.now() + 10_000;
      for (let pids = processesUsing(dir); pids.length > 0; pids = processesUsing(dir)) {
        if (Date.now() > deadline) {
          for (const pid of pids) {
            try {
              process.kill(pid, 'SIGKILL');
            } catch {
              // Gone already.
            }
          }
        }
        await new Promise((done) => setTimeout(done, 50));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The processes whose environment names `dir`: those started with a sandbox's variables. */
function processesUsing(dir) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').includes(dir)) found.push(Number(entry));
    } catch {
      // The process ended while it was being read, or is not ours to read.
    }
  }
  return found;
}

/** Starts tauri-driver with `env` for the apps it launches, and waits until it listens. */
export async function startDriver(env) {
  const port = await freePort();
  const nativePort = await freePort();
  const driver = spawn(
    TAURI_DRIVER,
    ['--port', String(port), '--native-port', String(nativePort), '--native-driver', '/usr/bin/WebKitWebDriver'],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  driver.stderr.on('data', (chunk) => (errors += chunk));
  const exited = new Promise((done) => driver.once('exit', done));
  try {
    await Promise.race([
      waitForPort(port),
      exited.then((code) => Promise.reject(new Error(`tauri-driver exited (${code}): ${errors}`))),
    ]);
  } catch (error) {
    driver.kill();
    throw error;
  }
  return {
    port,
    pid: driver.pid,
    /** Stops this driver, by its process id, and waits until it is gone. */
    async stop() {
      if (driver.exitCode === null && driver.signalCode === null) {
        process.kill(driver.pid, 'SIGTERM');
        await exited;
      }
    },
  };
}

/** `pid` and every process below it. */
function descendants(pid) {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
  return [pid, ...children.flatMap(descendants)];
}

const command = (pid) => readFileSync(`/proc/${pid}/comm`, 'utf8').trim();

/** The process id of the app the driver launched. */
export function appProcess(driver) {
  const [pid] = descendants(driver.pid).filter((candidate) => command(candidate) === 'debrief-app');
  if (pid === undefined) throw new Error('the app process was not found below tauri-driver');
  return pid;
}

/** PSS in MB of the app and its WebKit processes, summed and for the web process alone. */
export function memory(app) {
  let total = 0;
  let web = 0;
  for (const pid of descendants(app)) {
    const pss = Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))[1]) / 1024;
    total += pss;
    if (command(pid).startsWith('WebKitWebProces')) web += pss;
  }
  return { total, web };
}

/** How often to ask again when the driver drops a request for a new session. */
const SESSION_ATTEMPTS = 3;

/**
 * Launches the app in a new WebDriver session (the window opens; `deleteSession` closes it).
 * tauri-driver now and then drops the request that creates a session, before any app
 * starts; that request alone is asked again.
 */
export async function launch(driver, application = APP) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await remote({
        hostname: '127.0.0.1',
        port: driver.port,
        logLevel: 'silent',
        connectionRetryCount: 0,
        capabilities: {
          'wdio:enforceWebDriverClassic': true,
          'tauri:options': { application },
        },
      });
    } catch (error) {
      const dropped = /UND_ERR_SOCKET|ECONNRESET|socket hang up/.test(String(error?.message));
      if (!dropped || attempt === SESSION_ATTEMPTS) throw error;
    }
  }
}
