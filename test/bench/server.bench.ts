// Sync server throughput (`npx tsx test/bench/server.bench.ts`, part of `npm run bench`): pushes
// per second with 1 and 50 ops a push, and a paged first pull of 10,000 records, on PGlite and on
// PostgreSQL. The server runs as its own process (`npm run server`, default logging) and is driven
// over loopback HTTP with bearer auth, as a deployment would be. Writes bench-results/server.json.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { encodeHlc } from '../../src/core/hlc';
import { SCHEMA_VERSION } from '../../src/core/protocol';
import { createWorkspace } from '../../src/server/admin';
import { openStore, type StoreOptions } from '../../src/server/store/open';
import { tempPgliteDir } from '../../src/server/testing';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const BUDGET_PUSHES_PER_SECOND = 150;
const SEQUENTIAL_PUSHES = 300;
const CONCURRENT_CLIENTS = 8;
const CONCURRENT_PUSHES_EACH = 50;
const BIG_PUSHES = 100;
const PULL_RECORDS = 10_000;

let rowCounter = 0;
const uuid = () => {
  rowCounter += 1;
  return `01900000-0000-7000-8000-${rowCounter.toString(16).padStart(12, '0')}`;
};
const decisionOp = () => ({
  table: 'decisions',
  id: uuid(),
  set: {
    title: `Decision ${rowCounter}`,
    status: 'proposed',
    rationale: 'Because the trade-offs favour it. '.repeat(6),
    context: 'Discussed in the weekly review.',
    tags: ['infra', 'q3'],
    deleted: false,
  },
});

interface Engine {
  name: 'pglite' | 'postgres';
  options: StoreOptions;
  env: Record<string, string>;
  drop(): Promise<void>;
}

async function pgAdmin(sql: string) {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function makeEngine(name: Engine['name']): Promise<Engine> {
  if (name === 'pglite') {
    const t = await tempPgliteDir();
    return { name, options: { dataDir: t.dir }, env: { DATA_DIR: t.dir }, drop: async () => t.remove() };
  }
  const db = `decidedly_bench_${randomBytes(4).toString('hex')}`;
  await pgAdmin(`CREATE DATABASE ${db}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${db}`;
  return {
    name,
    options: { databaseUrl: url.toString() },
    env: { DATABASE_URL: url.toString() },
    drop: () => pgAdmin(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`),
  };
}

function spawnServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx/esm', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 120 s')), 120_000);
    let buffer = '';
    const onData = (d: Buffer) => {
      buffer += d.toString();
      const m = /"url":"(http:[^"]+)".*"msg":"Decidedly sync server listening"/.exec(buffer);
      if (m) {
        clearTimeout(timer);
        buffer = '';
        child.stdout?.off('data', onData);
        child.stdout?.resume(); // Keep draining the request logs.
        resolve({ url: m[1] as string, child });
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

class Client {
  private next = 1;
  constructor(
    private readonly url: string,
    private readonly token: string,
    readonly clientId: string,
  ) {}

  async push(ops: unknown[]) {
    const body = JSON.stringify({
      clientId: this.clientId,
      schemaVersion: SCHEMA_VERSION,
      mutations: [
        { id: this.next++, hlc: encodeHlc({ ms: Date.now(), counter: 0, node: this.clientId }), ops },
      ],
    });
    const res = await fetch(`${this.url}/v1/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body,
    });
    if (res.status !== 200) throw new Error(`push ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  }

  async pullAll(limit: number): Promise<{ rows: number; pages: number }> {
    let cursor = '';
    let rows = 0;
    for (let pages = 1; pages <= 1000; pages++) {
      const res = await fetch(`${this.url}/v1/pull?cursor=${cursor}&limit=${limit}`, {
        headers: { authorization: `Bearer ${this.token}` },
      });
      const page = (await res.json()) as { changes: unknown[]; nextCursor: string; hasMore: boolean };
      rows += page.changes.length;
      cursor = page.nextCursor;
      if (!page.hasMore) return { rows, pages };
    }
    throw new Error('too many pages');
  }
}

const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);

/**
 * CPU milliseconds a process has used (Linux /proc; null elsewhere). Wall-clock rates depend on
 * what else the machine runs; CPU time per push is the load-independent cost.
 */
function cpuMs(pid: number | undefined): number | null {
  try {
    const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in 10 ms ticks
  } catch {
    return null;
  }
}

/** CPU of the PostgreSQL backends serving the bench database (local server only). */
async function pgBackendsCpuMs(engine: Engine): Promise<number | null> {
  if (!engine.options.databaseUrl) return null;
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    const db = new URL(engine.options.databaseUrl).pathname.slice(1);
    const { rows } = await c.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [
      db,
    ]);
    let total = 0;
    for (const r of rows) total += cpuMs(r.pid) ?? 0;
    return total;
  } finally {
    await c.end();
  }
}

/**
 * The database's durable commit latency (an fsync): pushes to one workspace are serialized through
 * their commit, so one workspace can take at most 1000 / this many pushes a second.
 */
async function commitLatencyMs(engine: Engine): Promise<number | null> {
  if (!engine.options.databaseUrl) return null;
  const c = new pg.Client({ connectionString: engine.options.databaseUrl });
  await c.connect();
  try {
    await c.query('CREATE TABLE bench_commit_probe (n int)');
    const ms = await time(async () => {
      for (let i = 0; i < 100; i++) await c.query('INSERT INTO bench_commit_probe VALUES ($1)', [i]);
    });
    await c.query('DROP TABLE bench_commit_probe');
    return Math.round((ms / 100) * 100) / 100;
  } finally {
    await c.end();
  }
}

const perPush = (after: number | null, before: number | null, n: number) =>
  after === null || before === null ? null : Math.round(((after - before) / n) * 100) / 100;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function benchEngine(name: Engine['name']) {
  const engine = await makeEngine(name);
  const store = await openStore(engine.options);
  const tokens = [];
  for (let i = 0; i < 4 + CONCURRENT_CLIENTS; i++)
    tokens.push((await createWorkspace(store, `bench ${i}`)).token);
  await store.close();
  const { url, child } = await spawnServer(engine.env);
  try {
    const [t1, t2, t3, t4, ...own] = tokens as [string, string, string, string, ...string[]];
    const warm = new Client(url, t1, 'warm');
    for (let i = 0; i < 20; i++) await warm.push([decisionOp()]);

    const one = new Client(url, t1, 'seq1');
    const [serverCpu0, pgCpu0] = [cpuMs(child.pid), await pgBackendsCpuMs(engine)];
    const seq1 = await time(async () => {
      for (let i = 0; i < SEQUENTIAL_PUSHES; i++) await one.push([decisionOp()]);
    });
    const serverCpuPerPush = perPush(cpuMs(child.pid), serverCpu0, SEQUENTIAL_PUSHES);
    const pgCpuPerPush = perPush(await pgBackendsCpuMs(engine), pgCpu0, SEQUENTIAL_PUSHES);
    const clients = Array.from({ length: CONCURRENT_CLIENTS }, (_, i) => new Client(url, t2, `con${i}`));
    const con1 = await time(() =>
      Promise.all(
        clients.map(async (c) => {
          for (let i = 0; i < CONCURRENT_PUSHES_EACH; i++) await c.push([decisionOp()]);
        }),
      ),
    );
    // A server serves many workspaces: the same load spread over one workspace per client.
    const spread = own.map((token, i) => new Client(url, token, `own${i}`));
    const conSpread = await time(() =>
      Promise.all(
        spread.map(async (c) => {
          for (let i = 0; i < CONCURRENT_PUSHES_EACH; i++) await c.push([decisionOp()]);
        }),
      ),
    );
    const fifty = new Client(url, t3, 'seq50');
    const seq50 = await time(async () => {
      for (let i = 0; i < BIG_PUSHES; i++) await fifty.push(Array.from({ length: 50 }, decisionOp));
    });

    const seeder = new Client(url, t4, 'seed');
    for (let i = 0; i < PULL_RECORDS / 100; i++) await seeder.push(Array.from({ length: 100 }, decisionOp));
    const reader = new Client(url, t4, 'reader');
    let pulled = { rows: 0, pages: 0 };
    const pull1000 = await time(async () => {
      pulled = await reader.pullAll(1000);
    });
    if (pulled.rows !== PULL_RECORDS) throw new Error(`pulled ${pulled.rows} rows, expected ${PULL_RECORDS}`);
    let pulledDefault = { rows: 0, pages: 0 };
    const pull500 = await time(async () => {
      pulledDefault = await reader.pullAll(500);
    });

    return {
      pushesPerSecond1Op: perSecond(SEQUENTIAL_PUSHES, seq1),
      msPerPush1Op: Math.round((seq1 / SEQUENTIAL_PUSHES) * 100) / 100,
      serverCpuMsPerPush1Op: serverCpuPerPush,
      postgresCpuMsPerPush1Op: pgCpuPerPush,
      pushesPerSecond1OpConcurrent: perSecond(CONCURRENT_CLIENTS * CONCURRENT_PUSHES_EACH, con1),
      pushesPerSecond1OpConcurrentWorkspaces: perSecond(
        CONCURRENT_CLIENTS * CONCURRENT_PUSHES_EACH,
        conSpread,
      ),
      durableCommitMs: await commitLatencyMs(engine),
      pushesPerSecond50Ops: perSecond(BIG_PUSHES, seq50),
      opsPerSecond50Ops: perSecond(BIG_PUSHES * 50, seq50),
      pull10kMs: Math.round(pull1000),
      pull10kPages: pulled.pages,
      pull10kDefaultLimitMs: Math.round(pull500),
      pull10kDefaultLimitPages: pulledDefault.pages,
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await engine.drop();
  }
}

async function main() {
  const load = loadavg()[0] ?? 0;
  console.log(
    `Sync server benchmark — ${cpus().length} CPUs, load average ${load.toFixed(2)}, Node ${process.version}`,
  );
  const results: Record<string, Awaited<ReturnType<typeof benchEngine>>> = {};
  for (const name of ['pglite', 'postgres'] as const) {
    const r = await benchEngine(name);
    results[name] = r;
    console.log(`\n${name}`);
    console.log(
      `  push, 1 op, one client:         ${r.pushesPerSecond1Op} pushes/s (${r.msPerPush1Op} ms each)`,
    );
    console.log(
      `    CPU per push:                 server ${r.serverCpuMsPerPush1Op ?? '?'} ms` +
        (r.postgresCpuMsPerPush1Op === null ? '' : `, PostgreSQL ${r.postgresCpuMsPerPush1Op} ms`),
    );
    console.log(
      `  push, 1 op, ${CONCURRENT_CLIENTS} clients, one workspace:   ${r.pushesPerSecond1OpConcurrent} pushes/s`,
    );
    console.log(
      `  push, 1 op, ${CONCURRENT_CLIENTS} clients, ${CONCURRENT_CLIENTS} workspaces: ${r.pushesPerSecond1OpConcurrentWorkspaces} pushes/s`,
    );
    console.log(
      `  push, 50 ops, one client:       ${r.pushesPerSecond50Ops} pushes/s (${r.opsPerSecond50Ops} ops/s)`,
    );
    console.log(
      `  first pull of ${PULL_RECORDS} records:   ${r.pull10kMs} ms in ${r.pull10kPages} pages of 1000`,
    );
    console.log(
      `                                  ${r.pull10kDefaultLimitMs} ms in ${r.pull10kDefaultLimitPages} pages of 500`,
    );
  }
  // The budget is server throughput: many clients, spread over workspaces as a team server's are.
  const pgPushes = results.postgres?.pushesPerSecond1OpConcurrentWorkspaces ?? 0;
  const met = pgPushes >= BUDGET_PUSHES_PER_SECOND;
  console.log(
    `\nBudget: ≥ ${BUDGET_PUSHES_PER_SECOND} pushes/s on PostgreSQL (${CONCURRENT_CLIENTS} clients, 1 op): ` +
      `${pgPushes} — ${met ? 'met' : 'NOT met'}`,
  );
  const commit = results.postgres?.durableCommitMs;
  if (commit) {
    console.log(
      `PostgreSQL durable commit here: ${commit} ms, so one workspace takes at most ~${Math.round(1000 / commit)} pushes/s.`,
    );
  }
  if (load > cpus().length) {
    console.log(`Load average ${load.toFixed(1)} on ${cpus().length} CPUs: other work shared the machine.`);
  }
  mkdirSync(`${ROOT}bench-results`, { recursive: true });
  writeFileSync(
    `${ROOT}bench-results/server.json`,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        cpus: cpus().length,
        loadAverageAtStart: Number(load.toFixed(2)),
        results,
        budget: {
          pushesPerSecondPostgres: BUDGET_PUSHES_PER_SECOND,
          measuredOn: `${CONCURRENT_CLIENTS} clients in ${CONCURRENT_CLIENTS} workspaces, 1 op a push`,
          measured: pgPushes,
          met,
        },
      },
      null,
      2,
    )}\n`,
  );
  console.log('Wrote bench-results/server.json');
}

await main();
