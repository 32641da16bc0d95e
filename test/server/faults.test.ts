// Crashes and restarts of real server processes (`npm run server` as a child): killed right after
// a push commits, killed in the middle of a paged first pull, stopped with SIGTERM, restarted on
// the same data; and two processes sharing one PostgreSQL database.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/core/protocol';
import { type Credentials, createWorkspace, inviteMember } from '../../src/server/admin';
import { LOCK_FILE } from '../../src/server/store/lock';
import { openStore } from '../../src/server/store/open';
import { Api, hlcAt, httpTransport } from './helpers/api';
import { killAll, spawnServer } from './helpers/child';
import { createTestDatabase, ENGINES, type TestDatabase } from './helpers/databases';
import { SimClient } from './helpers/sim-client';
import { openEvents } from './helpers/sse';

const ROWS_PER_PUSH = 200;
const uuid = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** Creates workspaces before a child server holds the database (PGlite allows one process). */
async function seed(db: TestDatabase, members = 0): Promise<Credentials[]> {
  const store = await openStore(db.options);
  try {
    const admin = await createWorkspace(store, 'Faults');
    const others: Credentials[] = [];
    for (let i = 0; i < members; i++) others.push(await inviteMember(store, admin.workspaceId, `m${i}`));
    return [admin, ...others];
  } finally {
    await store.close();
  }
}

const dbs: TestDatabase[] = [];
afterEach(async () => {
  await killAll();
  for (const db of dbs.splice(0)) await db.drop();
});

describe.each(ENGINES)('a server process on %s', (engine) => {
  it('survives being killed after a commit and during a paged pull, and shuts down cleanly', async () => {
    const db = await createTestDatabase(engine);
    dbs.push(db);
    const [admin] = (await seed(db)) as [Credentials];
    const push = (api: Api, id: number, ops: unknown[]) =>
      api.request<{ lastMutationId: number; seq: number }>('POST', '/v1/push', {
        clientId: 'c1',
        schemaVersion: SCHEMA_VERSION,
        mutations: [{ id, hlc: hlcAt('c1'), ops }],
      });
    const decision = (n: number, title: string) => ({ table: 'decisions', id: uuid(n), set: { title } });

    // 1. Killed after the second push commits, before it replies.
    let server = await spawnServer({ ...db.env, DECIDEDLY_FAULT: 'after-push-commit:2' });
    let api = new Api(httpTransport(server.url), admin.token);
    expect((await push(api, 1, [decision(1, 'one')])).body).toEqual({ lastMutationId: 1, seq: 1 });
    await expect(push(api, 2, [decision(2, 'two')])).rejects.toThrow();
    expect((await server.exited).signal).toBe('SIGKILL');

    // 2. Restarted on the same data (the dead process's lock is taken over): the client's retry
    // is a no-op that reports the commit it never heard about. Then a paged pull is killed.
    server = await spawnServer({ ...db.env, DECIDEDLY_FAULT: 'before-pull-reply:3' });
    api = new Api(httpTransport(server.url), admin.token);
    expect((await push(api, 2, [decision(2, 'two')])).body).toEqual({ lastMutationId: 2, seq: 2 });
    for (let p = 0; p < 5; p++) {
      const ops = Array.from({ length: ROWS_PER_PUSH }, (_, i) =>
        decision(1000 + p * ROWS_PER_PUSH + i, `bulk ${p}`),
      );
      expect((await push(api, 3 + p, ops)).body).toEqual({ lastMutationId: 3 + p, seq: 3 + p });
    }
    // A first sync in pages, storing the cursor after each page as the extension does.
    const received: string[] = [];
    let cursor = '';
    const page = async (target: Api) => {
      const res = await target.pull(cursor, ROWS_PER_PUSH);
      expect(res.status).toBe(200);
      received.push(...res.body.changes.map((c) => c.row.id));
      cursor = res.body.nextCursor;
      return res.body.hasMore;
    };
    expect(await page(api)).toBe(true);
    expect(await page(api)).toBe(true);
    await expect(page(api)).rejects.toThrow();
    expect((await server.exited).signal).toBe('SIGKILL');

    // 3. Restarted again: the pull resumes from the stored cursor, nothing lost or repeated.
    server = await spawnServer(db.env);
    api = new Api(httpTransport(server.url), admin.token);
    for (let i = 0; i < 10 && (await page(api)); i++);
    expect(received).toHaveLength(2 + 5 * ROWS_PER_PUSH);
    expect(new Set(received).size).toBe(received.length);
    expect((await push(api, 8, [decision(3, 'three')])).body).toEqual({ lastMutationId: 8, seq: 8 });

    // 4. SIGTERM with a live event stream: the stream ends, the process exits 0, the lock is freed.
    const events = await openEvents(server.url, admin.token);
    expect(await events.waitFor(8)).toBe(8);
    server.kill('SIGTERM');
    await events.ended;
    expect(await server.exited).toEqual({ code: 0, signal: null });
    if (db.options.dataDir) expect(existsSync(join(db.options.dataDir, LOCK_FILE))).toBe(false);
  }, 180_000); // Three process starts; PGlite's WASM start dominates on a busy machine.
});

describe('two server processes on one PostgreSQL database', () => {
  it('poke and converge clients connected to either', async () => {
    const db = await createTestDatabase('postgres');
    dbs.push(db);
    const [a, b] = (await seed(db, 1)) as [Credentials, Credentials];
    // Started together, so they also race through the migrations check.
    const env = { ...db.env, SSE_POLL_MS: '100' };
    const [one, two] = await Promise.all([spawnServer(env), spawnServer(env)]);
    const viaOne = new SimClient('alice', new Api(httpTransport(one.url), a.token));
    const viaTwo = new SimClient('bob', new Api(httpTransport(two.url), b.token), 90_000);

    // A push through process one pokes a listener connected to process two.
    const events = await openEvents(two.url, b.token);
    try {
      await events.waitFor(0);
      viaOne.write('decisions', uuid(1), { title: 'from one', rationale: 'a', deleted: false });
      await viaOne.push(10);
      expect(await events.waitFor(1)).toBe(1);
    } finally {
      events.close();
    }

    // Concurrent edits through both processes, pushed at the same time.
    for (let i = 0; i < 20; i++) {
      const c = i % 2 === 0 ? viaOne : viaTwo;
      c.write(
        'decisions',
        uuid(1 + (i % 3)),
        i % 5 === 0 ? { deleted: i % 2 === 0 } : { title: `t${i}`, rationale: `r${i}` },
      );
      if (i % 4 === 3) await Promise.all([viaOne.push(3), viaTwo.push(3)]);
    }
    await Promise.all([viaOne.flush(), viaTwo.flush()]);
    await Promise.all([viaOne.pull(2), viaTwo.pull(5)]);
    expect([...viaOne.rows.keys()].sort()).toEqual([...viaTwo.rows.keys()].sort());
    for (const [key, row] of viaOne.rows) expect(viaTwo.rows.get(key)).toEqual(row);
    expect(viaOne.rows.size).toBe(3);
  }, 120_000);
});
