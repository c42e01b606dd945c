// Follow-through in the real window: a team's repository with two published
// post-mortems whose action items are owned by carol, Carol and nobody, some long
// overdue, one done and one won't-do. Browse rolls the open ones up per owner, the
// oldest overdue opens its post-mortem. Screenshot: target/e2e/browse-owners.png.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { WAIT, paste, sharedRepository, shot, windowHarness } from './window.mjs';

/** A post-mortem as Debrief publishes it, with `items` in its front matter. */
function postmortem(id, title, items) {
  const lines = items.flatMap(([number, text, owner, due, status, reason]) => [
    `  - id: ${number}`,
    `    text: ${text}`,
    ...(owner ? [`    owner: ${owner}`] : []),
    `    due: ${due}`,
    '    type: preventive',
    `    status: ${status}`,
    ...(reason ? [`    reason: ${reason}`] : []),
  ]);
  return `---\nid: ${id}\ntitle: ${title}\nstatus: final\nkind: unscheduled\nseverity: SEV2\nstarted: ${id.slice(0, 10)}T14:00:00+01:00\naction_items:\n${lines.join('\n')}\n---\n\n# ${title}\n\nWhat happened.\n`;
}

let harness;
let url;

before(async () => {
  harness = await windowHarness('debrief-e2e-follow-through');
  const files = {
    'incidents/2024/2024-03-02-checkout-latency.md': postmortem('2024-03-02-checkout-latency', 'Checkout latency', [
      [1, 'Alert on pool saturation', 'carol', '2024-04-01', 'open'],
      [2, 'Shard the pool', 'dave', '2024-05-01', 'done'],
      [3, 'Retire the old pool', 'dave', '2024-05-01', 'wont-do', 'the pool is replaced'],
    ]),
    'incidents/2024/2024-05-10-login-errors.md': postmortem('2024-05-10-login-errors', 'Login errors', [
      [1, 'Rotate the signing key', 'Carol', '2024-06-01', 'open'],
      [2, 'Document the failover', null, '2024-01-15', 'open'],
      [3, 'Review session lifetimes', 'erin', '2099-01-01', 'open'],
    ]),
  };
  url = sharedRepository(join(harness.home.dir, 'follow-through.git'), files, join(harness.home.dir, 'copy'));
});

after(() => harness?.close());

test('open action items roll up per owner in Browse, the oldest overdue first', async () => {
  const app = await harness.open();
  await app.$('#new-title').waitForDisplayed(WAIT);
  await app.keys(['Alt', 's']);
  await paste(app, '#repository-url', url);
  await app.$('button=Save').click();
  await app.$('p.saved').waitForDisplayed(WAIT);
  await app.keys(['Alt', 'b']);
  await app.waitUntil(async () => /2 post-mortems/.test(await app.$('.sync-state').getText()), {
    ...WAIT,
    timeout: 60_000,
    timeoutMsg: 'the repository was never synced',
  });

  await app.$('#browse-tab-actions').click();
  const table = app.$('table.owners');
  await table.waitForDisplayed({ ...WAIT, timeoutMsg: 'the roll-up per owner never appeared' });
  const rows = await app.execute(() =>
    [...document.querySelectorAll('table.owners tbody tr')].map((row) => ({
      owner: row.querySelector('th').textContent.trim(),
      cells: [...row.querySelectorAll('td')].map((cell) => cell.textContent.replace(/\s+/g, ' ').trim()),
      late: row.classList.contains('late'),
    })),
  );
  assert.deepEqual(
    rows.map(({ owner, cells, late }) => [owner, cells[0], cells[1], late]),
    [
      ['carol', '2', '2', true],
      ['No owner', '1', '1', true],
      ['erin', '1', '0', false],
    ],
    'carol and Carol are one owner; dave has nothing open',
  );
  assert.match(rows[0].cells[2], /days late Alert on pool saturation \(#1 of Checkout latency, due 2024-04-01\)/);
  await shot(app, 'browse-owners');

  await app.$('label.toggle input').click();
  await app.waitUntil(async () => (await app.execute(() => document.querySelectorAll('table.owners tbody tr').length)) === 2, {
    ...WAIT,
    timeoutMsg: 'only overdue never left out the owner with nothing overdue',
  });

  await app.$('table.owners button.link').click();
  const reader = app.$('article.reader .postmortem');
  await reader.waitForDisplayed(WAIT);
  assert.match(await reader.getText(), /What happened/);
});
