// Two responders, two laptops, one live timeline, in real windows: two apps, each with a
// home of its own (its Debrief data, its HOME with its own git settings) and one shared
// repository over file://. Ana starts an incident (live, as a shared repository is set);
// it shows in Bo's incident list and Bo joins it with one key. A line Ana types while
// the repository is away is counted as not shared yet; once the repository is back the
// count falls to zero and the line shows on Bo's laptop, marked with its author. Bo's
// line shows on Ana's laptop the same way, while the line Ana is typing stays as it was.
// Once Ana commands, the key time Bo marks waits for her, and Alt+A accepts it.
// tauri-driver serves one session per process, so each app has a driver of its own.
// Screenshots: target/e2e/live-*.png.

import assert from 'node:assert/strict';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { WAIT, sharedRepository, shot, windowHarness } from './window.mjs';

/** Sharing rounds every half second, so the test waits on the window, not on the rhythm. */
const RHYTHM_MS = '500';

let scratch;
let repository;
const laptops = {};

/** A laptop: its own homes, Debrief set to share through `url` under `name`. */
async function laptop(name, url) {
  const harness = await windowHarness(`debrief-e2e-live-${name.toLowerCase()}`, (home) => {
    mkdirSync(join(home.dir, 'home'));
    return { HOME: join(home.dir, 'home'), DEBRIEF_LIVE_MILLISECONDS: RHYTHM_MS };
  });
  mkdirSync(harness.home.env.DEBRIEF_HOME, { recursive: true });
  writeFileSync(
    join(harness.home.env.DEBRIEF_HOME, 'config.toml'),
    `[identity]\nname = "${name}"\nemail = "${name.toLowerCase()}@example.com"\n\n[shared_repository]\nurl = "${url}"\n`,
  );
  return harness;
}

before(async () => {
  scratch = join(process.env.TMPDIR ?? '/tmp', `debrief-e2e-live-${process.pid}`);
  mkdirSync(scratch, { recursive: true });
  repository = join(scratch, 'team.git');
  const url = sharedRepository(repository, {}, join(scratch, 'copy'));
  laptops.ana = await laptop('Ana', url);
  laptops.bo = await laptop('Bo', url);
});

after(async () => {
  await laptops.ana?.close();
  await laptops.bo?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** The shared repository goes away (as a server going down) or comes back. */
function repositoryAway(away) {
  const [from, to] = away ? [repository, `${repository}.away`] : [`${repository}.away`, repository];
  renameSync(from, to);
}

/** What the timeline shows, row by row: its text and the author mark, if any. */
function rows(app) {
  return app.execute(() =>
    [...document.querySelectorAll('.timeline [role="listitem"]')].map((row) => ({
      state: row.dataset.state,
      author: row.querySelector('.author')?.textContent ?? null,
      text: row.querySelector('.text')?.textContent ?? '',
    })),
  );
}

async function untilRow(app, text, what) {
  let shown = [];
  await app.waitUntil(
    async () => {
      shown = await rows(app);
      return shown.some((row) => row.text === text && row.state === 'saved');
    },
    { ...WAIT, timeoutMsg: `${what}; the timeline showed ${JSON.stringify(shown)}` },
  );
  return shown.find((row) => row.text === text);
}

/** The strip's text and counts, or null when there is no strip. */
function strip(app) {
  return app.execute(() => {
    const found = document.querySelector('.live-strip');
    if (!found) return null;
    return { text: found.textContent.replace(/\s+/g, ' ').trim(), unshared: Number(found.dataset.unshared) };
  });
}

async function untilStrip(app, predicate, what) {
  let shown = null;
  await app.waitUntil(
    async () => {
      shown = await strip(app);
      return shown !== null && predicate(shown);
    },
    { ...WAIT, timeoutMsg: `${what}; the strip showed ${JSON.stringify(shown)}` },
  );
  return shown;
}

async function typeLine(app, text) {
  const input = app.$('#capture-input');
  await input.waitForDisplayed(WAIT);
  await input.addValue(text);
  await app.keys('Enter');
}

test('two responders share one live timeline through the shared repository', async (t) => {
  const ana = await laptops.ana.open();
  let bo;

  await t.test('a new incident is live, and all of it is shared', async () => {
    await ana.$('#new-title').waitForDisplayed(WAIT);
    await ana.$('#new-private').waitForDisplayed(WAIT);
    await ana.waitUntil(async () => (await ana.$('#new-private-hint').getText()).startsWith('Live:'), {
      ...WAIT,
      timeoutMsg: 'the form never said a new incident would be live',
    });
    assert.equal(await ana.$('#new-private').isSelected(), false);
    await ana.$('#new-title').addValue('Checkout latency');
    await ana.keys('Enter');
    await ana.$('#capture-input').waitForDisplayed(WAIT);
    const shown = await untilStrip(ana, (shown) => shown.unshared === 0, 'the incident was never all shared');
    assert.match(shown.text, /You are Ana/);
    assert.match(shown.text, /All shared/);
    await shot(ana, 'live-01-ana-started');
  });

  await t.test('it shows in the other laptop’s list, and one key joins it', async () => {
    bo = await laptops.bo.open();
    const join = bo.$('button.incident.joinable');
    await join.waitForDisplayed(WAIT);
    assert.match(await join.getAttribute('aria-label'), /^Join Checkout latency, started .+ by Ana$/);
    assert.equal(await join.getAttribute('aria-keyshortcuts'), 'Alt+J');
    await shot(bo, 'live-02-bo-list');
    await bo.keys(['Alt', 'j']);
    await bo.$('#capture-input').waitForDisplayed(WAIT);
    await bo.waitUntil(async () => (await bo.execute(() => document.querySelector('h1')?.textContent)) === 'Checkout latency', {
      ...WAIT,
      timeoutMsg: 'the joined incident never opened',
    });
    await untilStrip(bo, (shown) => /You are Bo/.test(shown.text) && shown.unshared === 0, 'Bo never joined fully');
  });

  await t.test('a line typed while the repository is away is saved and counted as not shared yet', async () => {
    repositoryAway(true);
    await typeLine(ana, 'Error rate at 40% on checkout');
    const mine = await untilRow(ana, 'Error rate at 40% on checkout', 'Ana never saw her own line saved');
    assert.equal(mine.author, null, 'a line of this laptop carries no author mark');
    const shown = await untilStrip(
      ana,
      (shown) => shown.unshared === 1 && /does not answer/.test(shown.text),
      'the strip never said the line waits for the repository',
    );
    assert.match(shown.text, /1 line not shared yet/);
    await shot(ana, 'live-03-ana-offline');
  });

  await t.test('once the repository is back the count falls to zero and the line is on the other laptop, attributed', async () => {
    repositoryAway(false);
    await untilStrip(ana, (shown) => shown.unshared === 0 && /All shared/.test(shown.text), 'Ana’s line was never shared');
    const theirs = await untilRow(bo, 'Error rate at 40% on checkout', 'Ana’s line never reached Bo');
    assert.equal(theirs.author, 'Ana');
    await untilStrip(bo, (shown) => /Here: Ana/.test(shown.text), 'Bo’s strip never showed Ana here');
    await shot(bo, 'live-04-bo-sees-ana');
  });

  await t.test('the other way round, without touching the line being typed', async () => {
    await ana.$('#capture-input').addValue('half a thought');
    await typeLine(bo, 'Restarted the pool on db-2');
    const theirs = await untilRow(ana, 'Restarted the pool on db-2', 'Bo’s line never reached Ana');
    assert.equal(theirs.author, 'Bo');
    assert.equal(await ana.$('#capture-input').getValue(), 'half a thought');
    assert.equal(await ana.execute(() => document.activeElement?.id), 'capture-input');
    assert.deepEqual(
      (await rows(ana)).map(({ author, text }) => [author, text]),
      [
        [null, 'Error rate at 40% on checkout'],
        ['Bo', 'Restarted the pool on db-2'],
      ],
    );
    await untilStrip(bo, (shown) => shown.unshared === 0, 'Bo’s line was never all shared');
    const shown = await untilStrip(ana, (shown) => /Here: Bo/.test(shown.text), 'Ana’s strip never showed Bo here');
    assert.match(shown.text, /All shared/);
    await shot(ana, 'live-05-ana-sees-bo');
  });

  await t.test('a key time marked by another responder waits for the commander, who accepts it with one key', async () => {
    // Ana commands: the incident's facts say so.
    await ana.keys(['Alt', '2']);
    await ana.$('.facts-panel').waitForDisplayed(WAIT);
    await ana.execute(() => {
      const panel = document.querySelector('.facts-panel');
      panel.open = true;
      const label = [...panel.querySelectorAll('label')].find((found) => found.textContent.trim() === 'Incident commander');
      const input = label.querySelector('input');
      input.value = 'Ana';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await ana.$('button=Save facts').click();
    await ana.waitUntil(async () => /commander Ana/.test(await ana.$('.facts-panel summary').getText()), {
      ...WAIT,
      timeoutMsg: 'the facts never named Ana the commander',
    });
    await ana.keys(['Alt', '1']);
    await ana.$('#capture-input').waitForDisplayed(WAIT);

    await bo.keys(['Alt', 'm']);
    const proposal = ana.$('.proposal-row');
    await proposal.waitForDisplayed(WAIT);
    assert.match(await proposal.getText(), /^Bo proposes mitigated at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d/);
    assert.equal(await ana.$('.proposal-row button').getAttribute('aria-keyshortcuts'), 'Alt+A');
    const mitigated = () => ana.$('button.key-time*=Mitigated').getAttribute('class');
    assert.doesNotMatch(await mitigated(), /marked/, 'a proposal is not a key time yet');
    await shot(ana, 'live-06-ana-proposal');

    await ana.keys(['Alt', 'a']);
    await ana.waitUntil(async () => /marked/.test(await mitigated()), {
      ...WAIT,
      timeoutMsg: 'accepting never made mitigated a key time',
    });
    await ana.$('.proposal-row').waitForDisplayed({ ...WAIT, reverse: true });
    await untilStrip(ana, (shown) => shown.unshared === 0, 'the accepted key time was never shared');
  });
});
