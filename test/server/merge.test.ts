// Merge properties at the server (fast-check): the stored rows are the shared mergeRow join of
// what was pushed, whatever the order (commutative), the batching (associative) or repetition
// (idempotent) of delivery — and equal to folding the same ops locally with src/core.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeHlc } from '../../src/core/hlc';
import { applyOp, type RowOp, type SyncRow } from '../../src/core/merge';
import { SCHEMA_VERSION } from '../../src/core/protocol';
import { createWorkspace } from '../../src/server/admin';
import { buildApp } from '../../src/server/app';
import { openStore } from '../../src/server/store/open';
import type { Store } from '../../src/server/store/store';
import { sameRow } from '../../src/server/sync/rows';
import { Api, injectTransport } from './helpers/api';
import { createTestDatabase, ENGINES, type TestDatabase } from './helpers/databases';

const IDS = ['01900000-0000-7000-8000-0000000e0001', '01900000-0000-7000-8000-0000000e0002'];
const T0 = Date.now() - 3_600_000;

interface Write {
  hlc: string;
  op: RowOp;
}

const writeArb = (node: string) =>
  fc
    .record({
      ms: fc.integer({ min: 0, max: 30 }),
      counter: fc.integer({ min: 0, max: 2 }),
      id: fc.constantFrom(...IDS),
      field: fc.constantFrom('title', 'status', 'rationale', 'context', 'deleted'),
      pick: fc.integer({ min: 0, max: 2 }),
      baseMs: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    })
    .map(({ ms, counter, id, field, pick, baseMs }): Write => {
      const values: Record<string, unknown[]> = {
        title: ['t1', 't2', 't3'],
        status: ['proposed', 'decided', 'rejected'],
        rationale: ['r1', 'r2', 'r3'],
        context: ['c1', 'c2', 'c3'],
        deleted: [true, false, true],
      };
      const hlc = encodeHlc({ ms: T0 + ms, counter, node });
      // A free-text write may have seen an earlier version (any HLC below its own).
      const free = field === 'rationale' || field === 'context';
      const base =
        free && baseMs !== undefined && baseMs < ms
          ? { [field]: encodeHlc({ ms: T0 + baseMs, counter: 0, node: 'z' }) }
          : undefined;
      return {
        hlc,
        op: { table: 'decisions', id, set: { [field]: values[field]?.[pick] }, ...(base ? { base } : {}) },
      };
    });

const histories = fc.tuple(
  fc.array(writeArb('a'), { minLength: 1, maxLength: 6 }),
  fc.array(writeArb('b'), { minLength: 1, maxLength: 6 }),
);

describe.each(ENGINES)('merge properties through the server on %s', (engine) => {
  let db: TestDatabase;
  let store: Store;
  let api: Api;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    store = await openStore(db.options);
    api = new Api(injectTransport(await buildApp({ store })));
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  /** Delivers `batches` (each a push of [clientId, writes]) to a fresh workspace; returns its rows. */
  async function deliver(batches: [string, Write[]][]): Promise<Map<string, SyncRow>> {
    const ws = await createWorkspace(store, 'Merge');
    const as = api.as(ws.token);
    const next: Record<string, number> = {};
    for (const [clientId, writes] of batches) {
      const first = (next[clientId] ?? 0) + 1;
      next[clientId] = first + writes.length - 1;
      const mutations = writes.map((w, i) => ({ id: first + i, hlc: w.hlc, ops: [w.op] }));
      const res = await as.push({ clientId, schemaVersion: SCHEMA_VERSION, mutations });
      expect(res.status).toBe(200);
    }
    const rows = new Map<string, SyncRow>();
    for (const c of (await as.pullAll()).changes) {
      const { workspaceId: _ws, ...row } = c.row;
      rows.set(c.row.id, row as SyncRow);
    }
    return rows;
  }

  const expectSame = (x: Map<string, SyncRow>, y: Map<string, SyncRow>) => {
    expect([...x.keys()].sort()).toEqual([...y.keys()].sort());
    for (const [id, row] of x) expect(sameRow(row, y.get(id)), id).toBe(true);
  };

  it('stores the same rows whatever the delivery order, batching or repetition, equal to the local fold', async () => {
    await fc.assert(
      fc.asyncProperty(histories, fc.integer({ min: 1, max: 5 }), async ([a, b], cut) => {
        const inOrder = await deliver([
          ['a', a],
          ['b', b],
        ]);
        // Commutative: the other client first.
        expectSame(
          inOrder,
          await deliver([
            ['b', b],
            ['a', a],
          ]),
        );
        // Associative: one mutation a push, interleaved, instead of one push a client.
        const single = [
          ...a.map((w): [string, Write[]] => ['a', [w]]),
          ...b.map((w): [string, Write[]] => ['b', [w]]),
        ];
        single.sort((x, y) => ((x[1][0] as Write).hlc < (y[1][0] as Write).hlc ? 1 : -1));
        expectSame(inOrder, await deliver(single));
        // Idempotent: everything delivered again as new mutations changes nothing.
        expectSame(
          inOrder,
          await deliver([
            ['a', a.slice(0, cut)],
            ['b', b],
            ['a', a],
            ['c', [...a, ...b]],
          ]),
        );
        // And the server's join is src/core's.
        const local = new Map<string, SyncRow>();
        for (const w of [...a, ...b]) local.set(w.op.id, applyOp(local.get(w.op.id), w.op, w.hlc));
        expectSame(inOrder, local);
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});
