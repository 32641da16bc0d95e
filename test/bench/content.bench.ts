// Benchmark: the content script's main-thread work on a page with no decisions. The page has no
// scripts of its own, so the renderer's ScriptDuration (CDP Performance metrics, all worlds) is
// the content script's: parse, compile, run, and handling the worker's answer.
import { mkdirSync, writeFileSync } from 'node:fs';
import { launch } from '../e2e/harness';
import { machine } from './machine';
import { profiling, startProfile, stopProfile } from './profile';

const URL_ = 'https://github.com/acme/plain/issues/1';
const PAGE = `<!doctype html><html><head><title>A plain issue · acme/plain</title></head><body><main>
${Array.from({ length: 200 }, (_, i) => `<p>Paragraph ${i} of an issue with no decisions logged on it yet.</p>`).join('\n')}
</main></body></html>`;
const RUNS = 12;

const m = machine();
const h = await launch();
try {
  h.serve(URL_, PAGE);
  const script: number[] = [];
  const tasks: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await h.context.newPage();
    const cdp = await h.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    // BENCH_PROFILE=1: where the last run's time goes (the profile's own overhead inflates that run).
    const profile = profiling && i === RUNS - 1;
    if (profile) await startProfile(cdp);
    await page.goto(URL_);
    // The content script is done once its selection button exists and the worker has answered.
    await page.locator('decidedly-adder').waitFor({ state: 'attached' });
    await page.waitForTimeout(300);
    const { metrics } = await cdp.send('Performance.getMetrics');
    if (profile) await stopProfile(cdp, 'content');
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    script.push(metric('ScriptDuration'));
    tasks.push(metric('TaskDuration'));
    await page.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const result = {
    machine: m,
    at: new Date().toISOString(),
    runs: RUNS,
    scriptMsMedian: +median(script).toFixed(2),
    taskMsMedian: +median(tasks).toFixed(2),
    script,
    tasks,
  };
  console.log(
    `content script on a page with no decisions: ${result.scriptMsMedian} ms of script (budget 3 ms); all main-thread tasks of the page ${result.taskMsMedian} ms`,
  );
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/content.json', JSON.stringify(result, null, 2));
} finally {
  await h.close();
}
