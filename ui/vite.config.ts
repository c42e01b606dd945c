import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

// The Tauri window loads the dev server in development and ui/dist, embedded in the
// binary, everywhere else. Tests run in jsdom with Svelte's browser build.
export default defineConfig({
  plugins: [svelte({ configFile: false }), svelteTesting()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { outDir: 'dist', emptyOutDir: true },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
  },
});
