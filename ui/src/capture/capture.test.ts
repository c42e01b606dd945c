import { describe, expect, it } from 'vitest';
import { IpcError } from '../ipc';
import { CaptureSession, EARLIER_LINES, FARTHEST_READ, FIRST_LINES } from './capture.svelte';
import { FakeIpc, INCIDENT, LIVE } from '../fakes/capture';
import { settle } from '../fakes/settle';

const AT = '2026-11-23T14:05:30+01:00';

function session() {
  const fake = new FakeIpc();
  return { fake, capture: new CaptureSession(INCIDENT.id, fake.api()) };
}

describe('capture session', () => {
  it('shows a typed line at once, and as saved only when the core acknowledges it', async () => {
    const { fake, capture } = session();
    expect(capture.submit('@alice restarted the pool', AT)).toBe(true);
    expect(capture.lines).toHaveLength(1);
    expect(capture.lines[0]).toMatchObject({ state: 'saving', typed: '@alice restarted the pool', at: AT, entry: null });
    await settle();
    expect(fake.calls).toEqual([['appendLine', INCIDENT.id, '@alice restarted the pool', AT]]);
    fake.acknowledge();
    await settle();
    expect(capture.lines[0]).toMatchObject({ state: 'saved', key: 'entry-1', typed: 'restarted the pool' });
    expect(capture.lines[0].entry?.who).toBe('alice');
  });

  it('ignores a blank line', () => {
    const { capture } = session();
    expect(capture.submit('   ', AT)).toBe(false);
    expect(capture.lines).toHaveLength(0);
  });

  it('saves lines one after another, in the order they were typed', async () => {
    const { fake, capture } = session();
    capture.submit('first', AT);
    capture.submit('second', AT);
    capture.submit('third', AT);
    await settle();
    expect(fake.pending).toHaveLength(1);
    fake.acknowledge();
    await settle();
    fake.acknowledge();
    await settle();
    fake.acknowledge();
    await settle();
    expect(capture.lines.map((line) => [line.entry?.id, line.typed, line.state])).toEqual([
      [1, 'first', 'saved'],
      [2, 'second', 'saved'],
      [3, 'third', 'saved'],
    ]);
  });

  it('keeps a refused line, marked NOT saved with the reason, and retries it with its own time', async () => {
    const { fake, capture } = session();
    capture.submit('pool exhausted on db-2', AT);
    await settle();
    fake.acknowledge(new IpcError('disk-full', 'The disk is full. This change was NOT saved.'));
    await settle();
    expect(capture.lines[0]).toMatchObject({ state: 'failed', typed: 'pool exhausted on db-2' });
    expect(capture.failed).toHaveLength(1);
    expect(capture.failed[0].error?.message).toBe('The disk is full. This change was NOT saved.');

    capture.retryFailed();
    expect(capture.lines[0].state).toBe('saving');
    await settle();
    expect(fake.calls.at(-1)).toEqual(['appendLine', INCIDENT.id, 'pool exhausted on db-2', AT]);
    fake.acknowledge();
    await settle();
    expect(capture.lines[0].state).toBe('saved');
    expect(capture.failed).toHaveLength(0);
  });

  it('discards only lines that were never saved', async () => {
    const { fake, capture } = session();
    capture.submit('kept', AT);
    capture.submit('refused', AT);
    await settle();
    fake.acknowledge();
    await settle();
    fake.acknowledge(new IpcError('invalid-input', 'Timeline text: it contains a NUL character. Nothing was stored.'));
    await settle();
    for (const line of capture.lines) capture.discard(line.key);
    expect(capture.lines.map((line) => line.typed)).toEqual(['kept']);
  });

  it('marks a key time and then shows the incident with it', async () => {
    const { fake, capture } = session();
    await capture.load();
    capture.mark('mitigated', AT);
    expect(capture.lines[0]).toMatchObject({ state: 'saving', typed: 'Mitigated' });
    await settle();
    fake.acknowledge();
    await settle();
    expect(capture.incident?.mitigated_at).toBe(AT);
  });

  it('reloads the timeline after a correction, keeping lines not yet saved at the end', async () => {
    const { fake, capture } = session();
    capture.submit('restarted db-1', AT);
    await settle();
    fake.acknowledge();
    await settle();
    capture.submit('still waiting', AT);
    await capture.correct(1, { text: 'restarted db-2', at: null });
    expect(capture.lines.map((line) => [line.typed, line.state])).toEqual([
      ['restarted db-2', 'saved'],
      ['still waiting', 'saving'],
    ]);
    expect(capture.lines[0].entry?.history).toHaveLength(1);
  });
});

describe('a live incident in the capture session', () => {
  function live() {
    const { fake, capture } = session();
    fake.live = { ...LIVE };
    return { fake, capture };
  }

  it('reads the timeline again when a round brings the others’ lines, and only then', async () => {
    const { fake, capture } = live();
    const stop = capture.follow();
    await capture.load();
    await settle();
    expect(capture.live).toMatchObject({ live: true, me: 'Ana', unshared: 0 });

    fake.arrive('restarted the pool', 'Bo');
    fake.round({ received_lines: 0 });
    await settle();
    expect(capture.lines).toHaveLength(0);

    const bo = { id: 'b0', name: 'Bo', last_heard_at: '2026-11-23T14:10:00+01:00' };
    fake.round({ received_lines: 1, responders: [bo] });
    await settle();
    expect(capture.lines.map((line) => [line.typed, line.entry?.author])).toEqual([['restarted the pool', 'Bo']]);
    expect(capture.live?.responders).toEqual([bo]);

    // Another incident's round is not this session's.
    fake.arrive('elsewhere', 'Bo');
    for (const listener of fake.listeners) {
      listener({ incident: 'another', round: null, failure: { code: 'database', message: 'Broken.' } });
    }
    await settle();
    expect(capture.lines).toHaveLength(1);
    expect(capture.sharingError).toBeNull();

    stop();
    expect(fake.unlistened).toBe(1);
  });

  it('counts a line saved here as not shared until a round says the others have it', async () => {
    const { fake, capture } = live();
    capture.follow();
    await settle();
    capture.submit('error rate at 40%', AT);
    await settle();
    fake.acknowledge();
    await settle();
    expect(capture.live?.unshared).toBe(1);
    fake.live = { ...fake.live, unshared: 0 };
    fake.round({ pushed: 1, unshared: 0 });
    expect(capture.live?.unshared).toBe(0);

    fake.round({ unshared: 2, unreachable: 'connection refused' });
    expect(capture.unreachable).toBe('connection refused');
    fake.round({ unshared: 0 });
    expect(capture.unreachable).toBeNull();
  });

  it('keeps lines being saved while the others’ lines come in, and never shows a line twice', async () => {
    const { fake, capture } = live();
    capture.follow();
    await settle();
    capture.submit('mine', AT);
    await settle();
    fake.arrive('theirs', 'Bo');
    fake.round({ received_lines: 1 });
    await settle();
    // The reload waits for the save under way.
    expect(capture.lines.map((line) => [line.typed, line.state])).toEqual([['mine', 'saving']]);
    fake.acknowledge();
    await settle();
    await settle();
    expect(capture.lines.map((line) => [line.typed, line.state])).toEqual([
      ['theirs', 'saved'],
      ['mine', 'saved'],
    ]);
    expect(new Set(capture.lines.map((line) => line.key)).size).toBe(2);
  });

  it('accepts a proposed key time and shows it as the incident’s key time', async () => {
    const { fake, capture } = live();
    fake.incident = { ...fake.incident, commander: 'Ana' };
    const proposal = fake.arrive('Mitigated', 'Bo', { kind: 'mitigated', proposed: true });
    await capture.load();
    const accepted = await capture.accept(proposal.id);
    expect(fake.calls.at(-1)).toEqual(['acceptProposal', INCIDENT.id, proposal.id]);
    expect(accepted.proposed).toBe(false);
    expect(capture.incident?.mitigated_at).toBe(proposal.at);
    expect(capture.lines).toHaveLength(2);
    await expect(capture.accept(accepted.id)).rejects.toMatchObject({ code: 'invalid-input' });
  });
});

describe('a session the window opens on', () => {
  function opened(lines: number, newest: number) {
    const { fake, capture } = session();
    for (let n = 1; n <= lines; n += 1) fake.arrive(`observation ${n}`, 'Ana', { source: 'app', author: null });
    capture.begin(fake.opening(newest));
    return { fake, capture };
  }

  const texts = (capture: CaptureSession) => capture.lines.map((line) => line.typed);

  it('holds the newest lines the opening brought, and reads earlier ones only when asked, a page at a time', async () => {
    const { fake, capture } = opened(5, 2);
    expect(texts(capture)).toEqual(['observation 4', 'observation 5']);
    expect(capture.earlier).toBe(3);
    expect(capture.incident?.id).toBe(INCIDENT.id);

    const stop = capture.open();
    await settle();
    expect(fake.reads).toEqual([]);

    await Promise.all([capture.readEarlier(), capture.readEarlier()]);
    expect(fake.pages).toEqual([{ skip: 2, count: EARLIER_LINES }]);
    expect(texts(capture)).toEqual([1, 2, 3, 4, 5].map((n) => `observation ${n}`));
    expect(capture.earlier).toBe(0);
    await capture.readEarlier();
    expect(fake.pages).toHaveLength(1);
    stop();
  });

  it('reads back to the row in view in a few calls when the view jumps far back, not a page at a time', async () => {
    const total = FIRST_LINES + 2 * FARTHEST_READ + 100;
    const { fake, capture } = opened(total, FIRST_LINES);
    // Jumped to the top: the earliest row in view is the first line.
    await capture.readEarlier(0);
    expect(fake.pages).toEqual([{ skip: FIRST_LINES, count: FARTHEST_READ }]);
    await capture.readEarlier(0);
    await capture.readEarlier(0);
    expect(fake.pages.map((page) => page.count)).toEqual([FARTHEST_READ, FARTHEST_READ, EARLIER_LINES]);
    expect(capture.earlier).toBe(0);
    expect(capture.lines).toHaveLength(total);
    // A row just before those read asks for a page, as before.
    const near = opened(FIRST_LINES + 10 * EARLIER_LINES, FIRST_LINES);
    await near.capture.readEarlier(near.capture.earlier - 1);
    expect(near.fake.pages).toEqual([{ skip: FIRST_LINES, count: EARLIER_LINES }]);
  });

  it('reads a long timeline back page by page, and reads again as far back as it had read', async () => {
    const { fake, capture } = opened(FIRST_LINES + EARLIER_LINES + 10, FIRST_LINES);
    await capture.readEarlier();
    expect(capture.lines).toHaveLength(FIRST_LINES + EARLIER_LINES);
    expect(capture.earlier).toBe(10);
    expect(capture.lines[0].typed).toBe('observation 11');

    await capture.load();
    expect(fake.pages.at(-1)).toEqual({ skip: 0, count: FIRST_LINES + EARLIER_LINES });
    expect(capture.lines[0].typed).toBe('observation 11');
    expect(capture.earlier).toBe(10);
  });

  it('waits for a line being saved before reading earlier lines, and keeps it after them', async () => {
    const { fake, capture } = opened(5, 2);
    const stop = capture.open();
    capture.submit('pool restarted', AT);
    const reading = capture.readEarlier();
    await settle();
    expect(fake.reads).toEqual([]);
    fake.acknowledge();
    await reading;
    expect(fake.pages).toEqual([{ skip: 3, count: EARLIER_LINES }]);
    expect(texts(capture).slice(-2)).toEqual(['observation 5', 'pool restarted']);
    expect(capture.lines).toHaveLength(6);
    expect(capture.earlier).toBe(0);
    stop();
  });

  it('lets go of lines read far above the view, and reads them again when they come back', async () => {
    const { fake, capture } = opened(FIRST_LINES + 3 * EARLIER_LINES, FIRST_LINES);
    await capture.readEarlier(0);
    expect(capture.earlier).toBe(0);
    const total = capture.lines.length;

    capture.forgetBefore(1000);
    expect(capture.earlier).toBe(1000);
    expect(capture.lines).toHaveLength(total - 1000);
    expect(capture.lines[0].typed).toBe('observation 1001');

    await capture.readEarlier(999);
    expect(fake.pages.at(-1)).toEqual({ skip: total - 1000, count: EARLIER_LINES });
    expect(capture.lines[0].typed).toBe('observation 501');
    expect(capture.lines).toHaveLength(total - 500);
  });

  it('keeps the selected line, lines not saved yet, and everything while a page is being read', async () => {
    const { fake, capture } = opened(600, FIRST_LINES);
    await capture.readEarlier(0);
    capture.forgetBefore(100, 'entry-50');
    expect(capture.earlier).toBe(0);

    capture.submit('pool restarted', AT);
    capture.forgetBefore(10_000);
    expect(capture.earlier).toBe(600);
    expect(texts(capture)).toEqual(['pool restarted']);
    await settle();
    fake.acknowledge();
    await settle();

    const reading = capture.readEarlier();
    capture.forgetBefore(700);
    await reading;
    expect(capture.earlier).toBe(100);
  });

  it('never holds a line twice when lines came in after those read', async () => {
    const { fake, capture } = opened(5, 2);
    fake.arrive('restarted the pool', 'Bo');
    await capture.readEarlier();
    expect(texts(capture)).toEqual([1, 2, 3, 4, 5].map((n) => `observation ${n}`));
    expect(capture.earlier).toBe(0);
  });

  it('reads as far back again when the others’ lines come in, so no line read goes', async () => {
    const { fake, capture } = opened(300, FIRST_LINES);
    const stop = capture.follow({ liveKnown: true });
    await settle();
    fake.arrive('restarted the pool', 'Bo');
    fake.arrive('error rate back to 0.1%', 'Bo');
    fake.round({ received_lines: 2 });
    await settle();
    expect(fake.pages).toEqual([{ skip: 0, count: FIRST_LINES + 2 }]);
    expect(capture.lines[0].typed).toBe('observation 151');
    expect(texts(capture).slice(-2)).toEqual(['restarted the pool', 'error rate back to 0.1%']);
    expect(capture.earlier).toBe(150);
    stop();
  });

  it('reads nothing more when the opening brought every line, and the newest again when the view opens again', async () => {
    const { fake, capture } = opened(3, FIRST_LINES);
    capture.open()();
    await capture.readEarlier();
    await settle();
    expect(fake.reads).toEqual([]);
    expect(capture.lines).toHaveLength(3);

    capture.open()();
    await settle();
    expect(fake.reads).toEqual(['incident', 'timelinePage', 'liveStatus']);
    expect(fake.pages).toEqual([{ skip: 0, count: FIRST_LINES }]);
  });
});
