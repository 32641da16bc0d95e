// Mutation testing (`npm run test:mutation`, issue #17): plants small bugs in the modules whose
// rules matter and runs the unit tests that cover each one; a mutant that no test notices is a
// rule nobody checks. Not part of `npm test` (too slow for CI); `npm run bench` prints the score
// from the report and docs/benchmarks.md records it.
//
// Incremental: the results file is committed, so a rerun tests only the mutants whose code or
// covering tests changed.
//
// No TypeScript checker: the project's TypeScript 7 has no compiler API, which
// @stryker-mutator/typescript-checker needs. Mutants that would not type-check run anyway; the
// tests kill them or the report lists them as survivors to read.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'test/mutation/vitest.config.ts', related: true },
  plugins: ['@stryker-mutator/vitest-runner'],
  coverageAnalysis: 'perTest',
  mutate: [
    'src/core/merge.ts',
    'src/core/list-merge.ts',
    'src/core/causality.ts',
    'src/core/hlc.ts',
    'src/core/lifecycle.ts',
    'src/core/clarity.ts',
    'src/core/raci.ts',
    'src/core/salience.ts',
    'src/core/due*.ts',
    'src/core/quick-add*.ts',
    'src/core/protocol.ts',
    'src/core/export/backup.ts',
    'src/anchoring/**/*.ts',
    'src/storage/write.ts',
    'src/storage/import.ts',
    'src/storage/import-outbox.ts',
    'src/storage/due-index.ts',
    'src/sync/**/*.ts',
    'src/server/sync/**/*.ts',
    'src/server/auth*.ts',
    'src/background/senders.ts',
  ],
  incremental: true,
  incrementalFile: 'test/mutation/incremental.json',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 85, break: null },
  concurrency: 1,
  timeoutMS: 20_000,
  dryRunTimeoutMinutes: 30,
  // Stryker rewrites tsconfig.json's paths in its sandbox with the TypeScript API, which TypeScript 7
  // lacks; the tests need no tsconfig (Vitest strips the types), so point it at a file that is not there.
  tsconfigFile: 'test/mutation/no-tsconfig.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
