// Convergence through the real server (fast-check): several clients with skewed clocks make random
// creates, edits, deletes and undeletes; pushes are delivered normally, lost, lost-reply-then-
// retried, duplicated or reordered, interleaved with pulls. In the end every replica is identical
// to the server, every acknowledged write survives (current value, kept sibling, or knowingly
// superseded), and a deleted row is only alive again if the newest write of `deleted` says so.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSeen } from '../../src/core/causality';
import type { SyncRow } from '../../src/core/merge';
import { isFreeText } from '../../src/core/merge';
import { createWorkspace, inviteMember } from '../../src/server/admin';
import { buildApp } from '../../src/server/app';
import { openStore } from '../../src/server/store/open';
import type { Store } from '../../src/server/store/store';
import { sameRow } from '../../src/server/sync/rows';
import { Api, injectTransport } from './helpers/api';
import { createTestDatabase, ENGINES, type TestDatabase } from './helpers/databases';
import { type PushMode, rowKey, SimClient, type Write } from './helpers/sim-client';

const ROW_IDS = [1, 2, 3].map((n) => `01900000-0000-7000-8000-00000000c0d${n}`);
const CLIENTS = 3;

type Action =
  | { kind: 'create'; client: number; row: number; title: string }
  | {
      kind: 'edit';
      client: number;
      row: number;
      field: 'title' | 'status' | 'rationale' | 'context';
      value: string;
    }
  | { kind: 'delete' | 'undelete'; client: number; row: number }
  | { kind: 'push'; client: number; max: number; mode: PushMode }
  | { kind: 'burst' }
  | { kind: 'pull'; client: number; limit: number };

const client = fc.integer({ min: 0, max: CLIENTS - 1 });
const row = fc.integer({ min: 0, max: ROW_IDS.length - 1 });
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      client,
      row,
      title: fc.constantFrom('a', 'b'),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.oneof(
      fc.record({
        kind: fc.constant('edit' as const),
        client,
        row,
        field: fc.constant('title' as const),
        value: fc.constantFrom('t1', 't2', 't3'),
      }),
      fc.record({
        kind: fc.constant('edit' as const),
        client,
        row,
        field: fc.constant('status' as const),
        value: fc.constantFrom('proposed', 'decided', 'rejected'),
      }),
      fc.record({
        kind: fc.constant('edit' as const),
        client,
        row,
        field: fc.constantFrom('rationale' as const, 'context' as const),
        value: fc.constantFrom('r1', 'r2', 'r3', 'r4'),
      }),
    ),
    weight: 5,
  },
  {
    arbitrary: fc.record({ kind: fc.constantFrom('delete' as const, 'undelete' as const), client, row }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('push' as const),
      client,
      max: fc.integer({ min: 1, max: 4 }),
      mode: fc.constantFrom<PushMode>(
        'normal',
        'normal',
        'lost-request',
        'lost-reply',
        'duplicate',
        'reorder',
      ),
    }),
    weight: 4,
  },
  { arbitrary: fc.constant({ kind: 'burst' as const }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('pull' as const),
      client,
      limit: fc.integer({ min: 1, max: 4 }),
    }),
    weight: 3,
  },
);
// Clock skew per client, inside the server's 5-minute tolerance.
const skews = fc.array(fc.integer({ min: -240_000, max: 240_000 }), {
  minLength: CLIENTS,
  maxLength: CLIENTS,
});

async function run(clients: SimClient[], a: Action) {
  const c = 'client' in a ? (clients[a.client] as SimClient) : undefined;
  const id = 'row' in a ? (ROW_IDS[a.row] as string) : '';
  switch (a.kind) {
    case 'create':
      return c?.write('decisions', id, {
        title: a.title,
        status: 'proposed',
        rationale: '',
        context: '',
        deleted: false,
      });
    case 'edit':
      return c?.write('decisions', id, { [a.field]: a.value });
    case 'delete':
      return c?.write('decisions', id, { deleted: true });
    case 'undelete':
      return c?.write('decisions', id, { deleted: false });
    case 'push':
      return c?.push(a.max, a.mode);
    case 'burst':
      // Every client pushes at once: the server serializes them on the workspace row.
      return void (await Promise.all(clients.map((x) => x.push(3))));
    case 'pull':
      return c?.pull(a.limit);
  }
}

/** What became of one acknowledged write in the final row. */
function survives(w: Write, final: SyncRow | undefined, all: Write[]): boolean {
  if (!final) return false;
  const hlc = final.fieldHlc[w.field] ?? '';
  const current = hlc === w.hlc && sameRow(final[w.field], w.value);
  if (!isFreeText(w.field)) return current || hlc > w.hlc;
  const sibling = (final.conflicts?.[w.field] ?? []).some(
    (v) => v.hlc === w.hlc && sameRow(v.value, w.value),
  );
  // A free-text version may only disappear when someone who had seen it wrote over it.
  const superseded = all.some(
    (x) => x.id === w.id && x.field === w.field && x.base !== undefined && hasSeen(x.base, w.hlc),
  );
  return current || sibling || superseded;
}

describe.each(ENGINES)('convergence on %s', (engine) => {
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

  it('brings every replica to the same state, losing no acknowledged write and resurrecting nothing', async () => {
    await fc.assert(
      fc.asyncProperty(skews, fc.array(action, { minLength: 5, maxLength: 40 }), async (skew, actions) => {
        const admin = await createWorkspace(store, 'Convergence');
        const tokens = [admin.token];
        for (let i = 1; i < CLIENTS; i++)
          tokens.push((await inviteMember(store, admin.workspaceId, `m${i}`)).token);
        const clients = tokens.map((t, i) => new SimClient(`client${i}`, api.as(t), skew[i]));

        for (const a of actions) await run(clients, a);
        // Everyone comes online: flush outboxes, then pull.
        for (const c of clients) await c.flush();
        for (const c of clients) await c.pull(3);

        const server = new Map<string, SyncRow>();
        for (const change of (await api.as(admin.token).pullAll()).changes) {
          server.set(rowKey(change.table, change.row.id), change.row as SyncRow);
        }
        for (const c of clients) {
          expect([...c.rows.keys()].sort()).toEqual([...server.keys()].sort());
          for (const [key, local] of c.rows)
            expect(sameRow(local, server.get(key)), `${c.clientId} ${key}`).toBe(true);
        }

        const all = clients.flatMap((c) => c.written);
        for (const w of clients.flatMap((c) => c.acknowledged)) {
          expect(survives(w, server.get(rowKey(w.table, w.id)), all), JSON.stringify(w)).toBe(true);
        }
        for (const [key, final] of server) {
          const deletes = all.filter((w) => rowKey(w.table, w.id) === key && w.field === 'deleted');
          const newest = deletes.reduce<Write | undefined>(
            (m, w) => (!m || w.hlc > m.hlc ? w : m),
            undefined,
          );
          if (newest) expect(final.deleted, key).toBe(newest.value);
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
