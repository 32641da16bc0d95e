// `npm test`: everything a reviewer would run — types, lint, unit, server integration (PGlite and
// PostgreSQL), the Chromium build with end-to-end tests, the Firefox build, web-ext lint and the
// end-to-end tests in Firefox.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findBrowser, HOW_TO_INSTALL } from './browser.mjs';

const browser = findBrowser();
if (!browser) {
  console.error(`${HOW_TO_INSTALL}\nThe end-to-end tests need it.`);
  process.exit(1);
}
const env = { ...process.env, CHROME_PATH: browser };
mkdirSync('test-results', { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

function run(name, cmd, args, extraEnv = {}) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (result.status !== 0) failedSteps.push(name);
  return result.status === 0;
}

function vitest(project, extraEnv = {}) {
  const out = `test-results/${project}.json`;
  rmSync(out, { force: true });
  run(
    `${project} tests`,
    'npx',
    [
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ],
    extraEnv,
  );
  try {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
  } catch {
    totals.failed += 1;
  }
}

run('typecheck', 'npx', ['tsc', '--noEmit']);
run('lint', 'npx', ['biome', 'check', '.']);
vitest('unit');
vitest('server');
// The e2e project's global setup builds dist/ first.
vitest('e2e');
const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
if (run('firefox build', 'npx', ['vite', 'build', '--mode', 'firefox', '--logLevel', 'warn'])) {
  run('web-ext lint', 'npx', [
    'web-ext',
    'lint',
    '--source-dir',
    'dist-firefox',
    '--self-hosted',
    '--no-config-discovery',
  ]);
  if (existsSync(firefox)) {
    // The build above is the one tested.
    vitest('e2e-firefox', { DECIDEDLY_SKIP_BUILD: '1' });
  } else {
    console.error(`\n✗ No Firefox at ${firefox}: apt-get install -y firefox-esr (or set FIREFOX_PATH).`);
    failedSteps.push('e2e-firefox tests (no Firefox)');
  }
}

console.log('');
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(', ')}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
