// Decision log benchmark (`npx tsx test/bench/log.bench.ts`; `npm run bench` runs it too):
// 1. in Node, over 10,000 decisions: deriving the entries (the search index), search per keystroke,
//    each filter and combinations, sorting and grouping, and the matrix, map and timeline data;
// 2. in real Chromium with the built extension, seeded through the service worker: time to the
//    first rendered rows of the log page (a performance mark), search from keystroke to rendered
//    rows, and frame intervals while scrolling the windowed list.
// Prints the figures and writes bench-results/log.json.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildEntries,
  buildTimeline,
  chainIndex,
  filterEntries,
  type LogData,
  type LogFilters,
  listRows,
  NO_FILTERS,
  raciMatrix,
  sortEntries,
  stakeholderMap,
} from '../../src/core/log';
import { DIST, launch } from '../e2e/harness';
import { bigLog } from '../unit/core/log/big-log';
import { machine } from './machine';

const N = 10_000;
const TZ = 'UTC';

interface Stat {
  median: number;
  p95: number;
  max: number;
  runs: number;
}

function stat(times: number[]): Stat {
  const s = [...times].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  const r = (x: number) => Math.round(x * 100) / 100;
  return { median: r(at(0.5)), p95: r(at(0.95)), max: r(s.at(-1) ?? 0), runs: s.length };
}

function time(fn: () => unknown, runs = 15): Stat {
  fn(); // warm-up: the first call pays for compilation, not for the work
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return stat(times);
}

const show = (label: string, s: Stat) =>
  console.log(
    `  ${label.padEnd(46)} median ${s.median.toFixed(2).padStart(8)} ms   p95 ${s.p95.toFixed(2).padStart(8)} ms`,
  );

function nodeFigures(data: LogData) {
  console.log(`\nNode, ${N} decisions, ${data.roles.length} roles, ${data.followUps.length} follow-ups:`);
  const out: Record<string, Stat> = {};
  const record = (key: string, s: Stat) => {
    out[key] = s;
    show(key, s);
  };
  record(
    'derive entries + search index',
    time(() => buildEntries(data), 8),
  );
  const entries = buildEntries(data);
  const sorted = sortEntries(entries, 'updated');
  const person = data.stakeholders[3]?.id ?? '';
  const run = (f: Partial<LogFilters>) => () =>
    filterEntries(sorted, { ...NO_FILTERS, ...f }, Date.now(), TZ);
  // Typing "checkout latency" one key at a time: each keystroke filters the whole log.
  const typed = 'checkout latency';
  const keystrokes: number[] = [];
  for (let i = 1; i <= typed.length; i += 1) keystrokes.push(time(run({ q: typed.slice(0, i) }), 10).median);
  record('search, per keystroke (worst median of 16)', stat([Math.max(...keystrokes)]));
  record('search "redis" (one word)', time(run({ q: 'redis' })));
  record('search with no match (full scan)', time(run({ q: 'zzzzqq' })));
  record('search phrase "cache latency"', time(run({ q: '"cache latency"' })));
  for (const gap of ['no-accountable', 'unheard', 'opposed', 'review-overdue', 'no-next-step'] as const)
    record(`filter gap ${gap}`, time(run({ gaps: [gap] })));
  record('filter status + site + tag', time(run({ status: ['decided'], site: 'jira', tags: ['redis'] })));
  record('filter person + role C + stance unknown', time(run({ person, role: 'C', stance: 'unknown' })));
  record('filter date range', time(run({ from: '2023-03-01', to: '2023-06-30' })));
  record(
    'filter combined (open, gaps, search)',
    time(run({ open: true, gaps: ['unheard', 'no-next-step'], q: 'sync' })),
  );
  record(
    'sort by due date',
    time(() => sortEntries(entries, 'due'), 8),
  );
  record(
    'list rows grouped by page',
    time(() => listRows(sorted, 'page'), 8),
  );
  record(
    'list rows grouped by tag',
    time(() => listRows(sorted, 'tag'), 8),
  );
  record(
    'RACI matrix (all decisions, 60 columns)',
    time(() => raciMatrix(sorted), 8),
  );
  record(
    'stakeholder map (all decisions)',
    time(() => stakeholderMap(sorted), 8),
  );
  const index = chainIndex(entries);
  record(
    'timeline chain index',
    time(() => chainIndex(entries), 8),
  );
  record(
    'timeline (all decisions)',
    time(() => buildTimeline(index, sorted, 'Europe/Berlin'), 8),
  );
  return out;
}

type Rows = Record<string, unknown[]>;

async function browserFigures(data: LogData) {
  if (!existsSync(join(DIST, 'manifest.json')) || process.env.DECIDEDLY_BENCH_BUILD === '1')
    execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
  const h = await launch();
  try {
    const started = performance.now();
    const tables: Rows = { ...data };
    for (const [table, rows] of Object.entries(tables)) {
      for (let i = 0; i < rows.length; i += 5000) {
        await h.worker.evaluate(
          async ({ table, rows }) => {
            const d = (
              globalThis as unknown as {
                decidedly: { db(): Record<string, { bulkPut(r: unknown[]): Promise<unknown> }> };
              }
            ).decidedly;
            await d.db()[table]?.bulkPut(rows);
          },
          { table, rows: rows.slice(i, i + 5000) },
        );
      }
    }
    console.log(`  (seeded in ${Math.round(performance.now() - started)} ms)`);
    const firstRows: number[] = [];
    const complete: number[] = [];
    let rendered = 0;
    for (let run = 0; run < 3; run += 1) {
      const page = await h.context.newPage();
      await page.goto(h.extensionUrl('log'));
      await page.waitForFunction(
        () => performance.getEntriesByName('decidedly:log:complete').length > 0,
        null,
        {
          timeout: 120_000,
        },
      );
      const marks = await page.evaluate(() =>
        ['first-rows', 'complete'].map(
          (m) => performance.getEntriesByName(`decidedly:log:${m}`)[0]?.startTime ?? 0,
        ),
      );
      firstRows.push(marks[0] ?? 0);
      complete.push(marks[1] ?? 0);
      rendered = await page.locator('li.vrow').count();
      console.log(
        `  (run ${run + 1}: first rows at ${Math.round(marks[0] ?? 0)} ms, all at ${Math.round(marks[1] ?? 0)} ms)`,
      );
      await page.close();
    }
    const page = await h.context.newPage();
    await page.goto(h.extensionUrl('log'));
    await page.waitForFunction(
      () => performance.getEntriesByName('decidedly:log:complete').length > 0,
      null,
      {
        timeout: 120_000,
      },
    );
    // Keystroke to committed DOM: Preact renders in a microtask, so the next task sees the result.
    const search = await page.evaluate(async (typed: string) => {
      const input = document.querySelector<HTMLInputElement>('input[type="search"]') as HTMLInputElement;
      const times: number[] = [];
      for (let i = 1; i <= typed.length; i += 1) {
        const t = performance.now();
        input.value = typed.slice(0, i);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((resolve) => setTimeout(resolve));
        times.push(performance.now() - t);
      }
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return times;
    }, 'checkout latency');
    await page.locator('li.vrow').nth(5).waitFor({ state: 'attached' });
    // Scrolling: move the list `step` px a frame for 120 frames and record the frame intervals;
    // step 0 is the page's idle frame rate, the floor every other figure sits on.
    const scroll = (step: number) =>
      page.evaluate(async (step: number) => {
        const list = document.querySelector('.vlist') as HTMLElement;
        const intervals: number[] = [];
        let last = performance.now();
        for (let i = 0; i < 120; i += 1) {
          list.scrollTop += step;
          await new Promise(requestAnimationFrame);
          const now = performance.now();
          intervals.push(now - last);
          last = now;
        }
        return { intervals, rows: list.querySelectorAll('li.vrow').length };
      }, step);
    const idle = await scroll(0);
    const wheel = await scroll(120);
    const frames = await scroll(600);
    await page.close();
    const out = {
      firstRenderedRowsMs: stat(firstRows),
      allDecisionsRenderedMs: stat(complete),
      rowsInDom: rendered,
      searchKeystrokeToDomMs: stat(search),
      idleFrameIntervalMs: stat(idle.intervals),
      wheelScrollFrameIntervalMs: stat(wheel.intervals),
      scrollFrameIntervalMs: stat(frames.intervals),
      scrollFramesOver50ms: frames.intervals.filter((x) => x > 50).length,
      rowsInDomWhileScrolling: frames.rows,
    };
    console.log(`\nChromium (built extension, ${N} decisions seeded through the service worker):`);
    show('first rendered rows (from navigation start)', out.firstRenderedRowsMs);
    show('all 10,000 loaded, derived and rendered', out.allDecisionsRenderedMs);
    console.log(`  ${'rows in the DOM of 10,000'.padEnd(46)} ${rendered}`);
    show('search, keystroke to rendered rows', out.searchKeystrokeToDomMs);
    show('idle frame interval (no scrolling)', out.idleFrameIntervalMs);
    show('scroll frame interval (120 frames × 120 px)', out.wheelScrollFrameIntervalMs);
    show('scroll frame interval (120 frames × 600 px)', out.scrollFrameIntervalMs);
    console.log(`  ${'scroll frames over 50 ms'.padEnd(46)} ${out.scrollFramesOver50ms} of 120`);
    return out;
  } finally {
    await h.close();
  }
}

const m = machine();
const data = bigLog(N);
const node = nodeFigures(data);
let browser: unknown;
try {
  browser = await browserFigures(data);
} catch (error) {
  browser = { error: error instanceof Error ? error.message : String(error) };
  console.log(`\nChromium figures failed: ${(browser as { error: string }).error}`);
}
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/log.json',
  JSON.stringify(
    {
      decisions: N,
      machine: m,
      node,
      browser,
      at: new Date().toISOString(),
    },
    null,
    2,
  ),
);
console.log('\nWrote bench-results/log.json');
