// jsdom has no layout: give Svelte's size bindings an observer that never fires.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
