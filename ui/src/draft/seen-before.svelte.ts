// "Seen before" beside the draft: the past post-mortems most like this incident, why each
// matched, and the action items earlier incidents on its services left open, from the
// local index of the shared repository. It asks again when the incident's services change
// or the author asks; a match opens read-only, as in Browse, while the draft stays as it is.

import { asIpcError, ipc as defaultIpc } from '../ipc';
import type { EarlierActionItem, Ipc, IpcError, SeenBefore, SimilarPostmortem } from '../ipc';
import type { Reading } from '../browse/browse.svelte';

/** What the panel calls: what its tests fake. */
export type SeenBeforeIpc = Pick<Ipc, 'seenBefore' | 'readPostmortem'>;

/** `2026-03-02 · SEV2`, or `undated`. */
export function describeMatch(found: SimilarPostmortem): string {
  return [found.date ?? 'undated', found.severity].filter(Boolean).join(' · ');
}

/** `carol · detective` for an item with an owner and a type. */
export function describeItem(item: EarlierActionItem): string {
  return [item.owner ?? 'no owner', item.type].filter(Boolean).join(' · ');
}

export class SeenBeforeSession {
  readonly id: string;
  seen = $state.raw<SeenBefore | null>(null);
  error = $state.raw<IpcError | null>(null);
  loading = $state(false);
  /** The past post-mortem open in the reader, if any. */
  reading = $state.raw<Reading | null>(null);

  #ipc: SeenBeforeIpc;
  #serial = 0;
  #readSerial = 0;

  constructor(id: string, api: SeenBeforeIpc = defaultIpc) {
    this.id = id;
    this.#ipc = api;
  }

  /** Asks the index again; an answer overtaken by a newer question is dropped. */
  async load(): Promise<void> {
    const serial = ++this.#serial;
    this.loading = true;
    try {
      const seen = await this.#ipc.seenBefore(this.id);
      if (serial !== this.#serial) return;
      this.seen = seen;
      this.error = null;
    } catch (failure) {
      if (serial !== this.#serial) return;
      this.error = asIpcError(failure);
    }
    this.loading = false;
  }

  async read(path: string, title: string): Promise<void> {
    const serial = ++this.#readSerial;
    const unread = { path, title, page: null, error: null, opening: false, readBack: null, openError: null };
    this.reading = unread;
    try {
      const page = await this.#ipc.readPostmortem(path);
      if (serial === this.#readSerial) this.reading = { ...unread, page };
    } catch (failure) {
      if (serial === this.#readSerial) this.reading = { ...unread, error: asIpcError(failure) };
    }
  }

  closeReader(): void {
    this.#readSerial += 1;
    this.reading = null;
  }
}
