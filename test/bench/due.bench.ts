// Due-list benchmark (`npx tsx test/bench/due.bench.ts`; `npm run bench` runs it too), over 10,000
// decisions and 30,000 follow-ups (shape in due-data.ts). Budget (DESIGN §7): the popup's due list
// in ≤ 20 ms.
// 1. Node + fake-indexeddb: the popup's query (everyone, mine, with "Later" opened), the badge's and
//    the reminder alarm's queries, and a full scan for reference.
// 2. Real Chromium with the built extension, rows seeded through the service worker's debug handle:
//    the popup's own measures — its due query (IndexedDB in Chromium) and the time from navigation
//    to the first rendered list — cold on each open, and warm on the mine/everyone switch; and the
//    worker's whole refresh after a change (badge, reminders, alarms).
// Prints the figures and writes bench-results/due.json.
import 'fake-indexeddb/auto';
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dueBounds } from '../../src/core/due';
import { openDb } from '../../src/storage/db';
import { dueList, type GroupName } from '../../src/storage/due-list';
import { dueItemsIn, dueSection, nextDueAfter } from '../../src/storage/due-query';
import { DIST, launch } from '../e2e/harness';
import { dueWorkspace, type Rows } from './due-data';
import { machine } from './machine';

const BUDGET_MS = 20;
const TZ = 'Europe/Berlin';
// As the popup opens: ten of each group shown, "Later" closed.
const SHOW: Record<GroupName, number> = { overdue: 10, today: 10, thisWeek: 10, later: 0 };

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

async function time(fn: () => Promise<unknown>, runs = 12): Promise<Stat> {
  await fn(); // warm-up: compilation and the first open, not the work
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return stat(times);
}

const show = (label: string, s: Stat, budget = false) =>
  console.log(
    `  ${label.padEnd(52)} median ${s.median.toFixed(2).padStart(8)} ms   p95 ${s.p95.toFixed(2).padStart(8)} ms${
      budget ? (s.median <= BUDGET_MS ? '   within budget' : `   OVER the ${BUDGET_MS} ms budget`) : ''
    }`,
  );

async function nodeFigures(rows: Rows, me: string, now: Date) {
  const db = openDb('bench-due');
  await db.open();
  for (const [table, list] of Object.entries(rows))
    await (db as unknown as Record<string, { bulkPut(r: unknown[]): Promise<unknown> }>)[table]?.bulkPut(
      list,
    );
  const first = await dueList(db, { now, timeZone: TZ, me: null, show: SHOW });
  const counts = `${first.overdue.total} overdue, ${first.today.total} today, ${first.thisWeek.total} this week`;
  console.log(
    `\nNode + fake-indexeddb (${rows.decisions.length} decisions, ${rows.followUps.length} follow-ups; ${counts}):`,
  );
  const tomorrow = dueBounds(now, TZ).tomorrow;
  const out: Record<string, Stat> = {};
  const record = async (key: string, fn: () => Promise<unknown>, budget = false) => {
    out[key] = await time(fn);
    show(key, out[key] as Stat, budget);
  };
  await record(
    'popup due list, everyone',
    () => dueList(db, { now, timeZone: TZ, me: null, show: SHOW }),
    true,
  );
  await record('popup due list, mine', () => dueList(db, { now, timeZone: TZ, me, show: SHOW }), true);
  await record('popup due list, "Later" opened', () =>
    dueList(db, { now, timeZone: TZ, me: null, show: { ...SHOW, later: 10 } }),
  );
  await record('badge count, everyone', () => dueSection(db, { to: tomorrow }, 25, null));
  await record('reminders: items due in the last minute', () =>
    dueItemsIn(db, { after: now.getTime() - 60_000, until: now.getTime() }, me),
  );
  await record('next reminder wake-up, mine', () => nextDueAfter(db, now.getTime(), me));
  await record('reference: scan every follow-up', () => db.followUps.toArray());
  db.close();
  return {
    counts: { overdue: first.overdue.total, today: first.today.total, thisWeek: first.thisWeek.total },
    ...out,
  };
}

interface PopupRun {
  query: number;
  rendered: number;
  /** Reading the first screen the worker keeps (storage.session). */
  snapshot: number;
  /** Whether the first list on screen came from it, before the live query answered. */
  fromSnapshot: boolean;
}

async function browserFigures(rows: Rows, me: string) {
  if (!existsSync(join(DIST, 'manifest.json')) || process.env.DECIDEDLY_BENCH_BUILD === '1')
    execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
  const h = await launch();
  type Debug = {
    decidedly: {
      db(): Record<string, { bulkPut(r: unknown[]): Promise<unknown>; put(r: unknown): Promise<unknown> }>;
      notifyDataChanged(): Promise<void>;
    };
  };
  try {
    for (const [table, list] of Object.entries(rows)) {
      for (let i = 0; i < list.length; i += 2000) {
        await h.worker.evaluate(
          async ({ table, rows }) => {
            await (globalThis as unknown as Debug).decidedly.db()[table]?.bulkPut(rows);
          },
          { table, rows: list.slice(i, i + 2000) },
        );
      }
    }
    const open = async (): Promise<PopupRun & { page: import('playwright-core').Page }> => {
      const page = await h.context.newPage();
      await page.goto(h.extensionUrl('popup'));
      await page.waitForFunction(
        () => performance.getEntriesByName('decidedly:due-rendered').length > 0,
        null,
        { timeout: 60_000 },
      );
      await page.waitForFunction(() => performance.getEntriesByName('decidedly:due-query').length > 0);
      const run = await page.evaluate(() => {
        const query = performance.getEntriesByName('decidedly:due-query')[0];
        const rendered = performance.getEntriesByName('decidedly:due-rendered')[0]?.startTime ?? Number.NaN;
        return {
          query: query?.duration ?? Number.NaN,
          rendered,
          snapshot: performance.getEntriesByName('decidedly:due-snapshot')[0]?.duration ?? Number.NaN,
          fromSnapshot: !!query && rendered < query.startTime + query.duration,
        };
      });
      return { ...run, page };
    };
    // As the product does after any write: the worker recounts the badge and keeps the first screen.
    const changed = () =>
      h.worker.evaluate(() => (globalThis as unknown as Debug).decidedly.notifyDataChanged());
    await changed();
    const everyone: PopupRun[] = [];
    for (let i = 0; i < 8; i++) {
      const { page, ...run } = await open();
      everyone.push(run);
      await page.close();
    }
    await h.worker.evaluate(async (me) => {
      await (globalThis as unknown as Debug).decidedly.db().meta?.put({ key: 'meStakeholderId', value: me });
    }, me);
    await changed();
    const mine: PopupRun[] = [];
    const warm: number[] = [];
    for (let i = 0; i < 8; i++) {
      const { page, ...run } = await open();
      mine.push(run);
      // Warm: the switch to everyone's re-runs the query in a page that has the database open.
      const before = await page.evaluate(() => performance.getEntriesByName('decidedly:due-query').length);
      await page.getByRole('radio', { name: 'Everyone' }).check();
      await page.waitForFunction(
        (n) => performance.getEntriesByName('decidedly:due-query').length > n,
        before,
      );
      warm.push(
        await page.evaluate(
          () => performance.getEntriesByName('decidedly:due-query').at(-1)?.duration ?? Number.NaN,
        ),
      );
      await page.close();
    }
    const refresh: number[] = [];
    for (let i = 0; i < 8; i++) {
      refresh.push(
        await h.worker.evaluate(async () => {
          const t = performance.now();
          await (globalThis as unknown as Debug).decidedly.notifyDataChanged();
          return performance.now() - t;
        }),
      );
    }
    const skipFirst = (runs: PopupRun[], key: 'query' | 'rendered' | 'snapshot') =>
      runs.slice(1).map((r) => r[key]);
    const out = {
      popupSnapshotEveryone: stat(skipFirst(everyone, 'snapshot')),
      popupSnapshotMine: stat(skipFirst(mine, 'snapshot')),
      firstScreenFromSnapshot: `${[...everyone, ...mine].filter((r) => r.fromSnapshot).length} of ${everyone.length + mine.length}`,
      popupQueryEveryoneCold: stat(skipFirst(everyone, 'query')),
      popupQueryMineCold: stat(skipFirst(mine, 'query')),
      popupQueryEveryoneWarm: stat(warm),
      popupFirstRenderEveryone: stat(skipFirst(everyone, 'rendered')),
      popupFirstRenderMine: stat(skipFirst(mine, 'rendered')),
      workerRefreshAfterChange: stat(refresh.slice(1)),
    };
    console.log(`\nChromium (built extension, IndexedDB seeded through the service worker):`);
    show('popup first screen, kept snapshot read, everyone', out.popupSnapshotEveryone, true);
    show('popup first screen, kept snapshot read, mine', out.popupSnapshotMine, true);
    console.log(`  first list on screen came from the snapshot: ${out.firstScreenFromSnapshot} opens`);
    show('popup live due query, everyone (cold open)', out.popupQueryEveryoneCold, true);
    show('popup live due query, mine (cold open)', out.popupQueryMineCold, true);
    show('popup live due query, everyone (warm, on the switch)', out.popupQueryEveryoneWarm, true);
    show('popup first rendered list, everyone (from navigation)', out.popupFirstRenderEveryone);
    show('popup first rendered list, mine (from navigation)', out.popupFirstRenderMine);
    show('worker refresh after a change (badge, snapshot, alarms)', out.workerRefreshAfterChange);
    return out;
  } finally {
    await h.close();
  }
}

const now = new Date();
const { rows, me } = dueWorkspace(now.getTime());
const m = machine();
const node = await nodeFigures(rows, me, now);
let browser: unknown;
try {
  browser = await browserFigures(rows, me);
} catch (error) {
  browser = { error: error instanceof Error ? error.message : String(error) };
  console.log(`\nChromium figures failed: ${(browser as { error: string }).error}`);
}
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/due.json',
  JSON.stringify(
    {
      decisions: rows.decisions.length,
      followUps: rows.followUps.length,
      budgetMs: BUDGET_MS,
      machine: m,
      node,
      browser,
      at: now.toISOString(),
    },
    null,
    2,
  ),
);
console.log('\nWrote bench-results/due.json');
