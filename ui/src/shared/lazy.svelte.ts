// The views a person may not open at all during an outage (the post-mortem with its
// editor, browse with its plots, imports, settings) are separate scripts, loaded the
// first time they are opened, so the capture line comes up from a script that holds
// only what it needs. A view stays loaded once it has been; one that fails to load
// says so and can be tried again.

export class LazyModule<T> {
  /** What the script gives, once loaded. */
  loaded = $state.raw<T | null>(null);
  /** Why loading failed, until it is tried again. */
  failure = $state.raw<string | null>(null);
  readonly #load: () => Promise<T>;
  #loading = false;

  constructor(load: () => Promise<T>) {
    this.#load = load;
  }

  /** Loads the script unless it is loaded or loading. */
  async load(): Promise<void> {
    if (this.loaded !== null || this.#loading) return;
    this.#loading = true;
    this.failure = null;
    try {
      this.loaded = await this.#load();
    } catch (failure) {
      this.failure = failure instanceof Error ? failure.message : String(failure);
    } finally {
      this.#loading = false;
    }
  }
}
