import { defineConfig } from 'vitest/config';

// Four projects so `npm test` can run them in order and a developer can run one alone: unit (Node
// or happy-dom per file), server (PGlite and the local PostgreSQL), e2e (real Chromium) and
// e2e-firefox (real Firefox).
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          environmentOptions: { happyDOM: { settings: { enableIframePageLoading: true } } },
          setupFiles: ['test/unit/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['test/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          setupFiles: ['test/server/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          globalSetup: ['test/e2e/global-setup.ts'],
          // The browser works asynchronously (service worker, storage, frames): poll, but patiently.
          expect: { poll: { timeout: 10_000, interval: 100 } },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e-firefox',
          include: ['test/e2e-firefox/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          // Starting Firefox, installing the add-on and a sync server with its first workspace.
          hookTimeout: 180_000,
          fileParallelism: false,
          globalSetup: ['test/e2e-firefox/global-setup.ts'],
        },
      },
    ],
  },
});
