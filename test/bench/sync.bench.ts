// Benchmark: the first sync of 10,000 decisions (with roles and follow-ups) into a fresh
// Chromium profile through the built extension, and how long a teammate's change takes to
// appear while an extension page is open. The server runs in-process on PGlite, on loopback.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { HlcClock } from '../../src/core/hlc';
import { MAX_PULL_LIMIT, type Mutation, SCHEMA_VERSION } from '../../src/core/protocol';
import { makeRow, userFields } from '../../src/core/records';
import { startTestServer } from '../../src/server/testing';
import { grantHostAccess, launch } from '../e2e/harness';

const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 10_000);

/** A fixed CPU-bound loop (as due.bench.ts): on a shared machine, it shows how far figures are inflated. */
function calibrationMs(): number {
  const t = performance.now();
  let x = 0;
  for (let i = 0; i < 50_000_000; i++) x = (x + i) % 1_000_003;
  return Math.round((performance.now() - t) * 10) / 10 + (x < 0 ? 1 : 0);
}
const clock = new HlcClock('benchseed');
const at = new Date();

function seedMutations(): Mutation[] {
  const mutations: Mutation[] = [];
  const people = Array.from({ length: 200 }, (_, i) =>
    makeRow(
      'stakeholders',
      { name: `Person ${i}`, function: 'Engineering' },
      { workspaceId: 'w', hlc: clock.now(), now: at },
    ),
  );
  const op = (table: Mutation['ops'][number]['table'], row: { id: string } & Record<string, unknown>) => ({
    table,
    id: row.id,
    set: userFields(row),
  });
  for (let i = 0; i < people.length; i += 50) {
    mutations.push({
      id: 0,
      hlc: clock.now(),
      ops: people.slice(i, i + 50).map((p) => op('stakeholders', p)),
    });
  }
  for (let i = 0; i < DECISIONS; i++) {
    const hlc = clock.now();
    const ctx = { workspaceId: 'w', hlc, now: at };
    const d = makeRow(
      'decisions',
      { title: `Decision ${i}`, rationale: `Because of reason ${i}`, tags: ['bench'] },
      ctx,
    );
    const a = makeRow(
      'roles',
      { decisionId: d.id, stakeholderId: people[i % 200]?.id ?? '', raci: 'A', stance: 'supports' },
      ctx,
    );
    const c = makeRow(
      'roles',
      { decisionId: d.id, stakeholderId: people[(i + 1) % 200]?.id ?? '', raci: 'C' },
      ctx,
    );
    const f = makeRow(
      'followUps',
      {
        decisionId: d.id,
        title: `Follow up ${i}`,
        dueAt: new Date(at.getTime() + (i % 30) * 86_400_000).toISOString(),
      },
      ctx,
    );
    mutations.push({
      id: 0,
      hlc,
      ops: [op('decisions', d), op('roles', a), op('roles', c), op('followUps', f)],
    });
  }
  return mutations.map((m, i) => ({ ...m, id: i + 1 }));
}

async function push(url: string, token: string, clientId: string, mutations: Mutation[]) {
  for (let i = 0; i < mutations.length; i += 100) {
    const res = await fetch(`${url}/v1/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId,
        schemaVersion: SCHEMA_VERSION,
        mutations: mutations.slice(i, i + 100),
      }),
    });
    if (!res.ok) throw new Error(`seed push failed: ${res.status} ${await res.text()}`);
  }
}

type Handle = {
  decidedly: { db(): { decisions: { count(): Promise<number>; get(id: string): Promise<unknown> } } };
};

const server = await startTestServer();
const seedStart = performance.now();
const mutations = seedMutations();
await push(server.url, server.admin.token, 'seeder', mutations);
console.log(
  `seeded ${DECISIONS} decisions (${mutations.reduce((n, m) => n + m.ops.length, 0)} rows) in ${Math.round(performance.now() - seedStart)} ms`,
);

/**
 * The whole workspace pulled in-process (no browser, no sockets) as a client accepting `encoding`:
 * bytes on the wire and server time, pages of the size the extension asks for.
 */
async function fullPull(encoding: string) {
  let cursor = '';
  let bytes = 0;
  let pages = 0;
  const t0 = performance.now();
  for (;;) {
    const res = await server.app.inject({
      method: 'GET',
      url: `/v1/pull?limit=${MAX_PULL_LIMIT}${cursor ? `&cursor=${cursor}` : ''}`,
      headers: { authorization: `Bearer ${server.admin.token}`, 'accept-encoding': encoding },
    });
    bytes += res.rawPayload.length;
    pages += 1;
    const text =
      res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.rawPayload).toString() : res.body;
    const page = JSON.parse(text) as { nextCursor: string; hasMore: boolean };
    cursor = page.nextCursor;
    if (!page.hasMore) break;
  }
  return { bytes, pages, ms: Math.round(performance.now() - t0) };
}
const wire: Record<string, { bytes: number; pages: number; ms: number }> = {};
for (const encoding of ['identity', 'gzip']) {
  wire[encoding] = await fullPull(encoding);
  const w = wire[encoding];
  console.log(
    `full pull, ${encoding}: ${(w.bytes / 1e6).toFixed(1)} MB in ${w.pages} pages, ${w.ms} ms of server time`,
  );
}

const h = await launch();
try {
  await grantHostAccess(h, 'http://127.0.0.1/*');
  const options = await h.openExtensionPage('options');
  await options.getByLabel('Server URL').fill(server.url);
  await options.getByLabel('Invite token').fill((await server.invite('Bench')).token);
  const started = performance.now();
  await options.getByRole('button', { name: 'Connect' }).click();
  const count = () =>
    h.worker.evaluate(() => (globalThis as unknown as Handle).decidedly.db().decisions.count());
  while ((await count()) < DECISIONS) await new Promise((r) => setTimeout(r, 100));
  const firstSyncMs = Math.round(performance.now() - started);
  const calibration = calibrationMs();
  console.log(
    `CPU calibration loop: ${calibration} ms (load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')})`,
  );
  console.log(
    `first sync of ${DECISIONS} decisions into a fresh profile: ${firstSyncMs} ms (budget 2000 ms)`,
  );

  // With the options page open (it holds the live port), a teammate's change arrives by poke.
  await options
    .getByText(/Synced \d+ s ago/)
    .first()
    .waitFor({ timeout: 60_000 });
  const seeLatencies: number[] = [];
  let nextId = mutations.length + 1;
  for (let i = 0; i < 5; i++) {
    const row = makeRow(
      'decisions',
      { title: `Live ${i}` },
      { workspaceId: 'w', hlc: clock.now(), now: new Date() },
    );
    const t0 = performance.now();
    await push(server.url, server.admin.token, 'seeder', [
      {
        id: nextId++,
        hlc: row.fieldHlc.title as string,
        ops: [{ table: 'decisions', id: row.id, set: userFields(row) }],
      },
    ]);
    while (
      !(await h.worker.evaluate(
        (id) => (globalThis as unknown as Handle).decidedly.db().decisions.get(id),
        row.id,
      ))
    ) {
      await new Promise((r) => setTimeout(r, 20));
    }
    seeLatencies.push(Math.round(performance.now() - t0));
  }
  const sorted = [...seeLatencies].sort((a, b) => a - b);
  console.log(
    `teammate's change visible with a page open: median ${sorted[2]} ms (runs: ${seeLatencies.join(', ')} ms)`,
  );
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(
    'bench-results/sync.json',
    JSON.stringify(
      {
        decisions: DECISIONS,
        firstSyncMs,
        seeLatencies,
        wire,
        machine: { cpus: cpus().length, loadavg: loadavg(), calibrationMs: calibration },
      },
      null,
      2,
    ),
  );
} finally {
  await h.close();
  await server.close();
}
