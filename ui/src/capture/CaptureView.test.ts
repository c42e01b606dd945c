import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { IpcError } from '../ipc';
import { CaptureSession } from './capture.svelte';
import { FakeIpc, INCIDENT } from '../fakes/capture';
import { settle } from '../fakes/settle';
import CaptureView from './CaptureView.svelte';

async function captureView() {
  const fake = new FakeIpc();
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
