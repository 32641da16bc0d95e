// Sidebar benchmark (`npx tsx test/bench/sidebar.bench.ts`; `npm run bench` runs it too): real
// Chromium with the built extension and a workspace of 10,000 decisions (due-data.ts, seeded
// through the service worker), 6 of them on the demo Jira issue. Budget (DESIGN §7): the sidebar
// painted ≤ 150 ms after the toggle. Each run opens the issue in a fresh tab, waits for its
// highlights, then gives the toggle command to the worker (as the shortcut does) and reads, in the
// sidebar frame, when its list was committed and when the frame showing it had painted. Times from
// different processes are compared on the shared clock (timeOrigin + startTime).
// Prints the figures and writes bench-results/sidebar.json.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { DIST, launch, sidebarFrame } from '../e2e/harness';
import { dueWorkspace } from './due-data';
import { machine, type Stat, stat } from './machine';

const BUDGET_MS = 150;
const RUNS = 8;
const JIRA = 'https://acme.atlassian.net/browse/ACME-7';
const QUOTES = [
  'We decided to move session storage to Redis, with a 30-minute sliding expiry.',
  'Sticky sessions go away in the same release',
  'Signed cookies would cap us at 4 KB',
  'roughly 2 ms added to each authenticated request',
  'the Redis instance is private to the VPC',
  'Support logged 212 tickets about it last month',
];

type Debug = {
  decidedly: {
    db(): Record<string, { bulkPut(r: unknown[]): Promise<unknown> }>;
    writeContext(): Promise<unknown>;
    notifyDataChanged(): Promise<void>;
    onCommand(c: string): Promise<void>;
    repo: { createDecision(ctx: unknown, fields: object, anchor: object): Promise<string> };
  };
};

const show = (label: string, s: Stat, budget = false) =>
  console.log(
    `  ${label.padEnd(54)} median ${s.median.toFixed(1).padStart(7)} ms   p95 ${s.p95.toFixed(1).padStart(7)} ms${
      budget ? (s.median <= BUDGET_MS ? '   within budget' : `   OVER the ${BUDGET_MS} ms budget`) : ''
    }`,
  );

/** A mark of the sidebar frame on the shared clock, once it exists. */
const markAt = (frame: Frame, name: string) =>
  frame
    .waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout: 30_000 })
    .then(() =>
      frame.evaluate(
        (n) => performance.timeOrigin + (performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN),
        name,
      ),
    );

const m = machine();
if (!existsSync(join(DIST, 'manifest.json')) || process.env.DECIDEDLY_BENCH_BUILD === '1')
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
const { rows } = dueWorkspace(Date.now());
const h = await launch();
try {
  for (const [table, list] of Object.entries(rows))
    for (let i = 0; i < list.length; i += 2000)
      await h.worker.evaluate(
        async ({ table, rows }) => {
          await (globalThis as unknown as Debug).decidedly.db()[table]?.bulkPut(rows);
        },
        { table, rows: list.slice(i, i + 2000) },
      );
  await h.worker.evaluate(
    async ({ url, quotes }) => {
      const d = (globalThis as unknown as Debug).decidedly;
      const ctx = await d.writeContext();
      for (const [i, quote] of quotes.entries())
        await d.repo.createDecision(
          ctx,
          { title: `Page decision ${i + 1}`, rationale: 'Seeded by the sidebar benchmark.' },
          {
            pageKey: 'jira:acme.atlassian.net:ACME-7',
            url,
            pageTitle: 'ACME-7 · Fix the login timeout during checkout',
            site: 'jira',
            selectors: {
              quote: { exact: quote, prefix: '', suffix: '' },
              position: { start: 0, end: quote.length },
            },
          },
        );
      await d.notifyDataChanged();
    },
    { url: JIRA, quotes: QUOTES },
  );
  const committed: number[] = [];
  const painted: number[] = [];
  const reopened: number[] = [];
  const breakdown: Record<string, number>[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(JIRA);
    await page.locator('decidedly-adder').waitFor({ state: 'attached' });
    await page.waitForFunction(() => CSS.highlights.size > 0, null, { timeout: 30_000 });
    await page.bringToFront();
    const toggle = () =>
      h.worker.evaluate(async () => {
        const t = performance.timeOrigin + performance.now();
        await (globalThis as unknown as Debug).decidedly.onCommand('toggle-sidebar');
        return t;
      });
    const t0 = await toggle();
    const frame = await sidebarFrame(page);
    const [list, paint] = await Promise.all([
      markAt(frame, 'decidedly:sidebar:list'),
      markAt(frame, 'decidedly:sidebar:painted'),
    ]);
    const steps = await frame.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return {
        origin: performance.timeOrigin,
        domInteractive: nav?.domInteractive ?? Number.NaN,
        domContentLoaded: nav?.domContentLoadedEventEnd ?? Number.NaN,
        ready: performance.getEntriesByName('decidedly:frame:ready')[0]?.startTime ?? Number.NaN,
      };
    });
    breakdown.push({
      frameCreated: steps.origin - t0,
      domInteractive: steps.domInteractive,
      domContentLoaded: steps.domContentLoaded,
      accepted: steps.ready,
      list: list - steps.origin,
    });
    committed.push(list - t0);
    painted.push(paint - t0);
    // Closed and opened again on the same page: the frame is kept, so this is the page's cost.
    await toggle();
    await page.waitForTimeout(200);
    const t1 = await toggle();
    const again = await frame.evaluate(
      () =>
        new Promise<number>((resolve) =>
          requestAnimationFrame(() => setTimeout(() => resolve(performance.timeOrigin + performance.now()))),
        ),
    );
    reopened.push(again - t1);
    console.log(
      `  (run ${run + 1}: list committed ${Math.round(list - t0)} ms, painted ${Math.round(paint - t0)} ms after the toggle; ${Object.entries(
        breakdown.at(-1) ?? {},
      )
        .map(([k, v]) => `${k} ${Math.round(v)}`)
        .join(', ')})`,
    );
    await page.close();
  }
  // The first open of the session pays for the first start of everything; budgets are for the others.
  const out = {
    sidebarListCommittedMs: stat(committed.slice(1)),
    sidebarPaintedMs: stat(painted.slice(1)),
    firstOpenOfSessionPaintedMs: Math.round(painted[0] ?? Number.NaN),
    reopenOnSamePageMs: stat(reopened.slice(1)),
    // Where the time goes, medians: the frame's navigation starts `frameCreated` ms after the
    // toggle; the rest is from that start (the frame's own clock).
    breakdownMedianMs: Object.fromEntries(
      Object.keys(breakdown[0] ?? {}).map((k) => [
        k,
        stat(breakdown.slice(1).map((b) => b[k] ?? Number.NaN)).median,
      ]),
    ),
  };
  console.log(`\nChromium (built extension, ${rows.decisions.length} decisions, 6 on the page):`);
  show('sidebar list committed, after the toggle', out.sidebarListCommittedMs);
  show('sidebar painted, after the toggle (fresh tab)', out.sidebarPaintedMs, true);
  console.log(
    `  ${'first open of the browser session, painted'.padEnd(54)} ${out.firstOpenOfSessionPaintedMs} ms`,
  );
  show('closed and opened again on the same page', out.reopenOnSamePageMs);
  console.log(
    `  where the time goes (medians): frame created ${out.breakdownMedianMs.frameCreated} ms after the toggle; from its start: DOM interactive ${out.breakdownMedianMs.domInteractive}, DOMContentLoaded ${out.breakdownMedianMs.domContentLoaded}, accepted by the background ${out.breakdownMedianMs.accepted}, list ${out.breakdownMedianMs.list}`,
  );
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(
    'bench-results/sidebar.json',
    JSON.stringify(
      {
        decisions: rows.decisions.length,
        budgetMs: BUDGET_MS,
        machine: m,
        ...out,
        at: new Date().toISOString(),
      },
      null,
      2,
    ),
  );
  console.log('\nWrote bench-results/sidebar.json');
} finally {
  await h.close();
}
