// Push and pull end to end, on PGlite and on the local PostgreSQL, as DESIGN.md §5 describes:
// merged rows, mutation ids, clock skew, conflict siblings, tombstones, paging and 410 cursors.
import { describe, expect, it } from 'vitest';
import { MAX_FUTURE_SKEW_MS, MAX_PULL_LIMIT } from '../../src/core/protocol';
import { compactWorkspace, inviteMember } from '../../src/server/admin';
import { PullResponseSchema, PushResponseSchema } from '../../src/server/schemas';
import { PULL_PAGE_BYTES, readChanges } from '../../src/server/sync/pull';
import { hlcAt, rowId } from './helpers/api';
import { ENGINES } from './helpers/databases';
import { decision, push, useServer } from './helpers/fixture';

const DAY = 86_400_000;

describe.each(ENGINES)('push and pull on %s', (engine) => {
  const fx = useServer(engine);
  const workspace = () => fx.workspace();

  it('stores pushed ops as merged rows of the token workspace and pulls them in seq order', async () => {
    const { creds, as } = await workspace();
    const [a, b] = [rowId(), rowId()];
    const first = await push(as, 'c1', [
      { id: 1, hlc: hlcAt('c1'), ops: [decision(a, { title: 'A', status: 'proposed' })] },
    ]);
    expect(first.status).toBe(200);
    expect(PushResponseSchema.parse(first.body)).toEqual({ lastMutationId: 1, seq: 1 });
    const second = await push(as, 'c1', [
      { id: 2, hlc: hlcAt('c1'), ops: [decision(b, { title: 'B' })] },
      { id: 3, hlc: hlcAt('c1', Date.now() + 1), ops: [decision(a, { title: 'A2' })] },
    ]);
    expect(second.body).toEqual({ lastMutationId: 3, seq: 2 });

    const pulled = await as.pull();
    expect(pulled.status).toBe(200);
    const page = PullResponseSchema.parse(pulled.body);
    // A row changed twice appears once, at its newest seq.
    expect(page.changes.map((c) => [c.row.id, c.seq])).toEqual([
      [a, 2],
      [b, 2],
    ]);
    expect(page.changes[0]?.row).toMatchObject({
      title: 'A2',
      status: 'proposed',
      workspaceId: creds.workspaceId,
    });
    expect(page).toMatchObject({ nextCursor: 's2', hasMore: false });
    expect((await as.pull('s2')).body).toEqual({ changes: [], nextCursor: 's2', hasMore: false });
  });

  it('skips a retried mutation id and answers 409 with the expected id on a gap', async () => {
    const { as } = await workspace();
    const id = rowId();
    const m1 = { id: 1, hlc: hlcAt('c1'), ops: [decision(id, { title: 'one' })] };
    expect((await push(as, 'c1', [m1])).body).toEqual({ lastMutationId: 1, seq: 1 });
    // The same mutation again (a lost reply, retried): nothing is applied, the seq does not move.
    expect((await push(as, 'c1', [{ ...m1, ops: [decision(id, { title: 'changed?' })] }])).body).toEqual({
      lastMutationId: 1,
      seq: 1,
    });
    const gap = await push(as, 'c1', [{ id: 3, hlc: hlcAt('c1'), ops: [decision(id, { title: 'three' })] }]);
    expect(gap).toMatchObject({ status: 409, body: { error: 'mutation-gap', expectedId: 2 } });
    // A new client starts at 1.
    const fresh = await push(as, 'c2', [{ id: 5, hlc: hlcAt('c2'), ops: [decision(id, { title: 'x' })] }]);
    expect(fresh).toMatchObject({ status: 409, body: { expectedId: 1 } });
    // A push of old and new ids applies only the new ones.
    const m2 = { id: 2, hlc: hlcAt('c1', Date.now() + 5), ops: [decision(id, { title: 'two' })] };
    expect((await push(as, 'c1', [m1, m2])).body).toEqual({ lastMutationId: 2, seq: 2 });
    const { changes } = await as.pullAll();
    expect(changes.map((c) => c.row.title)).toEqual(['two']);
    // An empty push tells a client where it stands.
    expect((await push(as, 'c1', [])).body).toEqual({ lastMutationId: 2, seq: 2 });
  });

  it('refuses a clientId already used by another member', async () => {
    const { creds, as } = await workspace();
    const other = await inviteMember(fx.server.store, creds.workspaceId, 'Dana');
    expect(
      (await push(as, 'shared', [{ id: 1, hlc: hlcAt('shared'), ops: [decision(rowId(), { title: 't' })] }]))
        .status,
    ).toBe(200);
    const res = await push(fx.api.as(other.token), 'shared', [
      { id: 2, hlc: hlcAt('shared'), ops: [decision(rowId(), { title: 't' })] },
    ]);
    expect(res).toMatchObject({ status: 409, body: { error: 'client-taken' } });
  });

  it('applies concurrent pushes to one workspace each exactly once, in seq order', async () => {
    const { as } = await workspace();
    const clients = Array.from({ length: 12 }, (_, i) => `racer${i}`);
    const rounds = 6;
    const results = await Promise.all(
      clients.map(async (clientId) => {
        const seqs: number[] = [];
        for (let m = 1; m <= rounds; m++) {
          const res = await push(as, clientId, [
            { id: m, hlc: hlcAt(clientId), ops: [decision(rowId(), { title: `${clientId} ${m}` })] },
          ]);
          expect(res.body).toMatchObject({ lastMutationId: m });
          seqs.push(res.body.seq as number);
        }
        return seqs;
      }),
    );
    // Every push got its own seq, and the seqs are exactly 1..n: nothing applied twice or lost.
    const all = results.flat().sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: clients.length * rounds }, (_, i) => i + 1));
    const { changes } = await as.pullAll();
    expect(changes).toHaveLength(clients.length * rounds);
    expect(changes.map((c) => c.seq)).toEqual(all);
  });

  it('rejects HLCs more than 5 minutes ahead of the server clock, and writes nothing', async () => {
    const { as } = await workspace();
    const now = Date.now();
    const ahead = await push(as, 'c1', [
      { id: 1, hlc: hlcAt('c1', now), ops: [decision(rowId(), { title: 'ok' })] },
      {
        id: 2,
        hlc: hlcAt('c1', now + MAX_FUTURE_SKEW_MS + 60_000),
        ops: [decision(rowId(), { title: 'future' })],
      },
    ]);
    expect(ahead).toMatchObject({ status: 400, body: { error: 'clock-skew' } });
    expect((ahead.body as { message: string }).message).toMatch(/^mutations\.1\.hlc/);
    expect((await as.pullAll()).changes).toEqual([]);
    // The same HLC is fine once the server clock has caught up.
    fx.clockOffset = 2 * 60_000;
    try {
      const later = await push(as, 'c1', [
        {
          id: 1,
          hlc: hlcAt('c1', now + MAX_FUTURE_SKEW_MS + 60_000),
          ops: [decision(rowId(), { title: 'f' })],
        },
      ]);
      expect(later.status).toBe(200);
    } finally {
      fx.clockOffset = 0;
    }
  });

  it('answers a clear 400 to an unknown schema version', async () => {
    const { as } = await workspace();
    const res = await as.request('POST', '/v1/push', {
      clientId: 'c1',
      schemaVersion: 3,
      mutations: [],
      newField: 1,
    });
    expect(res).toMatchObject({ status: 400, body: { error: 'unsupported-schema-version', supported: [2] } });
    expect((res.body as { message: string }).message).toMatch(/schema version 2.*sent 3.*Upgrade the server/);
  });

  it('tells a version-1 client (single-HLC bases, whole-array lists) to update', async () => {
    const { as } = await workspace();
    const res = await as.request('POST', '/v1/push', { clientId: 'c1', schemaVersion: 1, mutations: [] });
    expect(res).toMatchObject({ status: 400, body: { error: 'unsupported-schema-version' } });
    expect((res.body as { message: string }).message).toMatch(/Update the extension/);
  });

  it('keeps the loser of concurrent free-text edits as a conflict sibling, and a resolution clears it', async () => {
    const { as } = await workspace();
    const id = rowId();
    const t0 = Date.now();
    await push(as, 'alice', [
      { id: 1, hlc: hlcAt('alice', t0), ops: [decision(id, { title: 'D', rationale: 'v0' })] },
    ]);
    const base = { rationale: [hlcAt('alice', t0)] };
    await push(as, 'alice', [
      { id: 2, hlc: hlcAt('alice', t0 + 10), ops: [decision(id, { rationale: 'alice' }, base)] },
    ]);
    await push(as, 'bob', [
      { id: 1, hlc: hlcAt('bob', t0 + 20), ops: [decision(id, { rationale: 'bob' }, base)] },
    ]);
    const [row] = (await as.pullAll()).changes.map((c) => c.row);
    expect(row?.rationale).toBe('bob');
    const conflicts = row?.conflicts as Record<string, { value: unknown }[]> | undefined;
    expect(conflicts?.rationale?.map((v) => v.value)).toEqual(['alice']);
    // Bob keeps one version, having seen both (his base names both): the sibling goes away everywhere.
    const frontier = { rationale: [hlcAt('alice', t0 + 10), hlcAt('bob', t0 + 20)] };
    await push(as, 'bob', [
      { id: 2, hlc: hlcAt('bob', t0 + 30), ops: [decision(id, { rationale: 'merged' }, frontier)] },
    ]);
    const [resolved] = (await as.pullAll()).changes.map((c) => c.row);
    expect(resolved?.rationale).toBe('merged');
    expect(resolved?.conflicts).toBeUndefined();
  });

  it('keeps a tombstone over an older concurrent edit until a newer undelete', async () => {
    const { as } = await workspace();
    const id = rowId();
    const t0 = Date.now();
    await push(as, 'a', [
      { id: 1, hlc: hlcAt('a', t0), ops: [decision(id, { title: 'T', deleted: false })] },
    ]);
    await push(as, 'a', [{ id: 2, hlc: hlcAt('a', t0 + 20), ops: [decision(id, { deleted: true })] }]);
    // An edit made offline before the delete, delivered after it.
    await push(as, 'b', [
      { id: 1, hlc: hlcAt('b', t0 + 10), ops: [decision(id, { title: 'edited', deleted: false })] },
    ]);
    let [row] = (await as.pullAll()).changes.map((c) => c.row);
    expect(row).toMatchObject({ deleted: true, title: 'edited' });
    await push(as, 'b', [{ id: 2, hlc: hlcAt('b', t0 + 30), ops: [decision(id, { deleted: false })] }]);
    [row] = (await as.pullAll()).changes.map((c) => c.row);
    expect(row).toMatchObject({ deleted: false, title: 'edited' });
  });

  it('pages in seq order without splitting a push, and resumes from a stored cursor', async () => {
    const { as } = await workspace();
    const ids = Array.from({ length: 12 }, () => rowId());
    const t0 = Date.now();
    // Three pushes of four rows, then one push of one row.
    for (let p = 0; p < 3; p++) {
      const ops = ids.slice(p * 4, p * 4 + 4).map((id) => decision(id, { title: `p${p}` }));
      await push(as, 'c', [{ id: p + 1, hlc: hlcAt('c', t0 + p), ops }]);
    }
    const single = rowId();
    await push(as, 'c', [{ id: 4, hlc: hlcAt('c', t0 + 3), ops: [decision(single, { title: 'last' })] }]);

    const seen: [string, number][] = [];
    let cursor = '';
    const pageSizes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await as.pull(cursor, 6);
      expect(res.status).toBe(200);
      pageSizes.push(res.body.changes.length);
      seen.push(...res.body.changes.map((c): [string, number] => [c.row.id, c.seq]));
      cursor = res.body.nextCursor;
      if (!res.body.hasMore) break;
    }
    // 6 would split the second push: the first page stops after the first; a push bigger than
    // the limit comes whole.
    expect(pageSizes).toEqual([4, 4, 5]);
    expect(seen.map(([, seq]) => seq)).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4]);
    expect(new Set(seen.map(([id]) => id)).size).toBe(13);
    const bigPush = await as.pull('', 2);
    expect(bigPush.body.changes).toHaveLength(4);
    expect(bigPush.body).toMatchObject({ nextCursor: 's1', hasMore: true });
    // Later changes continue from the stored cursor.
    await push(as, 'c', [
      { id: 5, hlc: hlcAt('c', t0 + 4), ops: [decision(ids[0] as string, { title: 'again' })] },
    ]);
    const next = await as.pull(cursor);
    expect(next.body.changes.map((c) => [c.row.id, c.row.title, c.seq])).toEqual([[ids[0], 'again', 5]]);
  });

  it('ends a page early at its byte budget, still never splitting a push', async () => {
    const { creds, as } = await workspace();
    const t0 = Date.now();
    const text = 'x'.repeat(3000); // long rationales: a few rows fill the budget
    const ids = Array.from({ length: 6 }, () => rowId());
    // Pushes of 2, 2 and 2 rows.
    for (let p = 0; p < 3; p++) {
      const ops = ids.slice(p * 2, p * 2 + 2).map((id) => decision(id, { rationale: text }));
      await push(as, 'c', [{ id: p + 1, hlc: hlcAt('c', t0 + p), ops }]);
    }
    const page = (after: number, maxBytes: number) =>
      readChanges(fx.server.store, creds.workspaceId, { seq: after, epoch: 0 }, 100, maxBytes);
    // About 3 KB a row: a 7 KB budget holds two rows, so one push a page.
    const sizes: number[] = [];
    let after = 0;
    for (let i = 0; i < 10; i++) {
      const out = await page(after, 7000);
      if (out.kind !== 'changes') throw new Error(out.kind);
      sizes.push(out.changes.length);
      after = out.lastSeq;
      if (!out.hasMore) break;
    }
    expect(sizes).toEqual([2, 2, 2]);
    // A budget below one push still sends that push whole.
    const tiny = await page(0, 100);
    expect(tiny).toMatchObject({ kind: 'changes', lastSeq: 1, hasMore: true });
    expect(tiny.kind === 'changes' && tiny.changes).toHaveLength(2);
    // Without a budget in the way, the row limit rules.
    expect(await page(0, PULL_PAGE_BYTES)).toMatchObject({ lastSeq: 3, hasMore: false });
  });

  it('answers 410 for a cursor older than a compaction, and a late edit cannot resurrect a purged row', async () => {
    const { creds, as } = await workspace();
    const [gone, kept] = [rowId(), rowId()];
    const old = Date.now() - 40 * DAY;
    await push(as, 'c', [
      { id: 1, hlc: hlcAt('c', old), ops: [decision(gone, { title: 'G', deleted: false })] },
    ]);
    await push(as, 'c', [{ id: 2, hlc: hlcAt('c', old + 1), ops: [decision(gone, { deleted: true })] }]);
    await push(as, 'c', [{ id: 3, hlc: hlcAt('c'), ops: [decision(kept, { title: 'K' })] }]);
    expect(await compactWorkspace(fx.server.store, creds.workspaceId, 30 * DAY)).toEqual({
      purged: 1,
      minCursor: 2,
    });

    expect(await as.pull('s1')).toMatchObject({ status: 410, body: { error: 'cursor-gone' } });
    // A client that had seen the delete, or a fresh one, is served.
    expect((await as.pull('s2')).status).toBe(200);
    const fresh = await as.pullAll();
    expect(fresh.changes.map((c) => c.row.id)).toEqual([kept]);
    // An edit made before the delete, arriving now, stays deleted (and is not a full row again).
    await push(as, 'late', [
      { id: 1, hlc: hlcAt('late', old - 5), ops: [decision(gone, { title: 'late edit' })] },
    ]);
    const row = (await as.request<{ row: Record<string, unknown> }>('GET', `/v1/records/decisions/${gone}`))
      .body.row;
    expect(row).toMatchObject({ deleted: true, title: 'late edit' });
  });

  it('serves a multi-page pull after compaction, from an empty cursor and from a cursor past the purge', async () => {
    const { creds, as } = await workspace();
    const old = Date.now() - 40 * DAY;
    const [k1, k2, gone, k3, k4] = [rowId(), rowId(), rowId(), rowId(), rowId()];
    let id = 0;
    const one = (at: number, op: ReturnType<typeof decision>) =>
      push(as, 'c', [{ id: ++id, hlc: hlcAt('c', at), ops: [op] }]);
    await one(old, decision(k1, { title: 'K1' }));
    await one(old + 1, decision(k2, { title: 'K2' }));
    await one(old + 2, decision(gone, { title: 'G' }));
    const beforeDelete = (await as.pullAll()).cursor;
    await one(old + 3, decision(gone, { deleted: true }));
    const afterDelete = (await as.pullAll()).cursor;
    await one(Date.now(), decision(k3, { title: 'K3' }));
    expect(await compactWorkspace(fx.server.store, creds.workspaceId, 30 * DAY)).toMatchObject({ purged: 1 });
    await one(Date.now() + 1, decision(k4, { title: 'K4' }));

    // One row a page: every page after the first has a cursor below the purged change's seq.
    const fresh = await as.pullAll('', 1);
    expect(fresh.pages).toBeGreaterThan(3);
    expect(fresh.changes.map((c) => c.row.id)).toEqual([k1, k2, k3, k4]);
    // A cursor issued before the compaction that may have missed the delete must resync ...
    expect(await as.pull(beforeDelete)).toMatchObject({ status: 410, body: { error: 'cursor-gone' } });
    // ... one that had seen it goes on, and so do the cursors it leads to.
    const goingOn = await as.pullAll(afterDelete, 1);
    expect(goingOn.changes.map((c) => c.row.id)).toEqual([k3, k4]);
    // Cursors issued before a second compaction that purged nothing stay valid.
    expect(await compactWorkspace(fx.server.store, creds.workspaceId, 30 * DAY)).toMatchObject({ purged: 0 });
    expect((await as.pull(fresh.cursor)).status).toBe(200);
  });

  it('answers 410 for a cursor ahead of the server and 400 for a malformed one', async () => {
    const { as } = await workspace();
    expect(await as.pull('s99')).toMatchObject({ status: 410, body: { error: 'cursor-gone' } });
    expect(await as.pull('garbage')).toMatchObject({ status: 400, body: { error: 'invalid-cursor' } });
    expect(await as.pull('', MAX_PULL_LIMIT + 1)).toMatchObject({
      status: 400,
      body: { error: 'invalid-request' },
    });
  });
});
