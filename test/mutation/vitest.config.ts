import { defineConfig } from 'vitest/config';

// The unit tests of the mutated layers, for Stryker: the server, e2e and Firefox projects need
// services and browsers that a mutant run should not start hundreds of times, and the UI tests
// cover none of the mutated modules. `MUTATION_TESTS` narrows the run further (a glob).
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: process.env.MUTATION_TESTS
      ? [process.env.MUTATION_TESTS]
      : ['test/unit/{core,anchoring,storage,sync,background,messaging}/**/*.test.{ts,tsx}'],
    environment: 'node',
    environmentOptions: { happyDOM: { settings: { enableIframePageLoading: true } } },
    setupFiles: ['test/unit/setup.ts'],
  },
});
