// Writing and publishing a post-mortem in the real window. The wording checker underlines
// "we should have caught this" as it is typed, explains it on hover, and its rewording
// is applied with one click; a time the timeline does not hold is underlined too. The draft is then published to a bare repository the test
// creates, and found in a clone of it; with the repository gone the next publish is
// queued, and pushed by the app on its own once the repository is back.
// Screenshots: target/e2e/draft-*.png and publish-*.png.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { WAIT, git, paste, sharedRepository, shot, windowHarness } from './window.mjs';

const PHRASE = 'We should have caught this before the deploy.';
// No letter twice in a row: WebKitWebDriver drops the second of two identical keys sent back to back.
const FOLLOW_UP = 'The alert fired twelve minutes after the first page.';

let harness;
let bare;
let url;

before(async () => {
  // Queued publishes are retried every 2 s instead of every 30 s, so the test waits less.
  harness = await windowHarness('debrief-e2e-draft', { DEBRIEF_PUSH_RETRY_SECONDS: '2' });
  bare = join(harness.home.dir, 'postmortems.git');
  url = sharedRepository(bare, {});
});

after(() => harness?.close());

/** The editor's text as CodeMirror shows it, one line per line. */
function editorText(app) {
  return app.execute(() => [...document.querySelectorAll('.cm-content .cm-line')].map((line) => line.textContent).join('\n'));
}

/**
 * A time of day six hours from now (nothing in this test's timeline is near it), as HH:MM
 * without a digit twice in a row: WebKitWebDriver drops the second of two identical keys.
 */
function timeNobodyLogged() {
  const at = new Date(Date.now() + 6 * 3600_000);
  for (;;) {
    const text = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
    if (![...text].some((char, index) => char === text[index - 1])) return text;
    at.setMinutes(at.getMinutes() + 1);
  }
}

/** Types at the end of the draft, as a person would after clicking into it. */
async function typeAtTheEnd(app, text) {
  await app.$('.cm-content').click();
  await app.keys(['Control', 'End']);
  await app.keys(['Enter', 'Enter']);
  await app.keys(text);
}

async function untilSaved(app) {
  await app.waitUntil(async () => (await app.$('.save-state').getAttribute('data-state')) === 'saved', {
    ...WAIT,
    timeoutMsg: 'the draft was never saved',
  });
}

/** Opens the publish panel, publishes once the checks allow it, and waits for the outcome. */
async function publish(app, outcome) {
  await app.$('button*=Publish…').click();
  const button = app.$('.publish-panel button.publish');
  await button.waitForEnabled({ ...WAIT, timeoutMsg: 'the checks never allowed publishing' });
  await button.click();
  const headline = app.$('.publish-panel .result .headline');
  await app.waitUntil(async () => (await headline.isExisting()) && outcome.test(await headline.getText()), {
    ...WAIT,
    timeout: 60_000,
    timeoutMsg: `the publish never ended with ${outcome}`,
  });
  return headline.getText();
}

/** The published post-mortem's path in the repository, from a fresh clone. */
function publishedFiles(dir) {
  const clone = join(harness.home.dir, dir);
  git(harness.home.dir, 'clone', '--quiet', url, clone);
  const years = join(clone, 'incidents');
  if (!existsSync(years)) return [];
  // Each year's folder holds the post-mortems and the year's listing (README.md).
  return readdirSync(years, { withFileTypes: true })
    .filter((year) => year.isDirectory())
    .flatMap((year) =>
      readdirSync(join(years, year.name))
        .filter((file) => file !== 'README.md')
        .map((file) => join(years, year.name, file)),
    );
}

test('a draft is checked as it is typed, published, and queued while the repository is away', async (t) => {
  const app = await harness.open();
  await app.$('#new-title').waitForDisplayed(WAIT);

  await t.test('the shared repository is set in settings', async () => {
    await app.keys(['Alt', 's']);
    await app.$('#repository-url').waitForDisplayed(WAIT);
    await paste(app, '#repository-url', url);
    await app.$('button=Save').click();
    await app.$('p.saved').waitForDisplayed(WAIT);
  });

  await t.test('a new incident, and its post-mortem draft from the template', async () => {
    await app.keys(['Alt', 'l']);
    await app.$('#new-title').waitForDisplayed(WAIT);
    await app.$('#new-title').addValue('Checkout latency');
    await app.keys('Enter');
    await app.$('#capture-input').waitForDisplayed(WAIT);
    await app.$('#capture-input').addValue('Timeouts at 40% on checkout');
    await app.keys('Enter');
    await app.keys(['Alt', '2']);
    await app.$('.cm-content').waitForDisplayed(WAIT);
    await app.waitUntil(async () => (await editorText(app)).includes('## Summary'), { ...WAIT, timeoutMsg: 'the template never showed' });
    assert.match(await editorText(app), /Timeouts at 40% on checkout/, 'the timeline region holds the captured line');
    // A writing surface: no marker comments, generated blocks labelled with where to correct them.
    assert.doesNotMatch(await editorText(app), /<!-- \/?debrief:/, 'the region markers never show');
    assert.match(await app.$('.cm-region-label[data-region="timeline"]').getText(), /correct lines in Capture/);
    assert.ok(await app.$('.cm-prompt*=How would you tell a colleague').isExisting(), 'an empty section shows its prompt');
    await shot(app, 'draft-surface');
  });

  let suggestion;
  await t.test('"we should have caught this" is underlined and explained on hover', async () => {
    await typeAtTheEnd(app, PHRASE);
    const underlined = app.$('.cm-lintRange*=should have caught');
    await underlined.waitForDisplayed({ ...WAIT, timeoutMsg: 'the phrase was never underlined' });
    await underlined.moveTo();
    const tooltip = app.$('.cm-tooltip-lint');
    await tooltip.waitForDisplayed({ ...WAIT, timeoutMsg: 'hovering the phrase never explained it' });
    assert.match(await tooltip.getText(), /hindsight|counterfactual/i);
    const action = tooltip.$('.cm-diagnosticAction');
    suggestion = /^Use “(.+)”$/.exec(await action.getText())?.[1];
    assert.ok(suggestion, 'the explanation offers a rewording');
    await shot(app, 'draft-finding');
    await action.click();
  });

  await t.test('one click applies the rewording', async () => {
    await app.waitUntil(async () => !(await editorText(app)).includes('should have caught'), {
      ...WAIT,
      timeoutMsg: 'the rewording was never applied',
    });
    assert.equal(suggestion, 'did not catch');
    assert.ok((await editorText(app)).includes('We did not catch this before the deploy.'), 'the sentence reads as rewritten');
    await untilSaved(app);
    await app.waitUntil(async () => !(await app.$('.cm-lintRange*=should have').isExisting()), WAIT);
    await shot(app, 'draft-applied');
  });

  await t.test('a time the timeline does not hold is underlined, explained and listed', async () => {
    const time = timeNobodyLogged();
    await typeAtTheEnd(app, `We went back to the old build at ${time}.`);
    const underlined = app.$(`.claim-mismatch*=${time}`);
    await underlined.waitForDisplayed({ ...WAIT, timeoutMsg: 'the time was never underlined' });
    await underlined.moveTo();
    const tooltip = app.$('.cm-tooltip-lint');
    await tooltip.waitForDisplayed({ ...WAIT, timeoutMsg: 'hovering the time never explained it' });
    assert.match(await tooltip.getText(), /matches no timeline entry or key time; the timeline has (#1 “Timeouts at 40% on checkout”|the start) at/);
    const listed = app.$('.claims li');
    await listed.waitForDisplayed(WAIT);
    assert.match(await listed.getText(), new RegExp(`“${time}”`));
    await shot(app, 'draft-claim');
    // The sentence goes again, so the publish below is of the draft as it was.
    await app.$('.cm-content').click();
    await app.keys(['Control', 'End']);
    await app.keys(['Shift', 'Home']);
    await app.keys('Backspace');
    await app.waitUntil(async () => !(await app.$('.claim-mismatch').isExisting()), { ...WAIT, timeoutMsg: 'the underline stayed' });
    await untilSaved(app);
  });

  await t.test('publishing puts the post-mortem in the shared repository', async () => {
    const headline = await publish(app, /^Published incidents\//);
    const path = /^Published (\S+\.md)/.exec(headline)[1];
    await shot(app, 'publish-published');
    const files = publishedFiles('clone-1');
    assert.equal(files.length, 1, `published: ${files}`);
    assert.ok(files[0].endsWith(path));
    const markdown = readFileSync(files[0], 'utf8');
    assert.match(markdown, /^---\n/);
    assert.ok(markdown.includes(suggestion) && markdown.includes('Timeouts at 40% on checkout'));
    await app.keys('Escape');
    await app.$('.publish-panel').waitForExist({ ...WAIT, reverse: true, timeoutMsg: 'Escape never closed the publish panel' });
  });

  await t.test('with the repository away the publish is queued, and pushed once it is back', async () => {
    const away = `${bare}.away`;
    renameSync(bare, away);
    await typeAtTheEnd(app, FOLLOW_UP);
    await untilSaved(app);
    await publish(app, /^Queued/);
    const queue = app.$('.publish-panel .queue');
    await queue.waitForDisplayed(WAIT);
    assert.match(await queue.getText(), /Waiting to be pushed: 1/);
    await shot(app, 'publish-queued');

    renameSync(away, bare);
    await app.waitUntil(
      async () => {
        try {
          return git(harness.home.dir, `--git-dir=${bare}`, 'grep', '--count', FOLLOW_UP, 'main').length > 0;
        } catch {
          return false;
        }
      },
      { ...WAIT, timeout: 60_000, interval: 500, timeoutMsg: 'the queued publish was never pushed once the repository was back' },
    );
    await app.waitUntil(async () => /Waiting to be pushed: 0/.test(await queue.getText()), {
      ...WAIT,
      timeoutMsg: 'the queue never showed it was pushed',
    });
    await shot(app, 'publish-pushed-later');
  });
});
