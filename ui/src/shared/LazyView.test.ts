import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { settle } from '../fakes/settle';
import { LazyModule } from './lazy.svelte';
import LazyView from './LazyView.svelte';

/** A view's script that loads, or fails, when the test says so. */
function script() {
  const attempts: { resolve: (text: string) => void; reject: (failure: Error) => void }[] = [];
  const module = new LazyModule(() => new Promise<string>((resolve, reject) => attempts.push({ resolve, reject })));
  return { module, attempts };
}

// The test renders what the script gave as the view; render() does not carry the generic type through.
const view = createRawSnippet((text: () => unknown) => ({ render: () => `<p>${String(text())}</p>` }));

afterEach(cleanup);

describe('a view loaded when first opened', () => {
  it('says it is opening while its script loads, then shows the view', async () => {
    const { module, attempts } = script();
    render(LazyView, { module, name: 'Browse', children: view });
    await settle();
    expect(screen.getByRole('status').textContent).toBe('Opening Browse…');
    attempts[0].resolve('the browse view');
    await settle();
    expect(screen.getByText('the browse view')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says what failed when its script does not load, and loads it on Try again', async () => {
    const { module, attempts } = script();
    render(LazyView, { module, name: 'the post-mortem', children: view });
    await settle();
    attempts[0].reject(new TypeError('Importing a module script failed.'));
    await settle();
    const alert = screen.getByRole('alert').textContent ?? '';
    expect(alert).toContain('The post-mortem could not be opened');
    expect(alert).toContain('Importing a module script failed.');
    expect(alert).toContain('Your incidents, timelines and drafts are as they were.');

    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('status').textContent).toBe('Opening the post-mortem…');
    attempts[1].resolve('the draft view');
    await settle();
    expect(screen.getByText('the draft view')).toBeTruthy();
  });

  it('shows a view loaded before at once, without loading it again', async () => {
    const { module, attempts } = script();
    void module.load();
    attempts[0].resolve('settings');
    await settle();
    render(LazyView, { module, name: 'Settings', children: view });
    expect(screen.getByText('settings')).toBeTruthy();
    expect(attempts).toHaveLength(1);
  });
});
