import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IpcError } from '../ipc';
import { CHECK_DELAY_MS, DraftSession, SAVE_DELAY_MS, placeFindings } from './draft.svelte';
import type { ChangeOrigin } from './draft.svelte';
import { FakeDraftIpc, INCIDENT, TEMPLATE, findPhrases } from '../fakes/draft';
import { applyChange } from './offsets';
import type { TextChange } from './offsets';
import { PublishSession } from './publish.svelte';

/** An editor that applies changes like CodeMirror would and reports them back. */
class FakeEditor {
  doc = '';
  changes: [TextChange, ChangeOrigin][] = [];
  selected: [number, number] | null = null;
  constructor(private session: DraftSession) {
    session.attach({
      change: (change, origin) => {
        this.changes.push([change, origin]);
        this.doc = applyChange(this.doc, change);
        this.session.edit(this.doc);
      },
      select: (from, to) => (this.selected = [from, to]),
    });
  }
  type(text: string) {
    this.doc = text;
    this.session.edit(text);
  }
}

async function open(fake = new FakeDraftIpc()) {
  const session = new DraftSession(INCIDENT.id, fake.api());
  await session.load();
  const editor = new FakeEditor(session);
  editor.doc = session.text;
  return { fake, session, editor };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the draft session', () => {
  it('opens the draft with its regions filled and checks its wording', async () => {
    const fake = new FakeDraftIpc();
    fake.body = TEMPLATE.replace('<!-- What happened', 'We would have noticed 🔥 sooner.\n<!-- What happened');
    const { session } = await open(fake);
    expect(session.saveState).toBe('saved');
    expect(session.text).toContain('- Started: 2026-11-23T14:00:00+01:00');
    expect(session.findings).toHaveLength(1);
    const [finding] = session.findings;
    expect(session.text.slice(finding.from, finding.to)).toBe('would have');
  });

  it('places findings after emoji and accents at the right characters', () => {
    const text = 'Zoë 🔥🔥 said it would have worked; 👩‍💻 should have caught this.';
    const placed = placeFindings(text, findPhrases(text));
    expect(placed.map((finding) => text.slice(finding.from, finding.to))).toEqual([
      'would have',
      'should have caught this',
    ]);
  });

  it('saves once typing pauses, and says so', async () => {
    const { fake, session, editor } = await open();
    editor.type(`${session.text}\nWe restarted the pool.`);
    editor.type(`${session.text} Then it recovered.`);
    expect(session.saveState).toBe('pending');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 50);
    expect(fake.commands('saveDraft')).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(fake.commands('saveDraft')).toHaveLength(1);
    expect(fake.calls.find(([command]) => command === 'saveDraft')?.[2]).toContain('Then it recovered.');
    expect(session.saveState).toBe('saved');
  });

  it('applies a refreshed region as one small change when nothing was typed meanwhile', async () => {
    const { fake, session, editor } = await open();
    fake.incident = { ...fake.incident, detected_at: '2026-11-23T14:05:00+01:00' };
    editor.type(session.text.replace('## Summary\n', '## Summary\nPool exhausted.\n'));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(session.saveState).toBe('saved');
    expect(editor.changes).toHaveLength(1);
    const [[change, origin]] = editor.changes;
    expect(origin).toBe('remote');
    expect(change.insert).toBe('- Detected: 2026-11-23T14:05:00+01:00\n');
    expect(change.to - change.from).toBe(0);
    expect(editor.doc).toBe(fake.body);
    expect(session.text).toBe(fake.body);
  });

  it('never clobbers what is typed while a save runs: it saves again', async () => {
    const fake = new FakeDraftIpc();
    const { session, editor } = await open(fake);
    fake.holdSaves = true;
    fake.incident = { ...fake.incident, mitigated_at: '2026-11-23T14:30:00+01:00' };
    editor.type(`${session.text}first`);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(session.saveState).toBe('saving');
    editor.type(`${session.text} and second`);
    fake.releaseSave();
    await vi.advanceTimersByTimeAsync(0);
    // The first answer is older than the editor: the editor keeps its text.
    expect(editor.changes).toEqual([]);
    expect(editor.doc.endsWith('first and second')).toBe(true);
    expect(fake.heldSaves).toHaveLength(1);
    expect(fake.heldSaves[0].args[1]).toContain('first and second');
    fake.releaseSave();
    await vi.advanceTimersByTimeAsync(0);
    expect(session.saveState).toBe('saved');
    expect(editor.doc).toContain('- Mitigated: 2026-11-23T14:30:00+01:00');
    expect(editor.doc.endsWith('first and second')).toBe(true);
  });

  it('keeps the text when a save fails, says NOT saved, and saves on the next try', async () => {
    const fake = new FakeDraftIpc();
    const { session, editor } = await open(fake);
    fake.failSaves = new IpcError('disk-full', 'The disk is full. The draft was NOT saved; it is still in the editor.');
    editor.type(`${session.text}important words`);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(session.saveState).toBe('failed');
    expect(session.saveError?.message).toContain('The disk is full.');
    expect(session.text.endsWith('important words')).toBe(true);
    expect(editor.doc.endsWith('important words')).toBe(true);
    fake.failSaves = null;
    expect(await session.flush()).toBe(true);
    expect(session.saveState).toBe('saved');
    expect(fake.body.endsWith('important words')).toBe(true);
  });

  it('drops wording answers about text that has changed since', async () => {
    const fake = new FakeDraftIpc();
    const { session, editor } = await open(fake);
    fake.holdChecks = true;
    editor.type('It would have worked.');
    await vi.advanceTimersByTimeAsync(CHECK_DELAY_MS);
    editor.type('It worked. Someone should have caught this.');
    await vi.advanceTimersByTimeAsync(CHECK_DELAY_MS);
    expect(fake.heldChecks).toHaveLength(2);
    const [older, newer] = fake.heldChecks;
    fake.heldChecks = [newer, older];
    fake.releaseCheck();
    fake.releaseCheck();
    await vi.advanceTimersByTimeAsync(0);
    expect(session.findings.map((finding) => finding.rule)).toEqual(['should-have']);
  });

  it('applies a suggestion in place of the phrase and saves it', async () => {
    const fake = new FakeDraftIpc();
    const { session, editor } = await open(fake);
    editor.type('Monitoring 🔥 should have caught this, simply put.');
    await vi.advanceTimersByTimeAsync(CHECK_DELAY_MS);
    expect(session.findings.map((finding) => finding.rule)).toEqual(['should-have', 'simply']);
    expect(session.applySuggestion(session.findings[0])).toBe(true);
    expect(editor.doc).toBe('Monitoring 🔥 we did not catch this, simply put.');
    const [simply] = session.findings;
    expect(editor.doc.slice(simply.from, simply.to)).toBe('simply');
    expect(editor.changes.at(-1)?.[1]).toBe('suggestion');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(fake.body).toContain('we did not catch this');
  });

  it('saves the editor first, then sets the facts, then refreshes the regions', async () => {
    const fake = new FakeDraftIpc();
    const { session, editor } = await open(fake);
    editor.type(session.text.replace('## Summary\n', '## Summary\nTyped just now.\n'));
    await session.setFacts({
      title: 'Checkout latency in eu-west',
      kind: 'unscheduled',
      severity: 'SEV2',
      owner: 'alice',
      commander: 'bob',
      services: ['checkout'],
      tags: [],
      tickets: ['INC-42'],
      chat_logs: [],
      forum_links: [],
    });
    expect(fake.commands('saveDraft', 'setFacts', 'openDraft')).toEqual(['openDraft', 'saveDraft', 'setFacts', 'openDraft']);
    expect(session.incident?.title).toBe('Checkout latency in eu-west');
    expect(editor.doc).toContain('Typed just now.');
    expect(editor.doc).toContain('- INC-42\n<!-- debrief:end links -->');
  });

  it('refreshes the action items region after an item is added or changed', async () => {
    const fake = new FakeDraftIpc();
    const { session, editor } = await open(fake);
    await session.addActionItem({ text: 'Alert on pool saturation', owner: null, due: null, kind: null, ticket: null });
    expect(session.actionItems).toHaveLength(1);
    expect(editor.doc).toContain('| 1 | Alert on pool saturation |  | 2026-12-23 |  |  | open |');
    await session.updateActionItem(1, {
      text: null,
      owner: 'carol',
      due: null,
      kind: 'detective',
      ticket: null,
      status: null,
      reason: null,
    });
    expect(editor.doc).toContain('| 1 | Alert on pool saturation | carol | 2026-12-23 | detective |  | open |');
  });

  it('reports a refused key time and changes nothing', async () => {
    const fake = new FakeDraftIpc();
    const { session } = await open(fake);
    await expect(session.setKeyTime('detected', 'soonish')).rejects.toThrow('is not a time Debrief understands');
    await session.setKeyTime('detected', '14:05');
    expect(session.incident?.detected_at).toBe('2026-11-23T14:05:00+01:00');
    expect(session.text).toContain('- Detected: 2026-11-23T14:05:00+01:00');
  });
});

describe('the publish session', () => {
  async function publishing(fake = new FakeDraftIpc()) {
    const { session } = await open(fake);
    const publish = new PublishSession(INCIDENT.id, () => session.flush(), fake.api());
    await publish.check();
    return { fake, session, publish };
  }

  it('is blocked by a secret until the rule is allowed on purpose', async () => {
    const fake = new FakeDraftIpc();
    fake.checks.secrets = [
      { rule: 'github-token', description: 'a GitHub token', line: 12, column: 5, hint: 'ghp_****' },
    ];
    const { publish } = await publishing(fake);
    expect(publish.blocking.map((problem) => problem.kind)).toEqual(['secret']);
    expect(publish.canPublish).toBe(false);
    await publish.allowSecret('github-token', true);
    expect(publish.blocking).toEqual([]);
    expect(publish.secretRules.map((rule) => rule.rule)).toEqual(['github-token']);
    expect(publish.canPublish).toBe(true);
    await publish.publish();
    expect(fake.calls.at(-1)).toEqual([
      'publish',
      INCIDENT.id,
      { review: false, strict: false, allow_secrets: ['github-token'] },
    ]);
  });

  it('only warns about wording unless strict', async () => {
    const fake = new FakeDraftIpc();
    fake.checks.wording = findPhrases('It would have worked.');
    const { publish } = await publishing(fake);
    expect(publish.blocking).toEqual([]);
    expect(publish.warnings.map((problem) => problem.kind)).toEqual(['wording']);
    await publish.setStrict(true);
    expect(publish.blocking.map((problem) => problem.kind)).toEqual(['wording']);
  });

  it('follows a queued publish and a retry that pushes it', async () => {
    const fake = new FakeDraftIpc();
    fake.published = { ...fake.published, delivery: { state: 'queued', reason: 'the network is unreachable' } };
    fake.queue = [fake.waitingPublish()];
    fake.retryResult = [[fake.published.commit, { state: 'pushed' }]];
    const { publish } = await publishing(fake);
    await publish.publish();
    expect(publish.report?.published?.delivery.state).toBe('queued');
    expect(publish.queue).toHaveLength(1);
    await publish.retry();
    expect(publish.report?.published?.delivery.state).toBe('pushed');
    expect(publish.queue).toEqual([]);
    expect(publish.retried).toBe('1 pushed, 0 still queued.');
  });
});
