// Contributing factors in the real window: a factor with a theme from the team's list is
// added beside the facts of a draft and published into a shared repository that already
// holds post-mortems written with factors (one naming a theme the team does not list) and
// one written without; Browse then counts incidents per theme over time, plots them,
// lists the incidents behind a chosen theme and opens one in the reader.
// Screenshots: target/e2e/draft-factors.png, browse-factors.png and browse-factors-theme.png.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { WAIT, paste, sharedRepository, shot, windowHarness } from './window.mjs';

const POOL = "The pool size was set for last year's traffic";

const FILES = {
  'incidents/2025/2025-01-14-queue-backlog.md': [
    '---',
    'title: Queue backlog',
    'started: 2025-01-14T09:00:00+01:00',
    'contributing_factors:',
    '  - factor: The queue was sized for one region',
    '    theme: capacity',
    '  - factor: The broker vendor changed its limits',
    '    theme: third-party',
    '---',
    '',
    '# Queue backlog',
    '',
    'The queue filled up during the nightly import.',
    '',
  ].join('\n'),
  'incidents/2025/2025-03-02-resolver-outage.md': [
    '---',
    'title: Resolver outage',
    'started: 2025-03-02T22:10:00+01:00',
    'contributing_factors:',
    '  - factor: No alert watched the resolvers',
    '    theme: detection',
    '---',
    '',
    '# Resolver outage',
    '',
    'Resolvers stopped answering.',
    '',
  ].join('\n'),
  'postmortems/old-outage.md': '# Old outage\n\nWritten by hand, without any contributing factors.\n',
};

let harness;
let url;

before(async () => {
  harness = await windowHarness('debrief-e2e-factors');
  url = sharedRepository(join(harness.home.dir, 'postmortems.git'), FILES, join(harness.home.dir, 'scratch'));
});

after(() => harness?.close());

test('factors are kept beside the facts, published, and counted per theme in Browse', async (t) => {
  const app = await harness.open();
  await app.$('#new-title').waitForDisplayed(WAIT);

  await t.test('the shared repository is set in settings', async () => {
    await app.keys(['Alt', 's']);
    await paste(app, '#repository-url', url);
    await app.$('button=Save').click();
    await app.$('p.saved').waitForDisplayed(WAIT);
  });

  await t.test('a factor with a theme from the team list is added beside the facts', async () => {
    await app.keys(['Alt', 'l']);
    await app.$('#new-title').waitForDisplayed(WAIT);
    await app.$('#new-title').addValue('Checkout latency');
    await app.keys('Enter');
    await app.$('#capture-input').waitForDisplayed(WAIT);
    await app.keys(['Alt', '2']);
    await app.$('.cm-content').waitForDisplayed(WAIT);
    await app.$('.factors-panel summary').click();
    const themes = app.$('.factors-panel form.add select');
    await app.waitUntil(async () => (await themes.$$('option')).length > 8, {
      ...WAIT,
      timeoutMsg: "the team's themes never arrived",
    });
    await paste(app, '.factors-panel form.add input', POOL);
    await themes.selectByAttribute('value', 'capacity');
    await app.$('.factors-panel').$('button=Add factor').click();
    const added = app.$('input[aria-label="Contributing factor #1"]');
    await added.waitForDisplayed({ ...WAIT, timeoutMsg: 'the factor never appeared in the list' });
    assert.equal(await added.getValue(), POOL);
    assert.equal(await app.$('select[aria-label="Theme of #1"]').getValue(), 'capacity');
    assert.match(await app.$('.factors-panel summary').getText(), /1 · capacity/);
    await shot(app, 'draft-factors');
  });

  await t.test('the draft is published with its factor', async () => {
    await app.$('button*=Publish…').click();
    const button = app.$('.publish-panel button.publish');
    await button.waitForEnabled({ ...WAIT, timeoutMsg: 'the checks never allowed publishing' });
    await button.click();
    const headline = app.$('.publish-panel .result .headline');
    await app.waitUntil(async () => (await headline.isExisting()) && /^Published/.test(await headline.getText()), {
      ...WAIT,
      timeout: 60_000,
      timeoutMsg: 'the publish never ended',
    });
    await app.keys('Escape');
    await app.$('.publish-panel').waitForExist({ ...WAIT, reverse: true });
  });

  await t.test('Browse counts incidents per theme over time and plots them', async () => {
    await app.keys(['Alt', 'b']);
    await app.$('#browse-search').waitForDisplayed(WAIT);
    let state = '';
    await app
      .waitUntil(
        async () => {
          state = await app.$('.sync-state').getText();
          return /post-mortems/.test(state);
        },
        { ...WAIT, timeout: 60_000, interval: 200 },
      )
      .catch(() => assert.fail(`the sync never finished; it said: ${state}`));
    await app.$('#browse-tab-factors').click();
    const table = app.$('#factors-table');
    await table.waitForDisplayed({ ...WAIT, timeoutMsg: 'the factors table never showed' });
    const rows = await app.execute(() =>
      Object.fromEntries(
        [...document.querySelectorAll('#factors-table tbody tr')].map((row) => [
          [...row.querySelector('th button').childNodes]
            .filter((node) => node.nodeType === Node.TEXT_NODE)
            .map((node) => node.textContent)
            .join('')
            .trim(),
          Number(row.querySelector('td').textContent),
        ]),
      ),
    );
    assert.equal(rows.capacity, 2, `rows: ${JSON.stringify(rows)}`);
    assert.equal(rows.detection, 1);
    assert.equal(rows['third-party'], 1, 'a theme the team does not list is counted under its own name');
    assert.equal(rows.tooling, 0, "the team's themes are all listed");
    await app.waitUntil(
      async () =>
        app.execute(() => {
          const canvas = document.querySelector('#browse-panel-factors .plot canvas');
          return canvas !== null && canvas.width > 0 && canvas.height > 0;
        }),
      { ...WAIT, timeoutMsg: 'the plot was never drawn' },
    );
    assert.match(await app.$('#browse-panel-factors .plot[role="img"]').getAttribute('aria-label'), /^Line chart of the incidents naming/);
    await shot(app, 'browse-factors');
  });

  await t.test('choosing a theme lists the incidents behind it, and one opens in the reader', async () => {
    await app.$('#factors-table').$('button=capacity').click();
    const behind = app.$('section.behind');
    await behind.waitForDisplayed({ ...WAIT, timeoutMsg: 'the incidents behind capacity never showed' });
    const listed = await behind.getText();
    assert.match(listed, /Behind capacity: 2 incidents/);
    assert.ok(listed.includes('Checkout latency') && listed.includes(POOL), listed);
    assert.ok(listed.includes('Queue backlog') && listed.includes('The queue was sized for one region'), listed);
    await app.waitUntil(
      async () => /^Bar chart of the incidents naming capacity/.test(await app.$('#browse-panel-factors .plot[role="img"]').getAttribute('aria-label')),
      { ...WAIT, timeoutMsg: 'the plot never showed the chosen theme' },
    );
    await behind.scrollIntoView({ block: 'end' });
    await shot(app, 'browse-factors-theme');
    await behind.$('button*=Queue backlog').click();
    const reader = app.$('article.reader .postmortem');
    await reader.waitForDisplayed(WAIT);
    assert.match(await reader.getText(), /nightly import/);
    await app.keys('Escape');
    await app.$('section.behind').waitForDisplayed({ ...WAIT, timeoutMsg: 'Escape did not come back to the theme' });
  });
});
