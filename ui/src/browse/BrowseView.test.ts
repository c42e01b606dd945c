import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IpcError } from '../ipc';
import { SEARCH_DELAY_MS } from './browse.svelte';
import { FakeBrowseIpc, HITS, SYNCED } from '../fakes/browse';
import { settle } from '../fakes/settle';
import BrowseView from './BrowseView.svelte';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  vi.useRealTimers();
});

async function browseView(fake = new FakeBrowseIpc(), onopenincident?: (id: string) => void) {
  const onback = vi.fn();
  render(BrowseView, { onback, onopenincident, api: fake.api() });
  await settle();
  const field = screen.getByLabelText('Search post-mortems') as HTMLInputElement;
  return { fake, field, onback };
}

async function type(field: HTMLInputElement, text: string) {
  await fireEvent.input(field, { target: { value: text } });
}

async function pause() {
  vi.advanceTimersByTime(SEARCH_DELAY_MS);
  await settle();
}

function results() {
  const list = screen.getByRole('list', { name: 'Search results' });
  return within(list).queryAllByRole('button');
}

const state = () => document.querySelector('.sync-state')?.textContent?.replace(/\s+/g, ' ').trim();

describe('sync', () => {
  it('syncs in the background on open while the search already answers, then says how it went', async () => {
    const { fake, field } = await browseView();
    expect(document.activeElement).toBe(field);
    expect(state()).toBe('Syncing with the shared repository…');
    expect(screen.getByRole('button', { name: 'Sync' })).toHaveProperty('disabled', true);
    expect(results()).toHaveLength(3);
    expect(fake.searches()[0]).toEqual({ text: '', limit: 50 });

    fake.finishSync();
    await settle();
    expect(state()).toBe('1,234 post-mortems · up to date');
    // What was shown is asked again from the fresh index.
    expect(fake.searches()).toHaveLength(2);

    await fireEvent.click(screen.getByRole('button', { name: 'Sync' }));
    expect(state()).toBe('Syncing with the shared repository…');
    fake.finishSync({ ...SYNCED, indexed: 3, removed: 1 });
    await settle();
    expect(state()).toBe('1,234 post-mortems · 3 new or changed, 1 removed');
  });

  it('points at the folders holding Markdown when no post-mortem is where it looks', async () => {
    const { fake } = await browseView();
    const markdown = [
      { folder: 'data/', count: 242 },
      { folder: 'tool/', count: 1 },
    ];
    fake.finishSync({ ...SYNCED, rebuilt: true, documents: 0, locations: [], markdown_elsewhere: markdown });
    await settle();
    expect(state()).toBe(
      'No post-mortems where Debrief looks; Markdown files are in data/ (242), tool/ (1): if the team keeps its post-mortems there, set postmortem_paths = ["data/**", "incidents/**"] in the settings file (debrief config shows where)',
    );
  });

  it('names the formats it cannot read when the post-mortems are kept in another', async () => {
    const { fake } = await browseView();
    const unread = [
      { format: 'reStructuredText', count: 12, example: 'postmortems/2023-05-06-ldap.rst' },
      { format: 'AsciiDoc', count: 1, example: 'postmortems/2024-02-03-cache.adoc' },
    ];
    const markdown = [{ folder: 'docs/', count: 3 }];
    fake.finishSync({ ...SYNCED, documents: 0, locations: [], markdown_elsewhere: markdown, unread_formats: unread });
    await settle();
    expect(state()).toBe(
      'No post-mortems Debrief can read: the folders it looks in hold files in reStructuredText (12), AsciiDoc (1), such as postmortems/2023-05-06-ldap.rst. Debrief reads Markdown, which pandoc converts reStructuredText, HTML, Org, Word and more to',
    );
  });

  it('says what it left out beside the post-mortems it read', async () => {
    const { fake } = await browseView();
    const unread = [{ format: 'reStructuredText', count: 40, example: 'postmortems/2019-03-01-ldap.rst' }];
    fake.finishSync({ ...SYNCED, rebuilt: true, documents: 12, unread_formats: unread });
    await settle();
    expect(state()).toBe('12 post-mortems · index rebuilt · left out: 40 in formats Debrief does not read (reStructuredText 40)');
  });

  it('says when it is offline, and keeps the warnings folded', async () => {
    const { fake } = await browseView();
    fake.finishSync({ ...SYNCED, offline: 'github.com could not be reached', warnings: ['incidents/2020/x.md: no front matter'] });
    await settle();
    expect(state()).toBe("Offline: github.com could not be reached; showing this laptop's copy");
    const details = screen.getByText(/1 file was kept out of the index/).closest('details');
    expect(details?.open).toBe(false);
    expect(details?.textContent).toContain('incidents/2020/x.md: no front matter');
  });

  it('abandons a sync still running when the view closes, and asks nothing more after it', async () => {
    const { fake } = await browseView();
    const ticket = fake.calls.find(([command]) => command === 'syncSharedRepository')?.[1];
    expect(ticket).toBeTypeOf('number');
    cleanup();
    await settle();
    expect(fake.tasks.cancelled).toEqual([ticket]);
    const asked = fake.calls.length;
    fake.finishSync();
    await settle();
    expect(fake.calls).toHaveLength(asked);
  });

  it('shows a failed sync as its message', async () => {
    const { fake } = await browseView();
    fake.finishSync(new IpcError('index', 'The index could not be opened. Search shows nothing until it is rebuilt.'));
    await settle();
    expect(state()).toBe('The index could not be opened. Search shows nothing until it is rebuilt.');
    expect(screen.getByRole('button', { name: 'Sync' })).toHaveProperty('disabled', false);
  });
});

describe('search', () => {
  it('searches once typing pauses, and marks what matched in the passage as text', async () => {
    const { fake, field } = await browseView();
    await type(field, 'po');
    await type(field, 'pool');
    await settle();
    expect(fake.searches()).toHaveLength(1);
    await pause();
    expect(fake.searches()).toHaveLength(2);
    expect(fake.searches()[1]).toEqual({ text: 'pool', limit: 50 });
    expect(results().map((hit) => hit.querySelector('.title')?.textContent)).toEqual([
      'Checkout latency on eu-west',
      'DNS outage',
    ]);
    const marks = [...results()[0].querySelectorAll('mark')].map((mark) => mark.textContent);
    expect(marks).toEqual(['connection', 'pool']);
    expect(results()[0].querySelector('.excerpt')?.textContent).toBe(HITS[0].passage);
    expect(screen.getByText('2 post-mortems, best match first')).toBeTruthy();
  });

  it('never shows the answer to a query typed over', async () => {
    const fake = new FakeBrowseIpc();
    const { field } = await browseView(fake);
    fake.holdSearches = true;
    await type(field, 'pool');
    await pause();
    await type(field, 'dns');
    await pause();
    expect(fake.heldSearches.map((held) => held.query.text)).toEqual(['pool', 'dns']);
    const [pool, dns] = fake.heldSearches;
    dns.resolve(fake.answer(dns.query));
    await settle();
    pool.resolve(fake.answer(pool.query));
    await settle();
    expect(results().map((hit) => hit.querySelector('.title')?.textContent)).toEqual(['DNS outage']);
  });

  it('sends the filters that are set, and only those', async () => {
    const { fake } = await browseView();
    await fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'SEV1' } });
    await fireEvent.input(screen.getByLabelText('Service'), { target: { value: ' dns ' } });
    await fireEvent.input(screen.getByLabelText('Since'), { target: { value: '2023-01-01' } });
    await pause();
    expect(fake.searches().at(-1)).toEqual({ text: '', severity: 'SEV1', service: 'dns', since: '2023-01-01', limit: 50 });
    expect(results()).toHaveLength(1);

    await fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await pause();
    expect(fake.searches().at(-1)).toEqual({ text: '', limit: 50 });
  });

  it('says when nothing matches', async () => {
    const { field } = await browseView();
    await type(field, 'kubernetes');
    await pause();
    expect(results()).toHaveLength(0);
    expect(screen.getByText('No post-mortem matches.')).toBeTruthy();
  });
});

describe('reading', () => {
  it('moves through results with ↑/↓, opens one, and Escape comes back with the query kept', async () => {
    const { fake, field } = await browseView();
    await type(field, 'the');
    await pause();
    await fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(results()[0]);
    await fireEvent.keyDown(results()[0], { key: 'ArrowDown' });
    expect(document.activeElement).toBe(results()[1]);
    await fireEvent.keyDown(results()[1], { key: 'ArrowUp' });
    await fireEvent.keyDown(results()[0], { key: 'ArrowUp' });
    expect(document.activeElement).toBe(field);

    await fireEvent.keyDown(field, { key: 'ArrowDown' });
    await fireEvent.click(results()[0]);
    await settle();
    expect(fake.calls.at(-1)).toEqual(['readPostmortem', HITS[0].path]);
    const article = screen.getByRole('article', { name: 'Checkout latency on eu-west' });
    expect(article.querySelector('.postmortem p')?.textContent).toBe('The pool ran dry.');
    expect(screen.queryByText(/only its first 2 MB are shown/)).toBeNull();
    expect(screen.getByLabelText('Search post-mortems').closest('[hidden]')).not.toBeNull();

    await fireEvent.keyDown(article, { key: 'Escape' });
    await settle();
    expect(screen.queryByRole('article')).toBeNull();
    expect(field.value).toBe('the');
    expect(document.activeElement).toBe(results()[0]);
  });

  it('says when a very large post-mortem is cut short', async () => {
    await browseView();
    await fireEvent.click(results()[1]);
    await settle();
    expect(screen.getByText('This post-mortem is very large; only its first 2 MB are shown.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: /Results/ }));
    await settle();
    expect(screen.queryByRole('article')).toBeNull();
  });

  it('says why a post-mortem could not be read, and offers nothing to open', async () => {
    const fake = new FakeBrowseIpc();
    delete fake.pages[HITS[2].path];
    await browseView(fake, vi.fn());
    await fireEvent.click(results()[2]);
    await settle();
    expect(screen.getByRole('alert').textContent).toBe(`There is no post-mortem at ${HITS[2].path}.`);
    expect(screen.queryByRole('button', { name: /Open|Import/ })).toBeNull();
  });
});

describe('opening a post-mortem as an incident', () => {
  it('opens the post-mortem of an incident this laptop has', async () => {
    const opened = vi.fn();
    const { fake } = await browseView(new FakeBrowseIpc(), opened);
    await fireEvent.click(results()[0]);
    await settle();
    await fireEvent.click(screen.getByRole('button', { name: 'Open its post-mortem' }));
    await settle();
    expect(fake.calls.at(-1)).toEqual(['openPublished', HITS[0].path]);
    expect(opened).toHaveBeenCalledWith(HITS[0].id);
  });

  it('reads back a post-mortem Debrief published elsewhere, then opens it', async () => {
    const opened = vi.fn();
    const { fake } = await browseView(new FakeBrowseIpc(), opened);
    await fireEvent.click(results()[1]);
    await settle();
    await fireEvent.click(screen.getByRole('button', { name: 'Open in Debrief' }));
    await settle();
    expect(fake.calls.at(-1)).toEqual(['openPublished', HITS[1].path]);
    expect(opened).toHaveBeenCalledWith(HITS[1].id);
  });

  it('says what importing one written by hand does before it imports, and shows what needs a look', async () => {
    const fake = new FakeBrowseIpc();
    const path = HITS[2].path;
    fake.pages[path] = { page: { html: '<h1>Failover game day</h1>', truncated: false }, incident: null, on_this_laptop: false };
    fake.readBacks[path] = {
      incident: '2022-06-01-failover-game-day',
      path,
      read: true,
      created: true,
      timeline_lines_added: 4,
      key_times_added: 1,
      action_items: 2,
      contributing_factors: 1,
      open: true,
      warnings: [{ line: 7, message: '`03/04/2022 10:00` could be either day or month first; left out' }],
    };
    const opened = vi.fn();
    await browseView(fake, opened);
    await fireEvent.click(results()[2]);
    await settle();
    expect(screen.queryByRole('button', { name: /^Open/ })).toBeNull();

    await fireEvent.click(screen.getByRole('button', { name: 'Import into Debrief…' }));
    await settle();
    const note = screen.getByRole('group', { name: 'Import into Debrief' });
    expect(note.textContent).toContain('was written without Debrief');
    expect(note.textContent).toContain("takes this file's place in Browse; the file stays as it is");
    expect(document.activeElement?.textContent).toBe('Import');
    await fireEvent.click(within(note).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Import into Debrief' })).toBeNull();
    expect(fake.calls.some(([command]) => command === 'openPublished')).toBe(false);

    await fireEvent.click(screen.getByRole('button', { name: 'Import into Debrief…' }));
    await settle();
    await fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await settle();
    expect(opened).not.toHaveBeenCalled();
    const status = screen.getByText(/^Read into a new incident/).closest('[role="status"]') as HTMLElement;
    expect(status.textContent).toContain(
      'Read into a new incident: 4 timeline lines, 1 key time, 2 action items and 1 contributing factor. Some of it needs a look:',
    );
    expect(status.textContent).toContain('Line 7: `03/04/2022 10:00` could be either day or month first; left out');
    expect(screen.queryByRole('button', { name: 'Import into Debrief…' })).toBeNull();
    await fireEvent.click(within(status).getByRole('button', { name: 'Open its post-mortem' }));
    expect(opened).toHaveBeenCalledWith('2022-06-01-failover-game-day');
  });

  it('says why it could not be opened and stays in the reader', async () => {
    const fake = new FakeBrowseIpc();
    fake.readBacks[HITS[1].path] = new IpcError('invalid-input', 'nothing in `x.md` says when the incident began; nothing was imported');
    const opened = vi.fn();
    await browseView(fake, opened);
    await fireEvent.click(results()[1]);
    await settle();
    await fireEvent.click(screen.getByRole('button', { name: 'Open in Debrief' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('nothing was imported');
    expect(screen.getByRole('article')).toBeTruthy();
    expect(opened).not.toHaveBeenCalled();
  });

  it('offers nothing to open where the window cannot show incidents', async () => {
    await browseView();
    await fireEvent.click(results()[1]);
    await settle();
    expect(screen.queryByRole('button', { name: 'Open in Debrief' })).toBeNull();
  });
});

describe('action items, on this day, trends, factors', () => {
  it('lists open action items with the overdue ones flagged, and opens an incident from its title', async () => {
    const { fake } = await browseView();
    await fireEvent.click(screen.getByRole('tab', { name: 'Action items' }));
    await settle();
    const table = screen.getByRole('table', { name: 'Open action items' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0].className).toContain('overdue');
    expect(rows[0].textContent).toContain('Overdue');
    expect(rows[1].textContent).not.toContain('Overdue');

    await fireEvent.click(screen.getByLabelText('Only overdue'));
    await settle();
    expect(fake.calls.slice(-2)).toEqual([
      ['openActionItems', true],
      ['ownerRollup', true],
    ]);
    expect(within(table).getAllByRole('row')).toHaveLength(2);

    await fireEvent.click(within(table).getByRole('button', { name: 'Checkout latency on eu-west' }));
    await settle();
    expect(screen.getByRole('article', { name: 'Checkout latency on eu-west' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Action items/ })).toBeTruthy();
  });

  it('rolls open items up per owner, with the oldest overdue opening its post-mortem', async () => {
    const { fake } = await browseView();
    await fireEvent.click(screen.getByRole('tab', { name: 'Action items' }));
    await settle();
    expect(fake.calls.slice(-2)).toEqual([
      ['openActionItems', false],
      ['ownerRollup', false],
    ]);
    const table = screen.getByRole('table', { name: 'Open action items per owner' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.children].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()));
    expect(rows).toEqual([
      ['alice', '1', '1', '244 days late Alert on pool saturation (#1 of Checkout latency on eu-west, due 2024-04-01)'],
      ['No owner', '1', '0', 'Nothing overdue'],
    ]);
    expect(within(table).getAllByRole('row')[1].className).toContain('late');

    await fireEvent.click(screen.getByLabelText('Only overdue'));
    await settle();
    expect(within(screen.getByRole('table', { name: 'Open action items per owner' })).getAllByRole('row')).toHaveLength(2);

    await fireEvent.click(within(table).getByRole('button', { name: 'Checkout latency on eu-west' }));
    await settle();
    expect(fake.calls.at(-1)).toEqual(['readPostmortem', HITS[0].path]);
    expect(screen.getByRole('article', { name: 'Checkout latency on eu-west' })).toBeTruthy();
  });

  it('lists incidents from this day in earlier years, or says there were none', async () => {
    await browseView();
    const aside = screen.getByRole('complementary', { name: 'On this day' });
    await fireEvent.click(within(aside).getByRole('button', { name: 'DNS outage' }));
    await settle();
    expect(screen.getByRole('article', { name: 'DNS outage' })).toBeTruthy();

    const none = new FakeBrowseIpc();
    none.onThisDay = [];
    cleanup();
    await browseView(none);
    expect(screen.getAllByText('No incident started on this date in earlier years.')).toHaveLength(1);
  });

  it('plots trends per month or quarter as spreads with their counts, never means, and says which are too few to compare', async () => {
    const { fake } = await browseView();
    await fireEvent.click(screen.getByRole('tab', { name: 'Trends' }));
    await settle();
    expect(fake.calls.at(-1)).toEqual(['trends', 'month']);
    expect(screen.getByRole('heading', { name: 'Incidents per month' })).toBeTruthy();
    const timesHeading = 'Time to detect: the median and the middle half of incidents, in minutes';
    expect(screen.getByRole('heading', { name: timesHeading })).toBeTruthy();
    expect(screen.getByRole('img', { name: /^Bar chart of incidents per month, and of those that began outside working hours, 2024-01 to 2024-03/ })).toBeTruthy();
    const counts = screen.getByRole('table', { name: 'Incidents per month, when they began and the time spent in them' });
    expect(within(counts).getAllByRole('row').map((row) => row.textContent)).toEqual([
      'MonthIncidentsBegan outside working hoursTime in incidents',
      '2024-01211h 30m over 1 incident',
      '2024-0200—',
      '2024-0310—',
    ]);
    const times = screen.getByRole('table', { name: /^Time to detect, mitigate and resolve per month/ });
    expect(within(times).getAllByRole('row')[1].textContent).toContain('5m (middle half 2m–10m, n=2, too few to compare)');
    expect(screen.getByRole('note').textContent).toContain('2024-01, 2024-03: fewer than 5 incidents measured the time to detect');
    for (const table of screen.getAllByRole('table')) expect(table.textContent?.toLowerCase()).not.toMatch(/\bmean\b|average/);

    await fireEvent.click(screen.getByLabelText('Time to resolve'));
    await settle();
    expect(screen.getByRole('heading', { name: 'Time to resolve: the median and the middle half of incidents, in minutes' })).toBeTruthy();
    expect(screen.getByRole('note').textContent).toContain('2024-01: fewer than 5 incidents measured the time to resolve');

    await fireEvent.click(screen.getByLabelText('Per quarter'));
    await settle();
    expect(fake.calls.at(-1)).toEqual(['trends', 'quarter']);
    expect(screen.getByRole('table', { name: 'Incidents per quarter, when they began and the time spent in them' })).toBeTruthy();
  });

  it('counts incidents per contributing-factor theme over time, and opens the incidents behind a chosen theme', async () => {
    const { fake } = await browseView();
    await fireEvent.click(screen.getByRole('tab', { name: 'Factors' }));
    await settle();
    expect(fake.calls.at(-1)).toEqual(['factorTrends', 'month']);
    expect(
      screen.getByRole('img', { name: /^Line chart of the incidents naming each of the 3 most named themes per month, 2024-01 to 2024-03/ }),
    ).toBeTruthy();
    const table = screen.getByRole('table', { name: /^Incidents per theme and month/ });
    expect(within(table).getAllByRole('row').map((row) => row.textContent?.replace(/\s+/g, ''))).toEqual([
      'ThemeAll2024-012024-022024-03',
      'change0000',
      'capacity2101',
      'detection1001',
      'third-partynotateamtheme1100',
    ]);
    expect(within(table).getByRole('button', { name: 'change' })).toHaveProperty('disabled', true);
    expect(screen.getByText(/factors without\s+a theme/).textContent).toContain('One incident lists');

    await fireEvent.click(within(table).getByRole('button', { name: 'capacity' }));
    await settle();
    expect(within(table).getByRole('button', { name: 'capacity' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('img', { name: /^Bar chart of the incidents naming capacity per month/ })).toBeTruthy();
    const behind = screen.getByRole('region', { name: 'Behind capacity: 2 incidents' });
    expect(within(behind).getByText('Load or a limit went beyond what the system was sized for.')).toBeTruthy();
    expect(within(behind).getByText('Retries doubled the load')).toBeTruthy();
    await fireEvent.click(within(behind).getByRole('button', { name: /Checkout latency on eu-west/ }));
    await settle();
    expect(fake.calls.at(-1)).toEqual(['readPostmortem', HITS[0].path]);
    expect(screen.getByRole('article', { name: 'Checkout latency on eu-west' })).toBeTruthy();
    await fireEvent.keyDown(window, { key: 'Escape' });
    await settle();
    expect(screen.getByRole('region', { name: 'Behind capacity: 2 incidents' })).toBeTruthy();

    await fireEvent.click(screen.getByRole('button', { name: 'Show them' }));
    await settle();
    const unthemed = screen.getByRole('region', { name: 'Factors without a theme: 1 incident' });
    expect(within(unthemed).getByText('Nobody had run a failover')).toBeTruthy();

    await fireEvent.click(within(table).getByRole('button', { name: /third-party/ }));
    await settle();
    expect(screen.getByRole('region', { name: 'Behind third-party: 1 incident' }).textContent).toContain(
      "Not one of the team's themes",
    );

    await fireEvent.click(screen.getByLabelText('Per quarter'));
    await settle();
    expect(fake.calls.at(-1)).toEqual(['factorTrends', 'quarter']);
    expect(screen.getByRole('table', { name: /^Incidents per theme and quarter/ }).textContent).toContain('2024-Q1');
  });

  it('says when no published post-mortem lists contributing factors', async () => {
    const fake = new FakeBrowseIpc();
    fake.factors = {
      month: { periods: [], themes: [], unthemed: [] },
      quarter: { periods: [], themes: [], unthemed: [] },
    };
    await browseView(fake);
    await fireEvent.click(screen.getByRole('tab', { name: 'Factors' }));
    await settle();
    expect(screen.getByText(/No published post-mortem lists contributing factors yet/)).toBeTruthy();
  });

  it('moves between tabs with the arrow keys', async () => {
    await browseView();
    const search = screen.getByRole('tab', { name: 'Search' });
    await fireEvent.keyDown(search, { key: 'ArrowRight' });
    await settle();
    const actions = screen.getByRole('tab', { name: 'Action items' });
    expect(actions.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(actions);
    await fireEvent.keyDown(actions, { key: 'ArrowLeft' });
    expect(search.getAttribute('aria-selected')).toBe('true');
  });

  it('goes back', async () => {
    const { onback } = await browseView();
    await fireEvent.click(screen.getByRole('button', { name: '← Incidents' }));
    expect(onback).toHaveBeenCalled();
  });
});
