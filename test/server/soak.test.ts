// The sync soak test (issue 15): several simulated clients (src/core's merge and protocol, as the
// extension's engine uses them) make field edits, concurrent free-text edits, option and tag
// edits, deletes and undeletes, go offline for stretches, and have pushes duplicated, reordered,
// lost and their replies lost — with a compaction and a server restart in the middle — against
// PGlite and PostgreSQL. In the end every replica equals a fresh pull, and no write is missing:
// each survives as the value, a kept version or a list element, or was superseded by a write
// whose writer knew it (knowledge tracked from what the server had applied, not from the merge).
// Seeded: SOAK_SEED=<n> replays a run; the seed is printed on failure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementKey } from '../../src/core/list-merge';
import type { SyncRow } from '../../src/core/merge';
import { isFreeText } from '../../src/core/merge';
import { compactWorkspace, createWorkspace, inviteMember } from '../../src/server/admin';
import { buildApp } from '../../src/server/app';
import { openStore } from '../../src/server/store/open';
import type { Store } from '../../src/server/store/store';
import { sameRow } from '../../src/server/sync/rows';
import { Api, type Transport } from './helpers/api';
import { createTestDatabase, ENGINES, type TestDatabase } from './helpers/databases';
import { type PushMode, rowKey, SimClient, type Write } from './helpers/sim-client';

const CLIENTS = 4;
const STEPS = 260;
const ROWS = Array.from({ length: 5 }, (_, i) => `01900000-0000-7000-8000-0000000050a${i}`);
const TAGS = ['infra', 'db', 'q3', 'risk', 'ux'];
const OPTION_IDS = ['opt-a', 'opt-b', 'opt-c', 'opt-d'];

/** mulberry32: small, seedable, good enough to pick actions. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
  };
}

interface Server {
  store: Store;
  transport: Transport;
}

async function startServer(db: TestDatabase): Promise<Server> {
  const store = await openStore(db.options);
  const app = await buildApp({ store });
  const transport: Transport = async (method, path, headers, body) => {
    const res = await app.inject({
      method: method as 'GET',
      url: path,
      headers,
      ...(body === undefined ? {} : { payload: body }),
    });
    const text = res.body;
    return {
      status: res.statusCode,
      body: text ? JSON.parse(text) : undefined,
      headers: res.headers as Record<string, string>,
    };
  };
  return {
    store,
    transport: async (...args) => transport(...args),
  };
}

describe.each(ENGINES)('sync soak on %s', (engine) => {
  let db: TestDatabase;
  let server: Server | undefined;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await server?.store.close();
    await db?.drop();
  });

  it('converges with every write accounted for, through faults, a compaction and a restart', async () => {
    const seed = Number(process.env.SOAK_SEED ?? Date.now() % 1_000_000_007);
    try {
      await soak(seed);
    } catch (error) {
      throw new Error(`soak on ${engine} failed with SOAK_SEED=${seed}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }, 110_000);

  async function soak(seed: number) {
    const r = rng(seed);
    server = await startServer(db);
    // Requests go to whichever server is running: the restart swaps it under the clients.
    const via: Transport = (...args) => (server as Server).transport(...args);
    const root = new Api(via);
    const admin = await createWorkspace(server.store, 'Soak');
    const tokens = [admin.token];
    for (let i = 1; i < CLIENTS; i++)
      tokens.push((await inviteMember(server.store, admin.workspaceId, `m${i}`)).token);

    // The oracle's view of causality: which writes the server has applied (from every answer,
    // lost ones included), and which writes each client knows (its own, and everything applied
    // before its last complete pull ended).
    const writesById = new Map<string, Write[]>();
    const applied = new Set<string>();
    const known = new Map<string, Set<string>>();
    const clients = tokens.map((t, i) => {
      const c = new SimClient(`soak${i}`, root.as(t), r.pick([-90_000, -1, 0, 0, 1, 90_000]));
      known.set(c.clientId, new Set());
      c.knowledge = () => new Set(known.get(c.clientId));
      c.onApplied = (clientId, last) => {
        for (const w of writesById.get(clientId) ?? []) if ((w.mutationId ?? 0) <= last) applied.add(w.hlc);
      };
      c.onPulled = (client) => {
        const k = known.get(client.clientId) as Set<string>;
        for (const h of applied) k.add(h);
      };
      return c;
    });
    const record = (c: SimClient, before: number) => {
      const fresh = c.written.slice(before);
      writesById.set(c.clientId, [...(writesById.get(c.clientId) ?? []), ...fresh]);
      for (const w of fresh) known.get(c.clientId)?.add(w.hlc);
    };
    const offlineUntil = clients.map(() => 0);
    // The compaction purges rows' content from the server; devices that still hold a purged row
    // differ from a fresh pull until someone writes to it again, and from then on it must converge
    // to the whole row everywhere (its holders send it back: docs/protocol.md, Compaction). So
    // clients go on editing, deleting and undeleting purged rows.
    for (let step = 0; step < STEPS; step++) {
      if (step === Math.floor(STEPS / 2)) {
        // Everything deleted so far is purged; cursors before it get 410 and resync.
        await compactWorkspace(server.store, admin.workspaceId, 0, Date.now() + 10 * 60_000);
      }
      if (step === Math.floor((STEPS * 2) / 3)) {
        await server.store.close();
        server = await startServer(db);
      }
      const i = r.int(CLIENTS);
      const c = clients[i] as SimClient;
      const online = step >= (offlineUntil[i] ?? 0);
      const before = c.written.length;
      const id = r.pick(ROWS);
      const row = c.rows.get(rowKey('decisions', id));
      const roll = r.next();
      if (roll < 0.1) {
        c.write('decisions', id, { title: `t-${i}-${step}`, status: r.pick(['proposed', 'decided']) });
      } else if (roll < 0.3) {
        c.write('decisions', id, { [r.pick(['consequences', 'rationale'])]: `text ${i}.${step}` });
      } else if (roll < 0.42) {
        const tags = (row?.tags as string[] | undefined) ?? [];
        const tag = r.pick(TAGS);
        c.write('decisions', id, {
          tags: tags.includes(tag) ? tags.filter((t) => t !== tag) : [...tags, tag],
        });
      } else if (roll < 0.52) {
        const options = (row?.options as { id: string }[] | undefined) ?? [];
        const oid = r.pick(OPTION_IDS);
        const option = { id: oid, title: `o-${i}-${step}`, pros: '', cons: '', chosen: r.next() < 0.3 };
        const next = options.some((o) => o.id === oid)
          ? r.next() < 0.5
            ? options.filter((o) => o.id !== oid)
            : options.map((o) => (o.id === oid ? option : o))
          : [...options, option];
        c.write('decisions', id, { options: next });
      } else if (roll < 0.58) {
        c.write('decisions', id, { deleted: !(row?.deleted ?? false) });
      } else if (roll < 0.62) {
        offlineUntil[i] = step + 10 + r.int(30);
      } else if (online && roll < 0.82) {
        const mode: PushMode = r.pick([
          'normal',
          'normal',
          'lost-request',
          'lost-reply',
          'duplicate',
          'reorder',
        ]);
        await c.push(1 + r.int(6), mode);
      } else if (online) {
        await c.pull(1 + r.int(4));
      }
      record(c, before);
    }

    // Everyone comes online: flush outboxes, then pull everything — again while a pull queued
    // something (a purged row written again gets its holders' content back).
    for (let round = 0; round < 6; round++) {
      for (const c of clients) await c.flush();
      for (const c of clients) await c.pull(3);
      if (clients.every((c) => c.outbox.length === 0)) break;
    }
    const fresh = new Map<string, SyncRow>();
    for (const change of (await root.as(admin.token).pullAll()).changes)
      fresh.set(rowKey(change.table, change.row.id), change.row as SyncRow);

    for (const c of clients) {
      for (const [key, local] of c.rows) {
        const remote = fresh.get(key);
        // A row purged by the compaction and never written again stays a tombstone on devices
        // that had it; one written again is whole and the same everywhere.
        if (!remote) expect(local.deleted, `${c.clientId} ${key} purged but alive`).toBe(true);
        else if (!sameRow(local, remote))
          expect(local, `${c.clientId} ${key} differs from a fresh pull`).toEqual(remote);
      }
      for (const key of fresh.keys()) expect(c.rows.has(key), `${c.clientId} lacks ${key}`).toBe(true);
    }

    const all = clients.flatMap((c) => c.written);
    let checked = 0;
    for (const w of all) {
      const final = fresh.get(rowKey(w.table, w.id));
      if (!final) continue; // Purged with its row (a compacted delete) and never written again.
      expect(accounted(w, final, all), `missing write ${JSON.stringify({ ...w, knew: undefined })}`).toBe(
        true,
      );
      checked++;
    }
    expect(checked).toBeGreaterThan(STEPS / 4);
  }
});

/** Whether a write survives in the final row, or was superseded by a writer who knew it. */
function accounted(w: Write, final: SyncRow, all: Write[]): boolean {
  const sameField = all.filter((x) => x.id === w.id && x.field === w.field && x.hlc !== w.hlc);
  const knewIt = (x: Write) => x.knew?.has(w.hlc) ?? false;
  if (w.put || w.removed) {
    const present = new Set(
      ((final[w.field] as unknown[] | undefined) ?? []).map((e) => elementKey(w.field, e)),
    );
    // Each element it wrote is there, unless a later removal knew this write (add wins otherwise).
    return (w.put ?? []).every(
      (key) => present.has(key) || sameField.some((x) => x.removed?.includes(key) && knewIt(x)),
    );
  }
  const hlc = final.fieldHlc[w.field] ?? '';
  const current = hlc === w.hlc && sameRow(final[w.field], w.value);
  if (!isFreeText(w.field)) return current || hlc > w.hlc;
  const kept = (final.conflicts?.[w.field] ?? []).some((v) => v.hlc === w.hlc && sameRow(v.value, w.value));
  return current || kept || sameField.some(knewIt);
}
