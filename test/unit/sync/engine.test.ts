// The sync engine against a real server (in-process, PGlite) with fake-indexeddb profiles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientIdOf } from '../../../src/storage/context';
import {
  createDecision,
  deleteDecision,
  undeleteDecision,
  updateDecision,
} from '../../../src/storage/decisions';
import { addFollowUp } from '../../../src/storage/follow-ups';
import type { Fetch } from '../../../src/sync/client';
import { joinWorkspace, removeLocalCopy } from '../../../src/sync/join';
import { withSyncLock } from '../../../src/sync/lock';
import { backoffMs, describeStatus, readStatus } from '../../../src/sync/status';
import { profile, startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => server?.close());

const anchor = (url: string) => ({
  pageKey: `url:${url}`,
  url,
  pageTitle: 'Page',
  site: 'generic',
  selectors: {
    quote: { exact: 'we chose Redis', prefix: 'After review ', suffix: ' for sessions' },
    position: { start: 5, end: 19 },
  },
});

/** A fetch that counts calls by path and can fail chosen ones. */
function spyFetch(fail: (path: string, n: number) => 'drop-reply' | 'offline' | 'gone' | null = () => null) {
  const counts: Record<string, number> = {};
  const calls: string[] = [];
  const f: Fetch = async (input, init) => {
    const url = new URL(String(input));
    const key = url.pathname;
    counts[key] = (counts[key] ?? 0) + 1;
    calls.push(`${key}${url.search}`);
    const mode = fail(key, counts[key]);
    if (mode === 'offline') throw new TypeError('Failed to fetch');
    if (mode === 'gone')
      return new Response(JSON.stringify({ error: 'cursor-gone', message: 'gone' }), { status: 410 });
    const response = await fetch(input, init);
    if (mode === 'drop-reply') throw new TypeError('connection reset after the server committed');
    return response;
  };
  return { fetch: f, counts, calls };
}

describe('sync engine', { timeout: 60_000 }, () => {
  it('brings a decision from one profile to another, with its follow-up', async () => {
    const a = await profile(server, server.admin.token);
    const b = await profile(server, (await server.invite('Bea')).token);
    const id = await createDecision(
      a.ctx,
      { title: 'Sessions move to Redis' },
      anchor('https://wiki.example.com/p'),
    );
    await addFollowUp(a.ctx, id, { title: 'Provision the cluster', dueAt: '2026-12-01T17:00:00.000Z' });
    expect((await a.sync()).pushed).toBeGreaterThan(0);
    expect(await a.db.outbox.count()).toBe(0);
    await b.sync();
    expect((await b.db.decisions.get(id))?.title).toBe('Sessions move to Redis');
    expect((await b.db.followUps.where('decisionId').equals(id).first())?._due).toBe(
      '2026-12-01T17:00:00.000Z',
    );
    expect((await readStatus(b.db)).state).toBe('synced');
  });

  it("takes a teammate's deleted decision's follow-ups out of the due list, and back on restore", async () => {
    const a = await profile(server, server.admin.token);
    const b = await profile(server, (await server.invite('Bo')).token);
    const id = await createDecision(a.ctx, { title: 'Drop the legacy API' });
    await addFollowUp(a.ctx, id, { title: 'Tell the partners', dueAt: '2026-12-03T17:00:00.000Z' });
    await a.sync();
    await b.sync();
    const dueAtB = () =>
      b.db.followUps
        .where('_due')
        .above('')
        .filter((f) => f.decisionId === id)
        .count();
    expect(await dueAtB()).toBe(1);
    await deleteDecision(a.ctx, id);
    await a.sync();
    await b.sync();
    expect(await dueAtB()).toBe(0);
    await undeleteDecision(a.ctx, id);
    await a.sync();
    await b.sync();
    expect(await dueAtB()).toBe(1);
  });

  it('pushes a long outbox in batches within the server limits', async () => {
    const a = await profile(server, server.admin.token);
    for (let i = 0; i < 230; i++) await createDecision(a.ctx, { title: `Decision ${i}` });
    const spy = spyFetch();
    const result = await a.sync({ fetch: spy.fetch });
    expect(result.pushed).toBe(230);
    expect(spy.counts['/v1/push']).toBe(3);
    expect(await a.db.outbox.count()).toBe(0);
  });

  it('retries a push whose reply was lost without applying it twice', async () => {
    const a = await profile(server, server.admin.token);
    const id = await createDecision(a.ctx, { title: 'Once only' });
    const spy = spyFetch((path, n) => (path === '/v1/push' && n === 1 ? 'drop-reply' : null));
    await expect(a.sync({ fetch: spy.fetch })).rejects.toThrow(/cannot be reached/);
    expect(await a.db.outbox.count()).toBe(1);
    await updateDecision(a.ctx, id, { rationale: 'Added while offline' });
    await a.sync({ fetch: spy.fetch });
    expect(await a.db.outbox.count()).toBe(0);
    const b = await profile(server, server.admin.token);
    await b.sync();
    const copies = (await b.db.decisions.toArray()).filter((d) => d.title === 'Once only');
    expect(copies.map((d) => d.rationale)).toEqual(['Added while offline']);
  });

  it("renumbers after the server's last id when it has seen more ids than the device remembers", async () => {
    const a = await profile(server, server.admin.token);
    for (const title of ['One', 'Two', 'Three']) await createDecision(a.ctx, { title });
    await a.sync();
    // Lose the local counter: the next entry is numbered 1 while the server is at 3.
    await a.db.meta.where('key').startsWith('sync:nextMutationId').delete();
    await createDecision(a.ctx, { title: 'Four' });
    const spy = spyFetch();
    await a.sync({ fetch: spy.fetch });
    expect(spy.counts['/v1/push']).toBe(2);
    expect(await a.db.outbox.count()).toBe(0);
    const b = await profile(server, server.admin.token);
    await b.sync();
    expect((await b.db.decisions.toArray()).map((d) => d.title)).toContain('Four');
  });

  it('rejoins with a fresh client id after the local copy was removed, so nothing passes for a retry', async () => {
    const a = await profile(server, server.admin.token);
    await createDecision(a.ctx, { title: 'Kept on the server' });
    await a.sync();
    const before = await clientIdOf(a.db);
    await removeLocalCopy(a.db);
    await joinWorkspace(a.db, a.deps.workspaceId);
    const after = await clientIdOf(a.db);
    expect(after).not.toBe(before);
    await createDecision(a.ctx, { title: 'Made after rejoining' });
    await a.sync({ clientId: after });
    expect((await a.db.decisions.toArray()).map((d) => d.title).sort()).toEqual(
      expect.arrayContaining(['Kept on the server', 'Made after rejoining']),
    );
    const b = await profile(server, server.admin.token);
    await b.sync();
    expect((await b.db.decisions.toArray()).map((d) => d.title)).toContain('Made after rejoining');
  });

  it('renumbers from the expected id when the server answers 409 (a restored server)', async () => {
    const a = await profile(server, server.admin.token);
    await createDecision(a.ctx, { title: 'Before the restore' });
    await a.sync();
    await server.store.query('UPDATE clients SET last_mutation_id = 0 WHERE client_id = $1', [
      a.deps.clientId,
    ]);
    await createDecision(a.ctx, { title: 'After the restore' });
    const spy = spyFetch();
    await a.sync({ fetch: spy.fetch });
    // One 409, then the renumbered entry and this device's rows sent again (see recovery.test.ts).
    expect(spy.counts['/v1/push']).toBeGreaterThanOrEqual(2);
    expect(await a.db.outbox.count()).toBe(0);
    const b = await profile(server, server.admin.token);
    await b.sync();
    expect((await b.db.decisions.toArray()).map((d) => d.title)).toContain('After the restore');
  });

  it('resumes an interrupted first pull from its stored cursor without duplicates', async () => {
    const a = await profile(server, server.admin.token);
    for (let i = 0; i < 60; i++) await createDecision(a.ctx, { title: `Bulk ${i}` });
    await a.sync();
    const b = await profile(server, server.admin.token);
    const failing = spyFetch((path, n) => (path === '/v1/pull' && n === 3 ? 'offline' : null));
    await expect(b.sync({ fetch: failing.fetch, pageSize: 10 })).rejects.toThrow();
    const partial = await b.db.decisions.count();
    expect(partial).toBeGreaterThan(0);
    expect((await readStatus(b.db)).state).toBe('offline');
    const resumed = spyFetch();
    await b.sync({ fetch: resumed.fetch, pageSize: 10 });
    expect(resumed.calls.find((c) => c.startsWith('/v1/pull'))).toMatch(/cursor=s\d+/);
    const titles = (await b.db.decisions.toArray()).map((d) => d.title).filter((t) => t.startsWith('Bulk '));
    expect(titles).toHaveLength(60);
    expect(new Set(titles).size).toBe(60);
  });

  it('pulls everything again on 410 and keeps the outbox', async () => {
    const a = await profile(server, server.admin.token);
    await createDecision(a.ctx, { title: 'Before the purge' });
    await a.sync();
    const pendingId = await createDecision(a.ctx, { title: 'Not yet pushed' });
    const spy = spyFetch((path, n) => (path === '/v1/pull' && n === 1 ? 'gone' : null));
    await a.sync({ fetch: spy.fetch });
    const pulls = spy.calls.filter((c) => c.startsWith('/v1/pull'));
    expect(pulls[1]).not.toMatch(/cursor=/);
    expect((await a.db.decisions.get(pendingId))?.title).toBe('Not yet pushed');
    expect(await a.db.outbox.count()).toBe(0);
  });

  it('keeps both versions of a concurrent rationale edit on both profiles', async () => {
    const a = await profile(server, server.admin.token);
    const b = await profile(server, server.admin.token);
    const id = await createDecision(a.ctx, { title: 'Shared' });
    await a.sync();
    await b.sync();
    await updateDecision(a.ctx, id, { rationale: 'Because latency' });
    await updateDecision(b.ctx, id, { rationale: 'Because cost' });
    await a.sync();
    await b.sync();
    await a.sync();
    const [ra, rb] = [await a.db.decisions.get(id), await b.db.decisions.get(id)];
    expect(ra?.rationale).toBe(rb?.rationale);
    const versions = [ra?.rationale, ...(ra?.conflicts?.rationale ?? []).map((v) => v.value)].sort();
    expect(versions).toEqual(['Because cost', 'Because latency']);
    expect(rb?.conflicts?.rationale?.map((v) => v.value)).toEqual(
      ra?.conflicts?.rationale?.map((v) => v.value),
    );
  });

  it('never sends the quote of a "do not sync quotes" site', async () => {
    const a = await profile(server, server.admin.token, { privateHosts: ['secret.example.com'] });
    const id = await createDecision(
      a.ctx,
      { title: 'Private quote' },
      anchor('https://wiki.secret.example.com/x'),
    );
    await a.sync();
    const rows = await server.store.query<{ data: unknown }>(
      "SELECT data FROM records WHERE tbl = 'anchors'",
    );
    const stored = rows.map(
      (r) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, unknown>,
    );
    const mine = stored.find((r) => r.decisionId === id);
    expect(mine).toMatchObject({ quotePrivate: true });
    expect(JSON.stringify(mine)).not.toContain('we chose Redis');
    expect((await a.db.anchors.where('decisionId').equals(id).first())?.selectors?.quote.exact).toBe(
      'we chose Redis',
    );
    const b = await profile(server, server.admin.token);
    await b.sync();
    expect(await b.db.anchors.where('decisionId').equals(id).first()).toMatchObject({
      selectors: null,
      quotePrivate: true,
    });
  });

  it('records an offline failure with a growing, jittered backoff', async () => {
    const a = await profile(server, server.admin.token);
    await createDecision(a.ctx, { title: 'Offline change' });
    const offline = spyFetch(() => 'offline');
    await expect(a.sync({ fetch: offline.fetch })).rejects.toThrow();
    await expect(a.sync({ fetch: offline.fetch })).rejects.toThrow();
    const status = await readStatus(a.db);
    expect([status.state, status.failures]).toEqual(['offline', 2]);
    expect(Date.parse(status.retryAt ?? '')).toBeGreaterThan(Date.now());
    expect(describeStatus(status, await a.db.outbox.count())).toBe('Offline — 1 change waiting');
    for (let n = 1; n < 12; n++) {
      expect(backoffMs(n, () => 0)).toBeLessThanOrEqual(backoffMs(n + 1, () => 0));
      expect(backoffMs(n, () => 0.999)).toBeLessThanOrEqual(7.5 * 60_000);
    }
  });

  it('runs one pass at a time under the lock', async () => {
    const order: string[] = [];
    const pass = (name: string) => async () => {
      order.push(`${name}:start`);
      await new Promise((r) => setTimeout(r, 20));
      order.push(`${name}:end`);
    };
    await Promise.all([withSyncLock(pass('a')), withSyncLock(pass('b'))]);
    expect(order).toEqual(['a:start', 'a:end', 'b:start', 'b:end']);
  });

  it('reconnects as another member with a new client id, keeping what waits in the outbox', async () => {
    const a = await profile(server, server.admin.token);
    await joinWorkspace(a.db, a.deps.workspaceId, server.admin.memberId);
    await createDecision(a.ctx, { title: 'Pushed as the admin' });
    await a.sync({ clientId: await clientIdOf(a.db) });
    await createDecision(a.ctx, { title: 'Waiting while switching members' });
    const dana = await server.invite('Dana');
    const before = await clientIdOf(a.db);
    await joinWorkspace(a.db, a.deps.workspaceId, dana.memberId);
    const after = await clientIdOf(a.db);
    expect(after).not.toBe(before);
    await a.sync({ clientId: after, server: { url: server.url, token: dana.token } });
    expect(await a.db.outbox.count()).toBe(0);
    const b = await profile(server, server.admin.token);
    await b.sync();
    expect((await b.db.decisions.toArray()).map((d) => d.title)).toContain('Waiting while switching members');
  });
});
