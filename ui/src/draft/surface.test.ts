import { describe, expect, it } from 'vitest';
import { EditorState, Text, Transaction } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { findPrompts, findRegions, touchesRegion, writingSurface } from './surface';

const DRAFT = [
  '## Summary',
  '<!-- How would you tell a colleague what happened? -->',
  '',
  '## Timeline',
  '<!-- How did the incident unfold? -->',
  '<!-- debrief:timeline -->',
  '',
  '| Time | What |',
  '| --- | --- |',
  '| 14:05 | Rolled back |',
  '',
  '<!-- /debrief:timeline 0123456789abcdef -->',
  '',
  '## Impact',
  '<!-- How were customers affected? -->',
  'About 400 checkouts failed.',
  '',
].join('\n');

describe('the writing surface', () => {
  it('finds the regions with their marker lines', () => {
    const doc = Text.of(DRAFT.split('\n'));
    const [region] = findRegions(doc);
    expect(region.name).toBe('timeline');
    expect(DRAFT.slice(region.startMarker.from, region.startMarker.to)).toBe('<!-- debrief:timeline -->');
    expect(DRAFT.slice(region.endMarker.from, region.endMarker.to)).toBe('<!-- /debrief:timeline 0123456789abcdef -->');
  });

  it('keeps a prompt as a placeholder until its section has text', () => {
    const doc = Text.of(DRAFT.split('\n'));
    const prompts = findPrompts(doc, findRegions(doc));
    expect(prompts.map((prompt) => [prompt.text, prompt.answered])).toEqual([
      ['How would you tell a colleague what happened?', false],
      ['How did the incident unfold?', false],
      ['How were customers affected?', true],
    ]);
  });

  it('refuses the author changes inside a region or glued to its end marker, and allows writing around it', () => {
    const doc = Text.of(DRAFT.split('\n'));
    const regions = findRegions(doc);
    const [region] = regions;
    const inside = DRAFT.indexOf('Rolled back');
    expect(touchesRegion(regions, inside, inside + 6, '')).toBe(true);
    expect(touchesRegion(regions, inside, inside, 'x')).toBe(true);
    expect(touchesRegion(regions, region.to, region.to, 'text')).toBe(true);
    expect(touchesRegion(regions, region.to, region.to, '\nNew line')).toBe(false);
    expect(touchesRegion(regions, region.from, region.from, 'Before\n')).toBe(false);
    const impact = DRAFT.indexOf('About 400');
    expect(touchesRegion(regions, impact, impact + 5, 'Some')).toBe(false);
  });

  it('in an editor: a region cannot be edited by the author, the core can refresh it, and the text is unchanged', () => {
    const view = new EditorView({ state: EditorState.create({ doc: DRAFT, extensions: [writingSurface()] }) });
    const inside = DRAFT.indexOf('Rolled back');
    view.dispatch({ changes: { from: inside, to: inside + 6, insert: 'Broke' }, userEvent: 'input' });
    expect(view.state.doc.toString()).toBe(DRAFT);
    // The core refreshing the region, as the session applies it: outside the undo history.
    view.dispatch({ changes: { from: inside, to: inside + 11, insert: 'Rolled back the deploy' }, annotations: Transaction.addToHistory.of(false) });
    expect(view.state.doc.toString()).toBe(DRAFT.replace('Rolled back', 'Rolled back the deploy'));
    expect(view.dom.querySelector('.cm-region-label')?.textContent).toContain('correct lines in Capture');
    expect(view.dom.textContent).not.toContain('<!-- debrief:timeline -->');
    expect(view.dom.querySelector('.cm-prompt')?.textContent).toBe('How would you tell a colleague what happened?');
    expect(view.dom.textContent).not.toContain('How were customers affected?');
    view.destroy();
  });
});
