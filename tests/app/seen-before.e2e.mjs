// "Seen before" in the real window: a shared repository with three post-mortems, two of
// them on checkout, is synced in Browse; a new checkout incident is captured and its draft
// opened, and beside it the most alike earlier incident is listed first with why it
// matched, with the action item it left open. Opening the match shows it read-only, and
// Escape brings the draft back. Screenshots: target/e2e/draft-seen-before*.png.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { WAIT, paste, sharedRepository, shot, windowHarness } from './window.mjs';

/** A post-mortem as Debrief publishes it: facts in front matter, the timeline table, the factors. */
function postmortem({ id, title, service, lines, factors, actions = '' }) {
  const date = id.slice(0, 10);
  const rows = lines.map((line) => `| ${date} 14:05:00 +01:00 | alice | note | ${line} |\n`).join('');
  return (
    `---\nid: ${id}\ntitle: ${title}\nseverity: SEV2\nstarted: ${date}T14:00:00+01:00\nservices:\n  - ${service}\n${actions}---\n\n` +
    `# ${title}\n\n## Timeline\n<!-- debrief:timeline -->\n\n| Time | Who | Kind | What happened |\n|---|---|---|---|\n${rows}\n` +
    `<!-- /debrief:timeline 0000000000000000 -->\n\n## Contributing factors\n${factors}\n`
  );
}

const FILES = {
  'incidents/2026/2026-03-02-checkout-latency.md': postmortem({
    id: '2026-03-02-checkout-latency',
    title: 'Checkout latency',
    service: 'checkout',
    lines: ['Connection pool exhausted on db-2', 'Gateway timeout on checkout requests'],
    factors: 'A retry storm held every connection in the pool.',
    actions:
      'action_items:\n  - id: 1\n    text: Alert on pool saturation\n    owner: carol\n    due: 2026-04-01\n    type: detective\n    status: open\n',
  }),
  'incidents/2026/2026-05-10-search-slow.md': postmortem({
    id: '2026-05-10-search-slow',
    title: 'Search slow',
    service: 'search',
    lines: ['Connection pool exhausted after the reindex', 'Gateway timeout for search requests'],
    factors: 'The reindex job held every connection in the pool.',
  }),
  'incidents/2026/2026-06-01-login-errors.md': postmortem({
    id: '2026-06-01-login-errors',
    title: 'Login errors',
    service: 'login',
    lines: ['Certificate expired on the identity provider'],
    factors: 'The renewal reminder went to a mailbox nobody reads.',
  }),
};

let harness;
let url;

before(async () => {
  harness = await windowHarness('debrief-e2e-seen-before');
  url = sharedRepository(join(harness.home.dir, 'postmortems.git'), FILES, join(harness.home.dir, 'scratch'));
});

after(() => harness?.close());

/** The editor's text as CodeMirror shows it. */
function editorText(app) {
  return app.execute(() => [...document.querySelectorAll('.cm-content .cm-line')].map((line) => line.textContent).join('\n'));
}

/** What the "Seen before" panel lists: each match's title and why, and each open item's why. */
function panel(app) {
  return app.execute(() => ({
    matches: [...document.querySelectorAll('.seen-before .matches li')].map((item) => ({
      title: item.querySelector('.match-title')?.textContent ?? '',
      why: item.querySelector('.why')?.textContent ?? '',
    })),
    open: [...document.querySelectorAll('.seen-before .open-items li')].map((item) => item.textContent ?? ''),
  }));
}

test('past incidents like the one being written up are listed beside its draft', async (t) => {
  const app = await harness.open();
  await app.$('#new-title').waitForDisplayed(WAIT);

  await t.test('the shared repository is set and synced', async () => {
    await app.keys(['Alt', 's']);
    await paste(app, '#repository-url', url);
    await app.$('button=Save').click();
    await app.$('p.saved').waitForDisplayed(WAIT);
    await app.keys(['Alt', 'b']);
    let state = '';
    await app
      .waitUntil(
        async () => {
          state = await app.$('.sync-state').getText();
          return /3 post-mortems/.test(state);
        },
        { ...WAIT, timeout: 60_000, interval: 200 },
      )
      .catch(() => assert.fail(`the sync never finished; it said: ${state}`));
  });

  await t.test('a new checkout incident is captured and its draft opened', async () => {
    await app.keys(['Alt', 'l']);
    await app.$('#new-title').waitForDisplayed(WAIT);
    await app.$('#new-title').addValue('Checkout pool exhausted');
    await app.keys('Enter');
    const input = app.$('#capture-input');
    await input.waitForDisplayed(WAIT);
    for (const line of ['Connection pool exhausted on db-2 again', 'Gateway timeout on checkout requests']) {
      await input.addValue(line);
      await app.keys('Enter');
    }
    await app.keys(['Alt', '2']);
    await app.$('.cm-content').waitForDisplayed(WAIT);
    await app.waitUntil(async () => (await editorText(app)).includes('Gateway timeout on checkout requests'), {
      ...WAIT,
      timeoutMsg: 'the captured lines never showed in the draft',
    });
  });

  await t.test('naming its service lists the most alike incident first, with why, and what it left open', async () => {
    await app.execute(() => {
      const field = [...document.querySelectorAll('.facts-panel label')]
        .find((label) => label.querySelector('span')?.textContent === 'Services')
        ?.querySelector('input');
      field.value = 'checkout';
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await app.$('button=Save facts').click();
    let shown = { matches: [], open: [] };
    await app
      .waitUntil(
        async () => {
          shown = await panel(app);
          return shown.matches[0]?.title === 'Checkout latency' && shown.open.length === 1;
        },
        { ...WAIT, timeout: 30_000 },
      )
      .catch(() => assert.fail(`seen before never listed Checkout latency first: ${JSON.stringify(shown)}`));
    assert.match(shown.matches[0].why, /^same service: checkout; both mention .*connection pool/);
    assert.equal(shown.matches[1]?.title, 'Search slow', 'shared words without the service come next');
    assert.match(shown.matches[1].why, /^both mention /);
    assert.ok(!shown.matches.some((found) => found.title === 'Login errors'), 'nothing in common is never listed');
    assert.match(shown.open[0], /Alert on pool saturation/);
    assert.match(shown.open[0], /proposed in 2026-03-02-checkout-latency, due 2026-04-01, still open/);
    await app.$('.seen-before').scrollIntoView();
    await shot(app, 'draft-seen-before');
  });

  await t.test('a match opens read-only, and Escape brings the draft back as it was', async () => {
    const before = await editorText(app);
    await app.$('.seen-before .match').click();
    const reader = app.$('article.reader .postmortem');
    await reader.waitForDisplayed(WAIT);
    assert.match(await reader.getText(), /retry storm held every connection/);
    await shot(app, 'draft-seen-before-reader');
    await app.keys('Escape');
    await app.$('.cm-content').waitForDisplayed({ ...WAIT, timeoutMsg: 'Escape never brought the draft back' });
    assert.equal(await app.$('article.reader').isExisting(), false);
    assert.equal(await editorText(app), before, 'the draft is as it was');
  });
});
