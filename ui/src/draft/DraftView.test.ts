import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { EditorView } from '@codemirror/view';
import { forEachDiagnostic } from '@codemirror/lint';
import type { Diagnostic } from '@codemirror/lint';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IpcError } from '../ipc';
import { CHECK_DELAY_MS, SAVE_DELAY_MS } from './draft.svelte';
import { FakeDraftIpc, INCIDENT, SEEN_BEFORE, TEMPLATE } from '../fakes/draft';
import DraftView from './DraftView.svelte';

beforeAll(() => {
  // jsdom has no layout: CodeMirror measures ranges, which have no boxes here.
  const empty = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  const box = () => ({ x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, toJSON() {} }) as DOMRect;
  Range.prototype.getClientRects ??= empty;
  Range.prototype.getBoundingClientRect ??= box;
  document.elementFromPoint ??= () => null;
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});

afterEach(() => {
  vi.useRealTimers();
});

async function wait(ms = 0) {
  await vi.advanceTimersByTimeAsync(ms);
}

async function draftView(fake = new FakeDraftIpc()) {
  render(DraftView, { id: INCIDENT.id, onback: () => {}, api: fake.api() });
  await wait(CHECK_DELAY_MS);
  const content = screen.getByLabelText('Post-mortem draft');
  const view = EditorView.findFromDOM(content.closest('.cm-editor') as HTMLElement);
  if (!view) throw new Error('no editor');
  return { fake, view };
}

/** Types at the end of the draft, as the author would. */
function typeAtEnd(view: EditorView, text: string) {
  const end = view.state.doc.length;
  view.dispatch({ changes: { from: end, insert: text }, selection: { anchor: end + text.length }, userEvent: 'input.type' });
}

function saveState() {
  return document.querySelector('.save-state')?.textContent?.replace(/\s+/g, ' ').trim();
}

describe('the draft', () => {
  it('opens in a labelled editor with the regions filled and the wording findings listed', async () => {
    const fake = new FakeDraftIpc();
    fake.body = TEMPLATE.replace('## Summary\n', '## Summary\nMonitoring should have caught this.\n');
    const { view } = await draftView(fake);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Checkout latency');
    expect(view.state.doc.toString()).toContain('- Started: 2026-11-23T14:00:00+01:00');
    expect(screen.getByRole('heading', { name: '1 wording finding' })).toBeTruthy();
    expect(screen.getByText('Hindsight', { selector: '.category' })).toBeTruthy();
    expect(saveState()).toBe('Saved');
  });

  it('replaces a phrase with its suggestion in one click, then saves it', async () => {
    const fake = new FakeDraftIpc();
    fake.body = TEMPLATE.replace('## Summary\n', '## Summary\nMonitoring 🔥 should have caught this.\n');
    const { view } = await draftView(fake);
    await fireEvent.click(screen.getByRole('button', { name: 'Use “we did not catch this”' }));
    expect(view.state.doc.toString()).toContain('Monitoring 🔥 we did not catch this.');
    expect(saveState()).toBe('Saving…');
    await wait(SAVE_DELAY_MS);
    expect(fake.body).toContain('Monitoring 🔥 we did not catch this.');
    expect(saveState()).toBe('Saved');
    expect(screen.getByRole('heading', { name: '0 wording findings' })).toBeTruthy();
  });

  it('underlines findings in the editor, explains them, and applies the rewording from there too', async () => {
    const fake = new FakeDraftIpc();
    fake.body = TEMPLATE.replace('## Summary\n', '## Summary\nZoë said monitoring should have caught this.\n');
    const { view } = await draftView(fake);
    const found: [Diagnostic, number, number][] = [];
    forEachDiagnostic(view.state, (diagnostic, from, to) => found.push([diagnostic, from, to]));
    expect(found).toHaveLength(1);
    const [[diagnostic, from, to]] = found;
    expect(view.state.sliceDoc(from, to)).toBe('should have caught this');
    expect(diagnostic.severity).toBe('warning');
    expect(diagnostic.message).toBe('Hindsight: what is obvious now was not obvious then. Say what happened and why it made sense then.');
    expect(diagnostic.actions?.map((action) => action.name)).toEqual(['Use “we did not catch this”']);
    diagnostic.actions?.[0].apply(view, from, to);
    expect(view.state.doc.toString()).toContain('Zoë said monitoring we did not catch this.');
    await wait(SAVE_DELAY_MS);
    expect(fake.body).toContain('Zoë said monitoring we did not catch this.');
  });

  it("undoes the author's typing but not a region the core refreshed meanwhile", async () => {
    const fake = new FakeDraftIpc();
    const { view } = await draftView(fake);
    typeAtEnd(view, '\nA line to take back.');
    fake.incident = { ...fake.incident, resolved_at: '2026-11-23T15:00:00+01:00' };
    await wait(SAVE_DELAY_MS);
    expect(view.state.doc.toString()).toContain('- Resolved: 2026-11-23T15:00:00+01:00');
    await fireEvent.keyDown(view.contentDOM, { key: 'z', code: 'KeyZ', ctrlKey: true });
    expect(view.state.doc.toString()).not.toContain('A line to take back.');
    expect(view.state.doc.toString()).toContain('- Resolved: 2026-11-23T15:00:00+01:00');
    await fireEvent.keyDown(view.contentDOM, { key: 'y', code: 'KeyY', ctrlKey: true });
    expect(view.state.doc.toString()).toContain('A line to take back.');
  });

  it("keeps `?` for the text instead of the window's shortcut sheet", async () => {
    const { view } = await draftView();
    const seen = vi.fn();
    window.addEventListener('keydown', seen);
    await fireEvent.keyDown(view.contentDOM, { key: '?', shiftKey: true });
    window.removeEventListener('keydown', seen);
    expect(seen).not.toHaveBeenCalled();
  });

  it('underlines a written time the timeline does not hold and says what the timeline has', async () => {
    const { view, fake } = await draftView();
    expect(screen.getByRole('heading', { name: 'Matches the timeline' })).toBeTruthy();
    typeAtEnd(view, '\nWe rolled back at 14:20, as at 14:05 the graphs said.');
    await wait(CHECK_DELAY_MS);
    expect(fake.calls.some(([command]) => command === 'checkClaims')).toBe(true);
    const claims = screen.getByRole('region', { name: '1 claim the timeline does not hold' });
    const item = within(claims).getByRole('listitem');
    expect(item.textContent).toContain('“14:20”');
    expect(item.textContent).toContain('the timeline has #1 “Rolled back the deploy” at 2026-11-23 14:05');
    await fireEvent.click(within(item).getByRole('button', { name: /^Show “14:20”/ }));
    expect(view.state.sliceDoc(view.state.selection.main.from, view.state.selection.main.to)).toBe('14:20');
  });

  it('checks the wording as the author types', async () => {
    const { view } = await draftView();
    expect(screen.getByRole('heading', { name: '0 wording findings' })).toBeTruthy();
    typeAtEnd(view, '\nA retry would have worked, simply put.');
    await wait(CHECK_DELAY_MS);
    expect(screen.getByRole('heading', { name: '2 wording findings' })).toBeTruthy();
    const items = within(screen.getByRole('region', { name: /wording finding/ })).getAllByRole('listitem');
    expect(items[0].textContent).toContain('“would have”');
    expect(items[1].textContent).toContain('“simply”');
    // Advice alone where no rewording fits the sentence: nothing to apply blindly.
    expect(items[1].textContent).toContain('Drop "simply" and describe the action plainly.');
    expect(within(items[1]).queryByRole('button', { name: /^Use/ })).toBeNull();
  });

  it('says NOT saved with the reason and keeps the text in the editor', async () => {
    const fake = new FakeDraftIpc();
    const { view } = await draftView(fake);
    fake.failSaves = new IpcError('disk-full', 'The disk is full. The draft was NOT saved; it is still in the editor.');
    typeAtEnd(view, '\nEvery word matters.');
    await wait(SAVE_DELAY_MS);
    expect(saveState()).toContain('NOT saved: The disk is full.');
    expect(view.state.doc.toString()).toContain('Every word matters.');
    fake.failSaves = null;
    await fireEvent.click(screen.getByRole('button', { name: /Try again/ }));
    await wait();
    expect(saveState()).toBe('Saved');
    expect(fake.body).toContain('Every word matters.');
  });

  it('saves now with Ctrl+S', async () => {
    const fake = new FakeDraftIpc();
    const { view } = await draftView(fake);
    typeAtEnd(view, '\nSaved at once.');
    await fireEvent.keyDown(view.contentDOM, { key: 's', code: 'KeyS', ctrlKey: true });
    await wait();
    expect(fake.commands('saveDraft')).toHaveLength(1);
    expect(fake.body).toContain('Saved at once.');
  });

  it('saves the text, sets the facts, and refreshes the links region', async () => {
    const fake = new FakeDraftIpc();
    const { view } = await draftView(fake);
    typeAtEnd(view, '\nTyped before the facts.');
    await fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Checkout latency in eu-west' } });
    await fireEvent.input(screen.getByLabelText('Tickets'), { target: { value: 'INC-42, INC-43' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save facts' }));
    await wait();
    expect(fake.commands('saveDraft', 'setFacts', 'openDraft')).toEqual(['openDraft', 'saveDraft', 'setFacts', 'openDraft']);
    expect(fake.incident.tickets).toEqual(['INC-42', 'INC-43']);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Checkout latency in eu-west');
    const doc = view.state.doc.toString();
    expect(doc).toContain('- INC-42\n- INC-43\n<!-- debrief:end links -->');
    expect(doc).toContain('Typed before the facts.');
  });

  it('corrects a key time and shows the time to detect', async () => {
    const fake = new FakeDraftIpc();
    const { view } = await draftView(fake);
    await fireEvent.click(screen.getByRole('button', { name: 'Set the detected time' }));
    const field = screen.getByLabelText('Detected at');
    await fireEvent.input(field, { target: { value: 'later' } });
    await fireEvent.submit(field.closest('form')!);
    await wait();
    expect(screen.getByRole('alert').textContent).toContain('“later” is not a time Debrief understands');
    await fireEvent.input(field, { target: { value: '14:05' } });
    await fireEvent.submit(field.closest('form')!);
    await wait();
    expect(screen.getByText('time to detect 5m')).toBeTruthy();
    expect(view.state.doc.toString()).toContain('- Detected: 2026-11-23T14:05:00+01:00');
  });

  it('corrects the start, as a post-mortem read in from its prose may need, and measures from it', async () => {
    const fake = new FakeDraftIpc();
    await draftView(fake);
    await fireEvent.click(screen.getByRole('button', { name: 'Set the detected time' }));
    const detected = screen.getByLabelText('Detected at');
    await fireEvent.input(detected, { target: { value: '14:05' } });
    await fireEvent.submit(detected.closest('form')!);
    await wait();
    await fireEvent.click(screen.getByRole('button', { name: 'Correct the start' }));
    const field = screen.getByLabelText('Started at');
    await fireEvent.input(field, { target: { value: '13:50' } });
    await fireEvent.submit(field.closest('form')!);
    await wait();
    expect(fake.calls).toContainEqual(['setStart', INCIDENT.id, '13:50']);
    expect(screen.getByText('time to detect 15m')).toBeTruthy();
    expect(screen.queryByLabelText('Started at')).toBeNull();
  });

  it('flags action items missing an owner, due date or type, and adds and edits rows', async () => {
    const fake = new FakeDraftIpc();
    const { view } = await draftView(fake);
    await fireEvent.input(screen.getByLabelText('New action item'), { target: { value: 'Alert on pool saturation' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add action item' }));
    await wait();
    // No due date given: the policy's, and the view says where it came from.
    expect(screen.getByText('needs owner, type')).toBeTruthy();
    expect(
      screen.getByText(
        "#1 is due 2026-12-23: 60 days, the default for an incident without a severity, by Debrief's default policy. Change the date in its row if it needs another.",
      ),
    ).toBeTruthy();
    expect(view.state.doc.toString()).toContain('| 1 | Alert on pool saturation |');
    const owner = screen.getByLabelText('Owner of #1');
    await fireEvent.change(owner, { target: { value: 'carol' } });
    await wait();
    expect(fake.calls.find(([command]) => command === 'updateActionItem')?.[3]).toEqual({
      text: null,
      owner: 'carol',
      due: null,
      kind: null,
      ticket: null,
      status: null,
      reason: null,
    });
    expect(screen.getByText('needs type')).toBeTruthy();
    await fireEvent.change(screen.getByLabelText('Due date of #1'), { target: { value: 'next week' } });
    expect(screen.getByRole('alert').textContent).toContain('is not a date as YYYY-MM-DD');
    expect(view.state.doc.toString()).toContain('| 1 | Alert on pool saturation | carol |');
  });

  it("closes an item as won't do only with the reason why, and keeps the reason editable", async () => {
    const fake = new FakeDraftIpc();
    const { view } = await draftView(fake);
    await fireEvent.input(screen.getByLabelText('New action item'), { target: { value: 'Shard the queue' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add action item' }));
    await wait();
    const status = screen.getByLabelText('Status of #1') as HTMLSelectElement;
    await fireEvent.change(status, { target: { value: 'wont-do' } });
    await wait();
    // Nothing is saved until the reason is given.
    expect(fake.calls.filter(([command]) => command === 'updateActionItem')).toHaveLength(0);
    const form = screen.getByRole('form', { name: "Close #1 as won't do" });
    await fireEvent.submit(form);
    expect(screen.getByRole('alert').textContent).toBe(
      'Say why #1 will not be done: the reason is published with the post-mortem.',
    );
    await fireEvent.click(within(form).getByRole('button', { name: 'Keep it open' }));
    expect(status.value).toBe('open');
    expect(screen.queryByRole('form', { name: "Close #1 as won't do" })).toBeNull();

    await fireEvent.change(status, { target: { value: 'wont-do' } });
    await wait();
    await fireEvent.input(screen.getByLabelText('Why will #1 not be done?'), { target: { value: ' superseded by #2 ' } });
    await fireEvent.submit(screen.getByRole('form', { name: "Close #1 as won't do" }));
    await wait();
    expect(fake.calls.find(([command]) => command === 'updateActionItem')?.[3]).toMatchObject({
      status: 'wont-do',
      reason: 'superseded by #2',
    });
    expect(view.state.doc.toString()).toContain('| wont-do |');
    const reason = screen.getByLabelText('Why #1 will not be done') as HTMLInputElement;
    expect(reason.value).toBe('superseded by #2');
    expect(document.querySelector('.needs')).toBeNull();
    await fireEvent.change(reason, { target: { value: '  ' } });
    expect(screen.getByRole('alert').textContent).toContain('Say why #1 will not be done');
    expect(fake.actionItems[0].reason).toBe('superseded by #2');
  });
});

describe('contributing factors', () => {
  const POOL = 'The pool size was set for last year’s traffic';

  it('are kept beside the facts, each with a theme from the team’s list, added, changed and removed', async () => {
    const fake = new FakeDraftIpc();
    fake.factors = [{ id: 1, incident: INCIDENT.id, text: 'The broker vendor changed its limits', theme: 'third-party' }];
    await draftView(fake);
    expect(fake.commands('factorThemes')).toHaveLength(1);
    const panel = screen.getByText('Contributing factors').closest('details') as HTMLElement;
    expect(within(panel).getByText(/“third-party” is not one of the team's themes: kept as written/)).toBeTruthy();
    const first = screen.getByLabelText('Theme of #1') as HTMLSelectElement;
    expect(first.value).toBe('third-party');
    expect([...first.options].map((option) => option.value)).toEqual(['', 'change', 'capacity', 'detection', 'third-party']);

    await fireEvent.input(screen.getByLabelText('New contributing factor'), { target: { value: POOL } });
    await fireEvent.change(within(panel).getByLabelText('Theme'), { target: { value: 'capacity' } });
    expect(within(panel).getByText('Load or a limit went beyond what the system was sized for.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Add factor' }));
    await wait();
    expect(fake.calls.find(([command]) => command === 'addFactor')?.[2]).toEqual({ text: POOL, theme: 'capacity' });
    expect((screen.getByLabelText('Contributing factor #2') as HTMLInputElement).value).toBe(POOL);
    expect(panel.querySelector('summary')?.textContent).toContain('2 · third-party, capacity');
    expect((screen.getByLabelText('New contributing factor') as HTMLInputElement).value).toBe('');

    await fireEvent.change(screen.getByLabelText('Theme of #1'), { target: { value: 'change' } });
    await wait();
    expect(fake.calls.find(([command]) => command === 'updateFactor')?.[3]).toEqual({ text: null, theme: 'change' });
    expect(within(panel).queryByText(/not one of the team's themes/)).toBeNull();

    await fireEvent.change(screen.getByLabelText('Contributing factor #1'), { target: { value: ' ' } });
    expect(within(panel).getByRole('alert').textContent).toContain('Factor #1 needs a sentence');

    await fireEvent.click(screen.getByRole('button', { name: 'Remove #1' }));
    await wait();
    expect(fake.factors.map((factor) => [factor.id, factor.text])).toEqual([[1, POOL]]);
    expect((screen.getByLabelText('Contributing factor #1') as HTMLInputElement).value).toBe(POOL);
    expect(screen.queryByLabelText('Contributing factor #2')).toBeNull();
  });

  it('are still written when the team’s themes cannot be read, and say why', async () => {
    const fake = new FakeDraftIpc();
    fake.failThemes = new IpcError(
      'factor-themes',
      'The contributing-factor themes in .debrief/factors.toml cannot be used: the theme `Capacity` must be lowercase.',
    );
    await draftView(fake);
    expect(screen.getByText(/The team's themes could not be read: .*factors.toml/)).toBeTruthy();
    await fireEvent.input(screen.getByLabelText('New contributing factor'), { target: { value: POOL } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add factor' }));
    await wait();
    expect(fake.factors).toEqual([{ id: 1, incident: INCIDENT.id, text: POOL, theme: null }]);
    expect(screen.getByText('Saved')).toBeTruthy();
  });
});

describe('the publish panel', () => {
  async function openPanel(fake: FakeDraftIpc) {
    const opened = await draftView(fake);
    await fireEvent.keyDown(opened.view.contentDOM, { key: 'P', code: 'KeyP', ctrlKey: true, shiftKey: true });
    await wait();
    const panel = screen.getByRole('dialog', { name: 'Publish' });
    return { ...opened, panel, publishButton: within(panel).getByRole('button', { name: 'Publish' }) };
  }

  it('saves the draft before checking it', async () => {
    const fake = new FakeDraftIpc();
    const { view } = await draftView(fake);
    typeAtEnd(view, '\nLast words.');
    await fireEvent.click(screen.getByRole('button', { name: /Publish…/ }));
    await wait();
    expect(fake.commands('saveDraft', 'publishChecks')).toEqual(['saveDraft', 'publishChecks']);
    expect(fake.body).toContain('Last words.');
  });

  it('is blocked by a secret until it is marked as not a secret', async () => {
    const fake = new FakeDraftIpc();
    fake.checks.secrets = [{ rule: 'github-token', description: 'a GitHub token', line: 7, column: 3, hint: 'ghp_****' }];
    const { panel, publishButton } = await openPanel(fake);
    expect(within(panel).getByRole('heading', { name: '1 thing blocks the publish' })).toBeTruthy();
    expect(within(panel).getByText('Line 7: looks like a GitHub token (ghp_****).')).toBeTruthy();
    expect((publishButton as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(within(panel).getByLabelText(/github-token: this is not a secret/));
    await wait();
    expect(within(panel).getByRole('heading', { name: 'Nothing blocks the publish' })).toBeTruthy();
    expect((publishButton as HTMLButtonElement).disabled).toBe(false);
    expect(fake.calls.at(-1)?.[2]).toEqual({ review: false, strict: false, allow_secrets: ['github-token'] });
  });

  it('blocks on an empty required section', async () => {
    const fake = new FakeDraftIpc();
    fake.checks.required_sections = [
      { level: 'attention', kind: 'required-section', message: 'The section “Impact” is empty.' },
    ];
    const { panel, publishButton } = await openPanel(fake);
    expect(within(panel).getByText('The section “Impact” is empty.').className).toContain('blocking');
    expect((publishButton as HTMLButtonElement).disabled).toBe(true);
  });

  it('warns of the template placeholders still standing, without blocking', async () => {
    const fake = new FakeDraftIpc();
    const message = 'the template\'s placeholders still to fill: line 9: “**Incident Commander:** [Name]”';
    fake.checks.unfinished = [{ level: 'note', kind: 'placeholders', message }];
    const { panel, publishButton } = await openPanel(fake);
    expect(within(panel).getByRole('heading', { name: 'Nothing blocks the publish' })).toBeTruthy();
    expect(within(panel).getByRole('heading', { name: '1 warning, not blocking' })).toBeTruthy();
    expect(within(panel).getByText(message).className).toContain('kind-unfinished');
    expect((publishButton as HTMLButtonElement).disabled).toBe(false);
  });

  it('only warns about wording, unless wording is made blocking', async () => {
    const fake = new FakeDraftIpc();
    fake.checks.wording = [
      {
        start: 3,
        end: 13,
        line: 4,
        column: 3,
        end_line: 4,
        end_column: 13,
        rule: 'would-have',
        category: 'counterfactual',
        severity: 'warning',
        message: 'Describes what did not happen instead of what did.',
        suggestion: null,
        replacement: null,
        phrase: 'would have',
        sentence_start: 0,
        sentence_end: 20,
      },
    ];
    const { panel, publishButton } = await openPanel(fake);
    expect(within(panel).getByRole('heading', { name: 'Nothing blocks the publish' })).toBeTruthy();
    expect(within(panel).getByRole('heading', { name: '1 warning, not blocking' })).toBeTruthy();
    expect((publishButton as HTMLButtonElement).disabled).toBe(false);
    await fireEvent.click(within(panel).getByLabelText('Treat wording findings as blocking'));
    await wait();
    expect(within(panel).getByRole('heading', { name: '1 thing blocks the publish' })).toBeTruthy();
    expect((publishButton as HTMLButtonElement).disabled).toBe(true);
  });

  it('publishes and says where', async () => {
    const fake = new FakeDraftIpc();
    const { panel, publishButton } = await openPanel(fake);
    await fireEvent.click(publishButton);
    await wait();
    const status = within(panel).getByRole('status').textContent?.replace(/\s+/g, ' ');
    expect(status).toContain('Published incidents/2026/2026-11-23-checkout-latency.md');
    expect(status).toContain('Commit 3f9a2c4 on branch main.');
  });

  it('shows progress while publishing', async () => {
    const fake = new FakeDraftIpc();
    const api = fake.api();
    let finish: () => void = () => {};
    const original = api.publish;
    api.publish = (incident, options) =>
      new Promise((resolve) => {
        finish = () => resolve(original(incident, options));
      });
    render(DraftView, { id: INCIDENT.id, onback: () => {}, api });
    await wait(CHECK_DELAY_MS);
    await fireEvent.click(screen.getByRole('button', { name: /Publish…/ }));
    await wait();
    const panel = screen.getByRole('dialog', { name: 'Publish' });
    await fireEvent.click(within(panel).getByRole('button', { name: 'Publish' }));
    await wait();
    expect(within(panel).getByRole('status').textContent).toContain('Publishing… fetching, committing, pushing');
    finish();
    await wait();
    expect(within(panel).getByRole('status').textContent).toContain('Published incidents/2026/');
  });

  it('publishes to the review branch when asked', async () => {
    const fake = new FakeDraftIpc();
    const { panel, publishButton } = await openPanel(fake);
    await fireEvent.click(within(panel).getByLabelText(/Send to a review branch/));
    await fireEvent.click(publishButton);
    await wait();
    expect(fake.calls.at(-1)).toEqual(['publish', INCIDENT.id, { review: true, strict: false, allow_secrets: [] }]);
    expect(within(panel).getByRole('status').textContent).toContain(
      `Published incidents/2026/2026-11-23-checkout-latency.md to the review branch debrief/${INCIDENT.id}`,
    );
  });

  it('explains a publish diverted to a review branch', async () => {
    const fake = new FakeDraftIpc();
    fake.published = { ...fake.published, branch: `debrief/${INCIDENT.id}`, diverted: true };
    const { panel, publishButton } = await openPanel(fake);
    await fireEvent.click(publishButton);
    await wait();
    const status = within(panel).getByRole('status').textContent ?? '';
    expect(status).toContain(`to the review branch debrief/${INCIDENT.id}`);
    expect(status).toContain("conflicted with someone else's edit of the shared copy: nothing was overwritten");
  });

  const REMOVAL = {
    branch: 'main',
    commit: '9b1e7c2a4d5f60718293a4b5c6d7e8f901234567',
    author: 'Tess Teammate',
    summary: 'Fold checkout latency into the payments post-mortem',
    committed_at: '2026-11-25T09:30:00+01:00',
    review_branch: null,
  };

  it('says who removed the post-mortem from main, instead of calling it already published', async () => {
    const fake = new FakeDraftIpc();
    fake.published = { ...fake.published, changed: false, removed: REMOVAL };
    const { panel, publishButton } = await openPanel(fake);
    await fireEvent.click(publishButton);
    await wait();
    const status = within(panel).getByRole('status').textContent ?? '';
    expect(status).toContain('incidents/2026/2026-11-23-checkout-latency.md is no longer on main: nothing was committed');
    expect(status).toContain('Tess Teammate removed it from main in commit 9b1e7c2');
    expect(status).toContain('Change the draft and publish to propose it again on a review branch.');
    expect(status).not.toContain('already published');
  });

  it('says a changed post-mortem that was removed from main went to a review branch', async () => {
    const fake = new FakeDraftIpc();
    const review = `debrief/${INCIDENT.id}`;
    fake.published = { ...fake.published, branch: review, diverted: true, removed: { ...REMOVAL, review_branch: review } };
    const { panel, publishButton } = await openPanel(fake);
    await fireEvent.click(publishButton);
    await wait();
    const status = within(panel).getByRole('status').textContent ?? '';
    expect(status).toContain(`to the review branch ${review}`);
    expect(status).toContain('Tess Teammate removed it from main');
    expect(status).toContain('Nothing was overwritten');
    expect(status).not.toContain("conflicted with someone else's edit");
  });

  it('keeps a publish with no shared repository locally and says how to share it', async () => {
    const fake = new FakeDraftIpc();
    fake.published = { ...fake.published, delivery: { state: 'local' } };
    const { panel, publishButton } = await openPanel(fake);
    await fireEvent.click(publishButton);
    await wait();
    expect(within(panel).getByRole('status').textContent).toContain(
      "Kept in Debrief's local copy: set the team's repository in Settings to share it.",
    );
  });

  it('shows a queued publish with the queue, refreshed, and retries it', async () => {
    const fake = new FakeDraftIpc();
    fake.published = { ...fake.published, delivery: { state: 'queued', reason: 'github.com could not be reached' } };
    const { panel, publishButton } = await openPanel(fake);
    fake.queue = [fake.waitingPublish()];
    await fireEvent.click(publishButton);
    await wait();
    const status = within(panel).getByRole('status').textContent ?? '';
    expect(status).toContain('Queued: not pushed yet (github.com could not be reached)');
    expect(status).toContain('It will be pushed automatically when the shared repository is reachable.');
    expect(within(panel).getByRole('heading', { name: 'Waiting to be pushed: 1' })).toBeTruthy();
    expect(within(panel).getByText('Publish Checkout latency')).toBeTruthy();

    const reads = fake.commands('publishQueue').length;
    await wait(5000);
    expect(fake.commands('publishQueue').length).toBe(reads + 1);

    fake.retryResult = [[fake.published.commit, { state: 'pushed' }]];
    await fireEvent.click(within(panel).getByRole('button', { name: 'Retry now' }));
    await wait();
    expect(within(panel).getByRole('status').textContent).toContain(
      'Published incidents/2026/2026-11-23-checkout-latency.md',
    );
    expect(within(panel).getByRole('heading', { name: 'Waiting to be pushed: 0' })).toBeTruthy();
    expect(within(panel).getByText('1 pushed, 0 still queued.')).toBeTruthy();
  });

  it('says a publish the repository refused stays queued, and that retrying will not change the answer', async () => {
    const fake = new FakeDraftIpc();
    const reason = 'the shared repository refused the push: GH006: Protected branch update failed for refs/heads/main';
    fake.published = { ...fake.published, delivery: { state: 'refused', reason } };
    const { panel, publishButton } = await openPanel(fake);
    fake.queue = [fake.waitingPublish()];
    await fireEvent.click(publishButton);
    await wait();
    const status = within(panel).getByRole('status').textContent ?? '';
    expect(status).toContain(`Refused: not pushed (${reason})`);
    expect(status).toMatch(/trying again will not\s+change its answer/);
    expect(status).not.toContain('when the shared repository is reachable');
    expect(within(panel).getByRole('heading', { name: 'Waiting to be pushed: 1' })).toBeTruthy();

    fake.retryResult = [[fake.published.commit, { state: 'refused', reason }]];
    await fireEvent.click(within(panel).getByRole('button', { name: 'Retry now' }));
    await wait();
    expect(within(panel).getByText(`0 pushed, 1 still queued (${reason}).`)).toBeTruthy();
  });

  it('says a publish to an address that serves the repository only to read waits for an address that takes it', async () => {
    const fake = new FakeDraftIpc();
    const reason =
      'git://git.example.com/pm.git is served by git daemon, which takes no publishes unless its server enables pushes';
    fake.published = { ...fake.published, delivery: { state: 'read-only', reason } };
    const { panel, publishButton } = await openPanel(fake);
    fake.queue = [fake.waitingPublish()];
    await fireEvent.click(publishButton);
    await wait();
    const status = within(panel).getByRole('status').textContent ?? '';
    expect(status).toContain(`Not pushed: this address takes no publishes (${reason})`);
    expect(status).toMatch(/Set an address of the same repository that takes\s+publishes in Settings/);
    expect(status).not.toContain('protected branch');
    expect(within(panel).getByRole('heading', { name: 'Waiting to be pushed: 1' })).toBeTruthy();
  });

  it('closes with Escape', async () => {
    const fake = new FakeDraftIpc();
    const { panel } = await openPanel(fake);
    await fireEvent.keyDown(panel, { key: 'Escape' });
    await wait();
    expect(screen.queryByRole('dialog', { name: 'Publish' })).toBeNull();
  });
});

describe('seen before, beside the draft', () => {
  function onCheckout() {
    const fake = new FakeDraftIpc();
    fake.incident = { ...fake.incident, services: ['checkout'] };
    return fake;
  }

  const panel = () => within(screen.getByRole('complementary', { name: 'Seen before' }));

  it('lists the past post-mortems like this one with why each matched, and the items left open', async () => {
    const fake = onCheckout();
    await draftView(fake);
    expect(fake.commands('seenBefore')).toEqual(['seenBefore']);
    const matches = within(panel().getByRole('list', { name: 'Past post-mortems like this one' })).getAllByRole('listitem');
    expect(matches.map((item) => item.querySelector('.match-title')?.textContent)).toEqual([
      'Checkout pool exhausted',
      'Search slow',
    ]);
    expect(matches[0].textContent).toContain('2026-03-02 · SEV2');
    expect(matches[0].textContent).toContain('same service: checkout; both mention connection pool, gateway timeout');
    expect(panel().getByRole('heading', { name: 'Still open on checkout' })).toBeTruthy();
    const items = within(panel().getByRole('list', { name: 'Open action items of earlier incidents' })).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0].textContent).toContain('Alert on pool saturation');
    expect(items[0].textContent).toContain('overdue');
    expect(items[0].textContent).toContain('carol · detective');
    expect(items[0].textContent).toContain('proposed in 2026-03-02-checkout-pool, due 2026-04-01, still open');
  });

  it('opens a match read-only in place of the draft, and Escape brings the draft back as it was', async () => {
    const fake = onCheckout();
    const { view } = await draftView(fake);
    typeAtEnd(view, '\nWritten before reading.');
    const match = panel().getByRole('button', { name: /Checkout pool exhausted/ });
    match.focus();
    await fireEvent.click(match);
    await wait();
    expect(fake.commands('readPostmortem')).toEqual(['readPostmortem']);
    expect(fake.calls.find(([command]) => command === 'readPostmortem')?.[1]).toBe(SEEN_BEFORE.matches[0].path);
    const reader = screen.getByRole('article', { name: 'Checkout pool exhausted' });
    expect(reader.textContent).toContain('The pool ran dry.');
    expect(reader.textContent).toContain(SEEN_BEFORE.matches[0].path);
    expect(document.querySelector('.draft-body')?.hasAttribute('hidden')).toBe(true);
    await fireEvent.keyDown(within(reader).getByRole('button', { name: /Draft/ }), { key: 'Escape' });
    await wait();
    expect(screen.queryByRole('article')).toBeNull();
    expect(document.querySelector('.draft-body')?.hasAttribute('hidden')).toBe(false);
    expect(view.state.doc.toString()).toContain('Written before reading.');
    expect(document.activeElement).toBe(panel().getByRole('button', { name: /Checkout pool exhausted/ }));
  });

  it('asks again when the services change in the facts', async () => {
    const fake = new FakeDraftIpc();
    await draftView(fake);
    expect(panel().getByText(/Name the incident's services in Facts/)).toBeTruthy();
    await fireEvent.input(screen.getByLabelText('Services'), { target: { value: 'checkout' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save facts' }));
    await wait();
    expect(fake.commands('seenBefore')).toHaveLength(2);
    expect(panel().getByRole('heading', { name: 'Still open on checkout' })).toBeTruthy();
  });

  it('says to sync when nothing is indexed yet, and shows a refusal with its reason', async () => {
    const fake = onCheckout();
    fake.seenBefore = { ...fake.seenBefore, indexed: 0, matches: [], open_items: [] };
    await draftView(fake);
    expect(panel().getByText(/No post-mortems are indexed on this laptop yet/).textContent).toContain('syncs with the shared repository');
    fake.failSeenBefore = new IpcError('index', 'The browse index failed; run sync again to rebuild it.');
    await fireEvent.click(panel().getByRole('button', { name: 'Look again' }));
    await wait();
    expect(panel().getByRole('alert').textContent).toBe('The browse index failed; run sync again to rebuild it.');
  });
});
