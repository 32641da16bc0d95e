// Anchoring benchmark in real Chromium (DESIGN §7: 200 decisions on a 1 MB-text page ≤ 60 ms, no
// long task), plus accuracy after random edits. Run: `npx tsx test/bench/anchoring.bench.ts`.
// Every pass is traced, so each figure comes as wall time and as main-thread CPU time: on a loaded
// machine the first includes waiting for a core, the second is the work itself. Both are reported.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type Judged, type Pass, summarise } from './anchoring/bench-report';
import { type Tasks, tasksIn } from './anchoring/trace-tasks';

const DECISIONS = 200;
const TEXT_CHARS = 1_000_000;
const RUNS = 7;

/** Bundles a file given relative to this one, whatever the working directory. */
async function bundle(entry: string, globalName?: string): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName,
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

/** Runs `expression` (a promise-returning page call) under a trace; returns its value and its tasks. */
async function traced<T>(
  browser: Browser,
  page: Page,
  expression: string,
): Promise<{ value: T; tasks: Tasks }> {
  await browser.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline'] });
  const value = (await page.evaluate(expression)) as T;
  return { value, tasks: tasksIn(await browser.stopTracing()) };
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><head><title>bench</title></head><body></body></html>');
    await page.addScriptTag({ content: await bundle('../../src/anchoring/index.ts', 'DecidedlyAnchoring') });
    await page.addScriptTag({ content: await bundle('./anchoring/page.ts') });

    const shape = (await page.evaluate(`window.bench.build(${TEXT_CHARS})`)) as Record<string, number>;
    await page.evaluate(`window.bench.pickQuotes(${DECISIONS})`);
    const calibration = await traced<number>(browser, page, 'window.bench.calibrate()');
    const describe = await traced<number>(browser, page, 'window.bench.describeOnce()');
    const pass = async (): Promise<Pass> => {
      const { value, tasks } = await traced<Pick<Pass, 'ms' | 'longTasks'>>(
        browser,
        page,
        'window.bench.anchorPass()',
      );
      return { ...value, ...((await page.evaluate('window.bench.judgeLast()')) as Judged), tasks };
    };
    const unchanged: Pass[] = [];
    for (let i = 0; i < RUNS; i++) unchanged.push(await pass());
    const edits = await page.evaluate('window.bench.edit()');
    const edited = [await pass(), await pass()];
    const result = summarise({
      decisions: DECISIONS,
      page: shape,
      describe: { ms: describe.value, cpuMs: describe.tasks.cpuMs },
      unchanged,
      edits,
      edited,
    });
    const machine = {
      cpus: cpus().length,
      loadAverage: loadavg().map((n) => Number(n.toFixed(2))),
      calibrationCpuMs: Number(calibration.tasks.cpuMs.toFixed(1)),
    };
    const report = { date: new Date().toISOString(), browser: browser.version(), machine, ...result.json };
    console.log(
      `Anchoring bench, Chromium ${report.browser}, ${machine.cpus} CPUs, load ${machine.loadAverage.join(' ')}`,
    );
    for (const line of result.lines) console.log(`  ${line}`);
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/anchoring.json', `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await browser.close();
  }
}

await main();
