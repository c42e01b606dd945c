import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IpcError } from '../ipc';
import { CaptureSession, EARLIER_LINES, HELD_ABOVE_VIEW, KEPT_ABOVE_VIEW } from './capture.svelte';
import { FakeIpc, INCIDENT, LIVE } from '../fakes/capture';
import { settle } from '../fakes/settle';
import CaptureView from './CaptureView.svelte';

async function captureView(prepare: (fake: FakeIpc) => void = () => {}) {
  const fake = new FakeIpc();
  prepare(fake);
  const session = new CaptureSession(INCIDENT.id, fake.api());
  render(CaptureView, { id: INCIDENT.id, session, onback: () => {}, onhelp: () => {} });
  await settle();
  const input = screen.getByLabelText('Timeline line') as HTMLTextAreaElement;
  return { fake, input };
}

async function type(input: HTMLTextAreaElement, text: string) {
  await fireEvent.input(input, { target: { value: text } });
  await fireEvent.keyDown(input, { key: 'Enter' });
}

function rows() {
  return screen.queryAllByRole('listitem').map((row) => row.textContent?.replace(/\s+/g, ' ').trim());
}

describe('the capture line', () => {
  it('has the focus from the start', async () => {
    const { input } = await captureView();
    expect(document.activeElement).toBe(input);
  });

  it('shows a line the moment Enter is pressed, saving, then saved when the core says so', async () => {
    const { fake, input } = await captureView();
    await type(input, '@alice restarted the pool');
    expect(input.value).toBe('');
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toContain('@alice restarted the pool');
    expect(screen.getByLabelText('saving')).toBeTruthy();
    expect(screen.getByText('Saving 1…')).toBeTruthy();

    fake.acknowledge();
    await settle();
    expect(screen.getByLabelText('saved')).toBeTruthy();
    expect(rows()[0]).toMatch(/#1 2026-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d alice restarted the pool/);
    expect(screen.getByText('All 1 line saved')).toBeTruthy();
  });

  it('keeps a refused line on screen, NOT saved with the reason, and Alt+Y tries again', async () => {
    const { fake, input } = await captureView();
    await type(input, 'pool exhausted on db-2');
    await settle();
    fake.acknowledge(new IpcError('disk-full', 'The disk holding /data is full. This change was NOT saved.'));
    await settle();
    expect(rows()[0]).toContain('NOT saved');
    expect(rows()[0]).toContain('pool exhausted on db-2');
    expect(screen.getByRole('alert').textContent).toContain('The disk holding /data is full.');

    await fireEvent.keyDown(input, { key: 'y', code: 'KeyY', altKey: true });
    await settle();
    expect(fake.calls.filter(([command]) => command === 'appendLine')).toHaveLength(2);
    fake.acknowledge();
    await settle();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(rows()[0]).toContain('pool exhausted on db-2');
  });

  it('does not save on Shift+Enter, nor an empty line', async () => {
    const { fake, input } = await captureView();
    await fireEvent.input(input, { target: { value: 'first paragraph' } });
    await fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    await fireEvent.input(input, { target: { value: '   ' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    await settle();
    expect(fake.calls).toEqual([]);
  });

  it('marks key times with one key each, leaving the line being typed alone', async () => {
    const { fake, input } = await captureView();
    await fireEvent.input(input, { target: { value: 'half a thought' } });
    await fireEvent.keyDown(input, { key: 'µ', code: 'KeyM', altKey: true });
    await settle();
    expect(fake.calls[0]?.slice(0, 3)).toEqual(['mark', INCIDENT.id, 'mitigated']);
    expect(input.value).toBe('half a thought');
    fake.acknowledge();
    await settle();
    const mitigated = screen.getByRole('button', { name: /^Mitigated: .+ after the start, at \d{4}-\d\d-\d\d / });
    expect(mitigated.getAttribute('aria-keyshortcuts')).toBe('Alt+M');
  });

  it('selects a line with Alt+↑ and corrects it with Ctrl+E, showing its history', async () => {
    const { fake, input } = await captureView();
    await type(input, 'restarted db-1');
    await settle();
    fake.acknowledge();
    await settle();
    await fireEvent.keyDown(input, { key: 'ArrowUp', altKey: true });
    await fireEvent.keyDown(input, { key: 'e', code: 'KeyE', ctrlKey: true });
    await settle();
    const text = screen.getByLabelText('Text') as HTMLTextAreaElement;
    expect(text.value).toBe('restarted db-1');
    await fireEvent.input(text, { target: { value: 'restarted db-2' } });
    await fireEvent.keyDown(text, { key: 'Enter' });
    await settle();
    expect(fake.calls.at(-1)).toEqual(['editEntry', INCIDENT.id, 1, 'restarted db-2', null]);
    expect(rows()[0]).toContain('restarted db-2');
    const history = screen.getByRole('complementary', { name: /Line #1/ }).textContent?.replace(/\s+/g, ' ');
    expect(history).toContain('text was “restarted db-1”, became “restarted db-2”');
    expect(document.activeElement).toBe(input);
  });
});

describe('a live incident in the capture view', () => {
  const justNow = () => new Date(Date.now() - 20_000).toISOString();

  function strip() {
    return screen.getByRole('region', { name: 'Live incident' });
  }

  it('shows who is here, who was earlier, and whether this laptop’s lines are all shared', async () => {
    const { fake } = await captureView((fake) => {
      fake.live = {
        ...LIVE,
        unshared: 3,
        responders: [
          { id: 'b0', name: 'Bo', last_heard_at: justNow() },
          { id: 'c1', name: 'Cy', last_heard_at: '2026-11-23T09:00:00+01:00' },
        ],
      };
    });
    const text = () => strip().textContent?.replace(/\s+/g, ' ');
    expect(text()).toContain('You are Ana');
    expect(text()).toMatch(/Here: Bo Earlier: Cy/);
    expect(text()).toContain('3 lines not shared yet');
    expect(strip().dataset.unshared).toBe('3');

    fake.round({ unshared: 3, unreachable: 'connection refused' });
    await settle();
    expect(text()).toContain('3 lines not shared yet · the shared repository does not answer: kept on this laptop');
    fake.round({ unshared: 3, refused: 'refs/debrief/* is not allowed here' });
    await settle();
    expect(text()).toContain(
      "3 lines not shared yet · the shared repository refused this laptop's lines (refs/debrief/* is not allowed here): kept on this laptop",
    );
    expect(text()).not.toContain('does not answer');
    fake.round({ unshared: 0, pushed: 3 });
    await settle();
    expect(text()).toContain('All shared');
    expect(strip().dataset.unshared).toBe('0');
  });

  it('has no strip for an incident kept on this laptop', async () => {
    await captureView();
    expect(screen.queryByRole('region', { name: 'Live incident' })).toBeNull();
  });

  it('shows another responder’s line, marked with its author, without touching the line being typed', async () => {
    const { fake, input } = await captureView((fake) => {
      fake.live = { ...LIVE };
    });
    await fireEvent.input(input, { target: { value: 'half a thou' } });
    fake.arrive('failing over to eu-west', 'Bo');
    fake.round({ received_lines: 1 });
    await settle();
    await settle();
    expect(rows()).toHaveLength(1);
    const row = screen.getAllByRole('listitem')[0];
    expect(row.querySelector('.author')?.textContent).toBe('Bo');
    expect(row.classList.contains('from-elsewhere')).toBe(true);
    expect(input.value).toBe('half a thou');
    expect(document.activeElement).toBe(input);
  });

  it('does not mark this laptop’s own lines with an author', async () => {
    const { fake, input } = await captureView((fake) => {
      fake.live = { ...LIVE };
    });
    await type(input, 'error rate at 40%');
    await settle();
    fake.acknowledge();
    await settle();
    expect(screen.getAllByRole('listitem')[0].querySelector('.author')).toBeNull();
    expect(strip().textContent).toContain('1 line not shared yet');
  });

  it('lets the commander accept a proposed key time with Alt+A', async () => {
    const { fake, input } = await captureView((fake) => {
      fake.live = { ...LIVE };
      fake.incident = { ...fake.incident, commander: 'Ana' };
      fake.arrive('Mitigated', 'Bo', { kind: 'mitigated', proposed: true, at: '2026-11-23T14:12:00+01:00' });
    });
    const proposals = screen.getByRole('group', { name: 'Proposed key times' });
    expect(proposals.textContent?.replace(/\s+/g, ' ')).toContain('Bo proposes mitigated at 2026-11-23 14:12:00 +01:00');
    expect(screen.getByRole('button', { name: /^Accept/ }).getAttribute('aria-keyshortcuts')).toBe('Alt+A');
    expect(screen.getAllByRole('listitem')[0].querySelector('.proposal')?.textContent).toBe('proposed');

    await fireEvent.keyDown(input, { key: 'å', code: 'KeyA', altKey: true });
    await settle();
    await settle();
    expect(fake.calls.at(-1)).toEqual(['acceptProposal', INCIDENT.id, 1]);
    expect(screen.queryByRole('group', { name: 'Proposed key times' })).toBeNull();
    expect(screen.getByRole('button', { name: /^Mitigated: .+ at 2026-11-23 14:12:00 \+01:00/ })).toBeTruthy();
  });

  it('shows a proposal to everyone else as waiting for the commander, with nothing to press', async () => {
    const { fake, input } = await captureView((fake) => {
      fake.live = { ...LIVE };
      fake.incident = { ...fake.incident, commander: 'Cy' };
      fake.arrive('Detected', 'Bo', { kind: 'detected', proposed: true });
    });
    const proposals = screen.getByRole('group', { name: 'Proposed key times' });
    expect(proposals.textContent).toContain('waiting for the commander (Cy)');
    expect(screen.queryByRole('button', { name: /^Accept/ })).toBeNull();
    await fireEvent.keyDown(input, { key: 'a', code: 'KeyA', altKey: true });
    await settle();
    expect(fake.calls.filter(([command]) => command === 'acceptProposal')).toEqual([]);
  });
});

describe('a long timeline in the capture view', () => {
  const LINES = 1000;
  const NEWEST = 20;
  const ROWS_IN_VIEW = 10;

  // jsdom lays nothing out: the timeline gets the height of ten rows, and its rows' height.
  afterEach(() => vi.restoreAllMocks());
  function layOut() {
    const isTimeline = (element: HTMLElement) => element.classList.contains('timeline');
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return isTimeline(this) ? ROWS_IN_VIEW * 32 : 0;
    });
    vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return isTimeline(this) ? Number.parseFloat((this.firstElementChild as HTMLElement).style.height) : 0;
    });
  }

  /** The window opened on a timeline of `LINES` lines, with the newest `NEWEST` read. */
  async function opened(prepare: (fake: FakeIpc) => void = () => {}) {
    layOut();
    const fake = new FakeIpc();
    for (let n = 1; n <= LINES; n += 1) fake.arrive(`observation ${n}`, 'Ana', { source: 'app', author: null });
    prepare(fake);
    const session = new CaptureSession(INCIDENT.id, fake.api());
    session.begin(fake.opening(NEWEST));
    render(CaptureView, { id: INCIDENT.id, session, onback: () => {}, onhelp: () => {} });
    await settle();
    const input = screen.getByLabelText('Timeline line') as HTMLTextAreaElement;
    return { fake, input, session };
  }

  const timeline = () => screen.getByRole('list', { name: /^Timeline/ });
  const selectedRow = () => timeline().querySelector('[aria-current="true"]')?.textContent?.replace(/\s+/g, ' ');

  it('counts every line, shows the newest, and reads nothing more until earlier lines come into view', async () => {
    const { fake } = await opened();
    expect(timeline().getAttribute('aria-label')).toBe(`Timeline, ${LINES} lines`);
    expect(rows().at(-1)).toContain(`#${LINES} `);
    expect(screen.getByText(`All ${LINES} lines saved`)).toBeTruthy();
    expect(fake.reads).toEqual([]);

    // Scrolled to the top: everything before the lines read, in one read rather than a page at a time.
    timeline().scrollTop = 0;
    await fireEvent.scroll(timeline());
    await settle();
    expect(fake.pages).toEqual([{ skip: NEWEST, count: LINES - NEWEST }]);
    expect(rows()[0]).toContain('#1 ');
    expect(rows()[0]).toContain('observation 1');
  });

  it('lets go of the lines read far above the view when scrolled back down, and reads them again at the top', async () => {
    const more = HELD_ABOVE_VIEW + KEPT_ABOVE_VIEW;
    const { fake, session } = await opened((fake) => {
      for (let n = LINES + 1; n <= LINES + more; n += 1) fake.arrive(`observation ${n}`, 'Ana', { source: 'app', author: null });
    });
    const total = LINES + more;
    timeline().scrollTop = 0;
    await fireEvent.scroll(timeline());
    await settle();
    expect(session.lines).toHaveLength(total);

    timeline().scrollTop = total * 32;
    await fireEvent.scroll(timeline());
    await settle();
    expect(timeline().getAttribute('aria-label')).toBe(`Timeline, ${total} lines`);
    expect(session.lines.length).toBeLessThanOrEqual(KEPT_ABOVE_VIEW + 3 * ROWS_IN_VIEW);
    expect(rows().at(-1)).toContain(`#${total} `);

    const reads = fake.pages.length;
    timeline().scrollTop = 0;
    await fireEvent.scroll(timeline());
    await settle();
    expect(fake.pages.length).toBeGreaterThan(reads);
    expect(rows()[0]).toContain('observation 1');
  });

  it('steps back past the lines read with Alt+↑, reading the page before them, and corrects a line there', async () => {
    const { fake, input } = await opened();
    // The oldest line read, then one more step back: the page before is read once, whether the
    // step or the rows scrolled into view ask first.
    for (let step = 0; step <= NEWEST; step += 1) await fireEvent.keyDown(input, { key: 'ArrowUp', altKey: true });
    await settle();
    expect(fake.pages).toEqual([{ skip: NEWEST, count: EARLIER_LINES }]);
    expect(selectedRow()).toContain(`#${LINES - NEWEST} `);

    await fireEvent.keyDown(input, { key: 'e', code: 'KeyE', ctrlKey: true });
    await settle();
    const text = screen.getByLabelText('Text') as HTMLTextAreaElement;
    expect(text.value).toBe(`observation ${LINES - NEWEST}`);
    await fireEvent.input(text, { target: { value: 'observation, corrected' } });
    await fireEvent.keyDown(text, { key: 'Enter' });
    await settle();
    expect(fake.calls.at(-1)).toEqual(['editEntry', INCIDENT.id, LINES - NEWEST, 'observation, corrected', null]);
    expect(fake.pages.at(-1)).toEqual({ skip: 0, count: NEWEST + EARLIER_LINES });
    expect(selectedRow()).toContain('observation, corrected');
    const panel = screen.getByRole('complementary', { name: new RegExp(`Line #${LINES - NEWEST}`) });
    expect(panel.textContent?.replace(/\s+/g, ' ')).toContain('became “observation, corrected”');
  });

  it('shows a key time proposed long before the lines read, for the commander to accept', async () => {
    await opened((fake) => {
      fake.live = { ...LIVE };
      fake.incident = { ...fake.incident, commander: 'Ana' };
      fake.entries[0] = { ...fake.entries[0], kind: 'mitigated', text: 'Mitigated', author: 'Bo', proposed: true };
    });
    const proposals = screen.getByRole('group', { name: 'Proposed key times' });
    expect(proposals.textContent?.replace(/\s+/g, ' ')).toContain('Bo proposes mitigated');
    expect(screen.getByRole('button', { name: /^Accept/ })).toBeTruthy();
  });
});
