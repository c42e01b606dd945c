// The draft as a writing surface, not a source file. The Markdown keeps Debrief's marker
// comments around the generated regions (key times, timeline, action items, participants,
// links) and the template's "how" prompts as HTML comments; in the editor the markers never
// show and cannot be half-deleted, a generated region reads as a block with where to correct
// its source, and a prompt shows as a placeholder until its section has text. The text on
// disk is exactly what it was: only how it is shown changes.

import { EditorState, RangeSetBuilder, StateField, Transaction } from '@codemirror/state';
import type { Extension, Text } from '@codemirror/state';
import { Decoration, EditorView, WidgetType } from '@codemirror/view';
import type { DecorationSet } from '@codemirror/view';

/** A generated region: its marker lines and what lies between them (string indices). */
export interface GeneratedRegion {
  name: string;
  /** The start of the start marker's line, and the end of the end marker's line. */
  from: number;
  to: number;
  startMarker: { from: number; to: number };
  endMarker: { from: number; to: number };
}

/** A template prompt: a line that is one HTML comment, and whether its section is written yet. */
export interface Prompt {
  from: number;
  to: number;
  text: string;
  answered: boolean;
}

const START = /^<!-- debrief:([a-z-]+) -->$/;
const END = /^<!-- \/debrief:([a-z-]+) [0-9a-f]+ -->$/;
const COMMENT = /^<!--\s*([\s\S]*?)\s*-->$/;

/** Where each region's source is corrected, as the label above it says. */
const SOURCES: Record<string, string> = {
  'key-times': 'Key times, from the timeline: correct them in the key times form below or in Capture (Alt+1)',
  timeline: 'Timeline, from what was captured: correct lines in Capture (Alt+1)',
  'action-items': 'Action items: edit them in the action items form below',
  participants: 'Participants, from the facts: edit them under Facts',
  links: 'Links, from the facts: edit them under Facts',
};

interface Line {
  from: number;
  to: number;
  text: string;
}

function lines(doc: Text): Line[] {
  const found: Line[] = [];
  for (let number = 1; number <= doc.lines; number += 1) {
    const line = doc.line(number);
    found.push({ from: line.from, to: line.to, text: line.text });
  }
  return found;
}

/** The generated regions of a document whose start and end markers both stand on their own lines. */
export function findRegions(doc: Text): GeneratedRegion[] {
  const regions: GeneratedRegion[] = [];
  let open: { name: string; line: Line } | null = null;
  for (const line of lines(doc)) {
    const text = line.text.trimEnd();
    const start = START.exec(text);
    if (start && start[1] !== 'required' && start[1] !== 'template') {
      open = { name: start[1], line };
      continue;
    }
    const end = END.exec(text);
    if (end && open && end[1] === open.name) {
      regions.push({
        name: open.name,
        from: open.line.from,
        to: line.to,
        startMarker: { from: open.line.from, to: open.line.to },
        endMarker: { from: line.from, to: line.to },
      });
      open = null;
    }
  }
  return regions;
}

/**
 * The template's prompts: comment lines in a section, outside regions. A section is answered
 * once it has a line that is neither blank, a comment, a heading nor part of a region.
 */
export function findPrompts(doc: Text, regions: GeneratedRegion[]): Prompt[] {
  const inRegion = (at: number) => regions.some((region) => at >= region.from && at <= region.to);
  const prompts: Prompt[] = [];
  let section: { prompts: Prompt[]; written: boolean } = { prompts: [], written: false };
  const close = () => {
    for (const prompt of section.prompts) prompts.push({ ...prompt, answered: section.written });
  };
  for (const line of lines(doc)) {
    const text = line.text.trim();
    if (/^#{1,6}\s/.test(text)) {
      close();
      section = { prompts: [], written: false };
      continue;
    }
    if (inRegion(line.from) || text === '') continue;
    const comment = COMMENT.exec(text);
    if (comment && !comment[1].startsWith('debrief:')) {
      section.prompts.push({ from: line.from, to: line.to, text: comment[1], answered: false });
    } else if (!comment) {
      section.written = true;
    }
  }
  close();
  return prompts;
}

class RegionLabel extends WidgetType {
  constructor(readonly name: string) {
    super();
  }

  eq(other: RegionLabel): boolean {
    return other.name === this.name;
  }

  toDOM(): HTMLElement {
    const label = document.createElement('div');
    label.className = 'cm-region-label';
    label.dataset.region = this.name;
    label.textContent = SOURCES[this.name] ?? `${this.name}, written by Debrief`;
    return label;
  }
}

class PromptPlaceholder extends WidgetType {
  constructor(readonly text: string) {
    super();
  }

  eq(other: PromptPlaceholder): boolean {
    return other.text === this.text;
  }

  toDOM(): HTMLElement {
    const placeholder = document.createElement('div');
    placeholder.className = 'cm-prompt';
    placeholder.textContent = this.text;
    return placeholder;
  }
}

interface Surface {
  decorations: DecorationSet;
  /** Ranges the cursor steps over whole: marker lines and prompts. */
  atomic: DecorationSet;
  regions: GeneratedRegion[];
}

function build(state: EditorState): Surface {
  const regions = findRegions(state.doc);
  const prompts = findPrompts(state.doc, regions);
  const hidden: { from: number; to: number; decoration: Decoration }[] = [];
  for (const region of regions) {
    hidden.push({
      from: region.startMarker.from,
      to: region.startMarker.to,
      decoration: Decoration.replace({ widget: new RegionLabel(region.name), block: true }),
    });
    hidden.push({ from: region.endMarker.from, to: region.endMarker.to, decoration: Decoration.replace({ block: true }) });
  }
  for (const prompt of prompts) {
    hidden.push({
      from: prompt.from,
      to: prompt.to,
      decoration: prompt.answered
        ? Decoration.replace({ block: true })
        : Decoration.replace({ widget: new PromptPlaceholder(prompt.text), block: true }),
    });
  }
  const generated: { from: number; decoration: Decoration }[] = [];
  for (const region of regions) {
    for (let at = state.doc.lineAt(region.startMarker.to + 1).from; at < region.endMarker.from; ) {
      const line = state.doc.lineAt(at);
      generated.push({ from: line.from, decoration: Decoration.line({ class: 'cm-generated' }) });
      at = line.to + 1;
    }
  }
  const all = [
    ...hidden.map((item) => ({ ...item, line: false })),
    ...generated.map((item) => ({ ...item, to: item.from, line: true })),
  ].sort((a, b) => a.from - b.from || Number(b.line) - Number(a.line));
  const decorations = new RangeSetBuilder<Decoration>();
  for (const item of all) decorations.add(item.from, item.to, item.decoration);
  const atomic = new RangeSetBuilder<Decoration>();
  for (const item of hidden.sort((a, b) => a.from - b.from)) atomic.add(item.from, item.to, item.decoration);
  return { decorations: decorations.finish(), atomic: atomic.finish(), regions };
}

const surface = StateField.define<Surface>({
  create: build,
  update: (value, transaction) => (transaction.docChanged ? build(transaction.state) : value),
  provide: (field) => [
    EditorView.decorations.from(field, (value) => value.decorations),
    EditorView.atomicRanges.of((view) => view.state.field(field).atomic),
  ],
});

/**
 * Whether the author's change would touch a generated region or its markers: those come from
 * the timeline, the facts and the forms. Typing right before a region or right after it (on a
 * new line) is writing; the core refreshing a region is not the author's change.
 */
export function touchesRegion(regions: GeneratedRegion[], from: number, to: number, inserted: string): boolean {
  return regions.some((region) => {
    if (from === to) {
      // An insertion: inside, or glued onto the end marker's line.
      return (from > region.from && from < region.to) || (from === region.to && inserted !== '' && !inserted.startsWith('\n'));
    }
    return from < region.to && to > region.from;
  });
}

const regionsStayWhole = EditorState.changeFilter.of((transaction: Transaction) => {
  if (transaction.annotation(Transaction.addToHistory) === false) return true;
  const regions = transaction.startState.field(surface).regions;
  let allowed = true;
  transaction.changes.iterChanges((from, to, _fromB, _toB, inserted) => {
    if (touchesRegion(regions, from, to, inserted.toString())) allowed = false;
  });
  return allowed;
});

const look = EditorView.theme({
  '.cm-region-label': {
    fontFamily: 'system-ui, sans-serif',
    fontSize: '0.78rem',
    color: 'var(--muted)',
    padding: '0.1rem 0.9rem',
    borderLeft: '3px solid var(--border)',
    marginLeft: '0.9rem',
  },
  '.cm-generated': {
    color: 'var(--muted)',
    borderLeft: '3px solid var(--border)',
    marginLeft: '0.9rem',
    paddingLeft: '0.6rem',
  },
  '.cm-prompt': {
    fontFamily: 'system-ui, sans-serif',
    fontStyle: 'italic',
    color: 'var(--muted)',
    padding: '0 0.9rem',
  },
});

/** The editor's writing surface: markers hidden, regions read-only, prompts as placeholders. */
export function writingSurface(): Extension {
  return [surface, regionsStayWhole, look];
}
