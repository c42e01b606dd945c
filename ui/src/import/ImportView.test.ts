import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IpcError } from '../ipc';
import { FakeImports, ID, report } from '../fakes/import';
import { settle } from '../fakes/settle';
import { firstLine, guessKind, summarize, toSource } from './import.svelte';
import ImportView from './ImportView.svelte';

async function importView() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const fake = new FakeImports();
  const view = render(ImportView, { id: ID, onback: () => {}, api: fake.api(), ondrops: fake.drops });
  await settle();
  const path = screen.getByLabelText('Path to import') as HTMLInputElement;
  const kind = screen.getByLabelText('What it is') as HTMLSelectElement;
  return { fake, path, kind, view };
}

async function later() {
  vi.advanceTimersByTime(400);
  await settle();
}

afterEach(() => {
  vi.useRealTimers();
});

describe('what is imported', () => {
  it('guesses the kind from the name', () => {
    expect(guessKind('/tmp/export.ZIP')).toBe('slack');
    expect(guessKind('/tmp/export/channels.json')).toBe('slack');
    expect(guessKind('C:\\logs\\irc.log')).toBe('chat-log');
    expect(guessKind('/tmp/notes.txt')).toBe('chat-log');
    expect(guessKind('/home/me/src/payments/')).toBe('git');
  });

  it('builds the source the core takes, or nothing while something is missing', () => {
    expect(toSource('slack', ' /x.zip ', 'general', '')).toEqual({ source: 'slack', path: '/x.zip', channel: 'general' });
    expect(toSource('slack', '/x.zip', '', '')).toBeNull();
    expect(toSource('chat-log', '/x.log', '', 'main')).toEqual({ source: 'chat-log', path: '/x.log' });
    expect(toSource('git', '/repo', '', '')).toEqual({ source: 'git', path: '/repo', branch: null });
    expect(toSource('git', '/repo', '', ' release ')).toEqual({ source: 'git', path: '/repo', branch: 'release' });
    expect(toSource('git', '  ', '', '')).toBeNull();
    expect(toSource('pasted', '', '', '', 'Alice  10:42 AM\nhi\n')).toEqual({ source: 'pasted', text: 'Alice  10:42 AM\nhi\n' });
    expect(toSource('pasted', '/x.log', '', '', '  ')).toBeNull();
  });

  it('says what a preview and an import did', () => {
    expect(summarize(report(true))).toBe('Would add 2 lines (1 already there)');
    expect(summarize(report(true, { added: 1, already_present: 0 }))).toBe('Would add 1 line');
    expect(summarize(report(false, { already_present: 0 }))).toBe('Added 2 lines from slack #incident-42');
    expect(firstLine('one\ntwo')).toBe('one…');
  });
});

describe('the import view', () => {
  it('takes a dropped Slack export, lists its channels, previews, then adds the lines', async () => {
    const { fake, path, kind, view } = await importView();
    expect(document.activeElement).toBe(path);
    fake.handler?.({ type: 'enter', paths: ['/tmp/slack.zip'] });
    await settle();
    expect(document.querySelector('.dropzone.dragging')).not.toBeNull();
    fake.handler?.({ type: 'drop', paths: ['/tmp/slack.zip'] });
    await later();
    expect(document.querySelector('.dropzone.dragging')).toBeNull();
    expect(path.value).toBe('/tmp/slack.zip');
    expect(kind.value).toBe('slack');
    expect(fake.calls).toEqual([['slackChannels', '/tmp/slack.zip']]);

    const preview = screen.getByRole('button', { name: 'Preview' }) as HTMLButtonElement;
    expect(preview.disabled).toBe(true);
    await fireEvent.change(screen.getByLabelText('Channel'), { target: { value: 'incident-42' } });
    expect(preview.disabled).toBe(false);
    await fireEvent.click(preview);
    await settle();
    expect(fake.calls.at(-1)).toEqual([
      'importInto',
      ID,
      { source: 'slack', path: '/tmp/slack.zip', channel: 'incident-42' },
      true,
    ]);
    expect(screen.getByRole('status').textContent).toContain('Reading the slack export…');

    fake.answer(report(true));
    await settle();
    expect(screen.getByRole('heading', { name: 'Would add 2 lines (1 already there)' })).toBeTruthy();
    const rows = [...document.querySelectorAll('table.lines tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent).join(' | '),
    );
    expect(rows).toEqual([
      '2026-11-23 14:02:00 +01:00 | alice | note | db-2 pool at 100%…',
      '2026-11-23 14:05:30 +01:00 | — | detected | Detected',
    ]);
    expect(document.body.textContent).toContain('bot messages: 4');
    expect(document.body.textContent).toContain('A user id had no name in users.json');
    expect(document.body.textContent).toContain('Times are in UTC as Slack records them.');
    expect(document.body.textContent).toContain('debrief mark mitigated --at 14:30');

    await fireEvent.click(screen.getByRole('button', { name: 'Add these 2 lines' }));
    await settle();
    expect(fake.calls.at(-1)?.[3]).toBe(false);
    expect(screen.getByRole('status').textContent).toContain('Adding the lines');
    fake.answer(report(false));
    await settle();
    expect(screen.getByRole('heading', { name: /^Added 2 lines from slack #incident-42/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Add these/ })).toBeNull();

    view.unmount();
    expect(fake.unlistened).toBe(1);
  });

  it('guesses from a typed path, lets the kind be changed, and sends a git branch', async () => {
    const { fake, path, kind } = await importView();
    await fireEvent.input(path, { target: { value: '/var/log/irc.log' } });
    expect(kind.value).toBe('chat-log');
    await fireEvent.input(path, { target: { value: '/home/me/payments' } });
    expect(kind.value).toBe('git');
    await fireEvent.input(screen.getByLabelText('Branch (optional)'), { target: { value: 'release' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(fake.calls.at(-1)).toEqual(['importInto', ID, { source: 'git', path: '/home/me/payments', branch: 'release' }, true]);
    fake.answer(report(true, { source: 'git payments', added: 0, already_present: 5, lines: [] }));
    await settle();
    expect(screen.getByRole('heading', { name: 'Would add 0 lines (5 already there)' })).toBeTruthy();
    expect(screen.getByText(/Nothing new to add/)).toBeTruthy();

    await fireEvent.change(kind, { target: { value: 'chat-log' } });
    expect(screen.queryByRole('heading', { name: /Would add/ })).toBeNull();
    await fireEvent.input(path, { target: { value: '/home/me/other' } });
    expect(kind.value).toBe('chat-log');
  });

  it('takes a conversation pasted into the path into its own box, and previews it', async () => {
    const { fake, path, kind } = await importView();
    const copied = 'Alice Smith  10:42 AM\nrestarted the pool\n10:43\nerrors are down\n';
    const paste = new Event('paste', { bubbles: true, cancelable: true }) as ClipboardEvent;
    Object.defineProperty(paste, 'clipboardData', { value: { getData: () => copied } });
    await fireEvent(path, paste);
    expect(paste.defaultPrevented).toBe(true);
    expect(kind.value).toBe('pasted');
    const box = screen.getByLabelText('Pasted conversation') as HTMLTextAreaElement;
    expect(box.value).toBe(copied);
    expect(screen.queryByLabelText('Path to import')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(fake.calls.at(-1)).toEqual(['importInto', ID, { source: 'pasted', text: copied }, true]);

    await fireEvent.input(box, { target: { value: '' } });
    expect((screen.getByRole('button', { name: 'Preview' }) as HTMLButtonElement).disabled).toBe(true);
    expect(document.body.textContent).toContain('Paste the messages copied out of Slack, Teams or Discord.');
  });

  it('keeps a pasted path a path', async () => {
    const { path, kind } = await importView();
    const paste = new Event('paste', { bubbles: true, cancelable: true }) as ClipboardEvent;
    Object.defineProperty(paste, 'clipboardData', { value: { getData: () => '/tmp/export.zip' } });
    await fireEvent(path, paste);
    expect(paste.defaultPrevented).toBe(false);
    expect(kind.value).not.toBe('pasted');
  });

  it('shows a refusal as its message', async () => {
    const { fake, path } = await importView();
    await fireEvent.input(path, { target: { value: '/tmp/notes.txt' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    fake.answer(new IpcError('import', '/tmp/notes.txt is not a chat log Debrief can read: no line has a time.'));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('/tmp/notes.txt is not a chat log Debrief can read: no line has a time.');
    expect((screen.getByRole('button', { name: 'Preview' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('abandons a preview still running when the view closes, and never an import', async () => {
    const { fake, path, view } = await importView();
    await fireEvent.input(path, { target: { value: '/tmp/notes.txt' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await settle();
    fake.answer(report(true));
    await settle();
    await fireEvent.click(screen.getByRole('button', { name: 'Add these 2 lines' }));
    await settle();
    fake.answer(report(false));
    await settle();
    await fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await settle();
    const [preview, added, again] = fake.tickets;
    expect(preview).toBeTypeOf('number');
    expect(added).toBeNull();
    expect(again).toBeTypeOf('number');
    view.unmount();
    expect(fake.tasks.cancelled).toEqual([again]);
  });

  it('says when a path is not a Slack export', async () => {
    const { path, kind } = await importView();
    await fireEvent.input(path, { target: { value: '/tmp/folder' } });
    await fireEvent.change(kind, { target: { value: 'slack' } });
    await later();
    expect(screen.getByRole('alert').textContent).toBe('/tmp/folder is not a Slack export.');
  });
});
