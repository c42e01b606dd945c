import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReadBack } from '../ipc';
import { INCIDENT } from '../fakes/capture';
import { ELSEWHERE, FakeList } from '../fakes/list';
import { settle } from '../fakes/settle';
import IncidentList from './IncidentList.svelte';
import { JOINABLE_EVERY_MS } from './list';

async function incidentList(prepare: (fake: FakeList) => void = () => {}) {
  const fake = new FakeList();
  prepare(fake);
  const onopen = vi.fn();
  render(IncidentList, { onopen, onhelp: () => {}, api: fake.api(), ondrops: fake.drops });
  await settle();
  const title = screen.getByLabelText('New incident: what is happening?') as HTMLInputElement;
  const keepPrivate = screen.getByRole('checkbox', { name: /Keep it on this laptop/ }) as HTMLInputElement;
  return { fake, onopen, title, keepPrivate };
}

async function start(title: HTMLInputElement, text: string) {
  await fireEvent.input(title, { target: { value: text } });
  await fireEvent.submit(title.form as HTMLFormElement);
  await settle();
}

afterEach(cleanup);

describe('starting an incident', () => {
  it('makes it live by default when a shared repository is set', async () => {
    const { fake, onopen, title, keepPrivate } = await incidentList();
    expect(keepPrivate.checked).toBe(false);
    expect(screen.getByText(/Live: the others join it/)).toBeTruthy();
    await start(title, 'Checkout latency');
    expect(fake.started).toEqual([['Checkout latency', false]]);
    expect(onopen).toHaveBeenCalledWith('2026-11-23-new');
  });

  it('keeps it private when the person says so, with Alt+P or the checkbox', async () => {
    const { fake, title, keepPrivate } = await incidentList();
    await fireEvent.keyDown(title, { key: 'π', code: 'KeyP', altKey: true });
    expect(keepPrivate.checked).toBe(true);
    expect(screen.getByText(/Private: its timeline stays on this laptop/)).toBeTruthy();
    expect(document.activeElement).toBe(title);
    await start(title, 'Quiet one');
    expect(fake.started).toEqual([['Quiet one', true]]);
  });

  it('says a new incident stays on this laptop when there is no shared repository', async () => {
    const { keepPrivate } = await incidentList((fake) => {
      fake.joinable = { shared_repository: false, incidents: [], unreachable: null };
    });
    expect(keepPrivate.disabled).toBe(true);
    expect(screen.getByText(/No shared repository is set/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: /Live on the shared repository/ })).toBeNull();
  });
});

describe('live incidents started elsewhere', () => {
  it('are listed first, newest first, each with a Join button', async () => {
    await incidentList();
    const live = screen.getByRole('region', { name: /Live on the shared repository/ });
    const buttons = [...live.querySelectorAll('button')];
    expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual([
      'Join Login errors, started 2026-11-23 14:20:00 +01:00 by Bo',
      'Join Slow search, started 2026-11-23 09:00:00 +01:00 by Cy',
    ]);
    expect(buttons[0].getAttribute('aria-keyshortcuts')).toBe('Alt+J');
    expect(buttons[0].textContent).toContain('Bo, Cy');
  });

  it('are joined with one key, which opens the joined incident', async () => {
    const { fake, onopen, title } = await incidentList();
    await fireEvent.keyDown(title, { key: 'j', code: 'KeyJ', altKey: true });
    await settle();
    expect(fake.joined).toEqual([ELSEWHERE.incidents[0].id]);
    expect(onopen).toHaveBeenCalledWith(ELSEWHERE.incidents[0].id);
  });

  it('are joined with a click too', async () => {
    const { fake, onopen } = await incidentList();
    await fireEvent.click(screen.getByRole('button', { name: /^Join Slow search/ }));
    await settle();
    expect(fake.joined).toEqual([ELSEWHERE.incidents[1].id]);
    expect(onopen).toHaveBeenCalledWith(ELSEWHERE.incidents[1].id);
  });

  it('are said to be unknown for now when the shared repository does not answer', async () => {
    await incidentList((fake) => {
      fake.joinable = { shared_repository: true, incidents: [], unreachable: 'connection refused' };
    });
    expect(screen.getByText(/The shared repository does not answer \(connection refused\)/)).toBeTruthy();
  });

  it('are asked for again every few seconds while the list is open, and no more once it closes', async () => {
    vi.useFakeTimers();
    try {
      const fake = new FakeList();
      const { unmount } = render(IncidentList, { onopen: () => {}, onhelp: () => {}, api: fake.api() });
      await settle();
      expect(fake.asked).toBe(1);
      fake.joinable = { ...ELSEWHERE, incidents: ELSEWHERE.incidents.slice(1) };
      await vi.advanceTimersByTimeAsync(JOINABLE_EVERY_MS);
      expect(fake.asked).toBe(2);
      expect(screen.queryByRole('button', { name: /^Join Login errors/ })).toBeNull();
      unmount();
      await vi.advanceTimersByTimeAsync(3 * JOINABLE_EVERY_MS);
      expect(fake.asked).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the list the window opens on', () => {
  it('shows the incidents the opening read, without reading them again', async () => {
    const api = { ...new FakeList().api(), listIncidents: vi.fn(async () => []) };
    const read = { ...INCIDENT, title: 'Read with the opening' };
    render(IncidentList, { onopen: () => {}, onhelp: () => {}, api, incidents: [read] });
    await settle();
    expect(screen.getByText('Read with the opening')).toBeTruthy();
    expect(api.listIncidents).not.toHaveBeenCalled();
  });
});

describe('imported write-ups', () => {
  it('are listed apart from open incidents, as imported, when they never say when they ended', async () => {
    await incidentList((fake) => {
      fake.incidents = [
        { ...INCIDENT },
        { ...INCIDENT, id: '2020-01-21-kiam', title: 'KIAM service disruption', written_up: true },
      ];
    });
    const open = screen.getByRole('heading', { name: /^Open/ }).closest('section') as HTMLElement;
    expect(open.textContent).toContain('Checkout latency');
    expect(open.textContent).not.toContain('KIAM');
    const imported = screen.getByRole('heading', { name: /^Imported write-ups/ }).closest('section') as HTMLElement;
    expect(imported.textContent).toContain('KIAM service disruption');
    expect(imported.querySelector('.status')?.textContent).toBe('imported');
    expect(imported.textContent).toContain('no key times in the write-up');
  });

  it('are not a group of their own when there are none', async () => {
    await incidentList();
    expect(screen.queryByRole('heading', { name: /^Imported write-ups/ })).toBeNull();
  });
});

describe('reading in an earlier post-mortem', () => {
  const FILE = '/home/ana/postmortems/2024-02-28-decide-is-down.md';
  const READ: ReadBack = {
    incident: '2024-02-28-decide-is-down',
    path: FILE,
    read: true,
    created: true,
    timeline_lines_added: 1,
    key_times_added: 0,
    action_items: 0,
    contributing_factors: 0,
    open: true,
    warnings: [{ line: 4, message: 'nothing states when the incident began, so it begins at the first time the prose tells' }],
  };

  async function readIn(path: string) {
    await fireEvent.click(screen.getByText('Read in an earlier post-mortem'));
    const field = screen.getByLabelText(/Markdown file: its path/) as HTMLInputElement;
    await fireEvent.input(field, { target: { value: path } });
    await fireEvent.submit(field.form as HTMLFormElement);
    await settle();
  }

  it('reads a file in, says what was read and what needs a look, lists it and opens it', async () => {
    const { fake, onopen } = await incidentList((fake) => {
      fake.readBacks[FILE] = READ;
    });
    await readIn(FILE);
    expect(fake.readIn).toEqual([FILE]);
    const said = screen.getByText(/^Read into a new incident: 1 timeline line, 0 action items/);
    expect(said.textContent).toContain('Some of it needs a look');
    expect(screen.getByText(/Line 4: nothing states when the incident began/)).toBeTruthy();
    const imported = screen.getByRole('heading', { name: /^Imported write-ups/ }).closest('section') as HTMLElement;
    expect(imported.textContent).toContain('2024-02-28-decide-is-down');
    await fireEvent.click(screen.getByRole('button', { name: 'Open 2024-02-28-decide-is-down' }));
    expect(onopen).toHaveBeenCalledWith('2024-02-28-decide-is-down');
  });

  it('says why a file cannot be read, and reads nothing in', async () => {
    const { fake } = await incidentList();
    await readIn('/nowhere/pm.md');
    expect(screen.getByRole('alert').textContent).toContain('cannot import /nowhere/pm.md');
    expect(fake.incidents).toHaveLength(1);
  });

  it('takes a dropped Markdown file as the path, and reads it only when asked', async () => {
    const { fake } = await incidentList((fake) => {
      fake.readBacks[FILE] = READ;
    });
    const details = document.querySelector('details.read-in') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    fake.handler?.({ type: 'drop', paths: ['/tmp/export.zip', FILE] });
    await settle();
    expect(details.open).toBe(true);
    expect((screen.getByLabelText(/Markdown file: its path/) as HTMLInputElement).value).toBe(FILE);
    expect(fake.readIn).toEqual([]);
    fake.handler?.({ type: 'drop', paths: ['/tmp/export.zip'] });
    await settle();
    expect(screen.getByText(/Only a Markdown post-mortem \(\.md\) can be read in here/)).toBeTruthy();
  });
});
