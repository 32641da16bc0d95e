// Version 4 adds the quarantine table. Opened over rows exactly as version 3 stored them (a literal
// fixture, not rows made by today's code): every row and queued change is kept unchanged, the
// quarantine starts empty, and a queued version-1 op still merges (single-HLC base, whole array).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyOp, type RowOp, type SyncRow } from '../../../src/core/merge';
import { TABLES } from '../../../src/core/schemas';
import { openDb } from '../../../src/storage/db';

const V3_STORES: Record<string, string> = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/db-versions/v3.json'), 'utf8'),
).stores;

const H1 = '001767603600000.000000.seed';
const H2 = '001767603600001.000000.seed';
const DECISION = {
  id: '01937a2e-8f00-7000-8000-000000000001',
  workspaceId: 'local',
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:05:00.000Z',
  fieldHlc: {
    title: H1,
    status: H1,
    context: H1,
    rationale: H2,
    consequences: H1,
    options: H1,
    tradeoffs: H1,
    risks: H1,
    tags: H1,
    decidedAt: H1,
    reviewAt: H1,
    supersedes: H1,
    supersededBy: H1,
    locked: H1,
    deleted: H1,
    createdAt: H1,
    updatedAt: H2,
  },
  fieldBase: { rationale: H1 },
  conflicts: { rationale: [{ value: 'Theirs', hlc: '001767603600000.500000.peer', base: H1 }] },
  title: 'Adopt trunk-based development',
  status: 'proposed',
  context: '',
  rationale: 'Fewer merge conflicts',
  consequences: '',
  options: [{ id: 'opt-1', title: 'Trunk', pros: 'Fast', cons: '', chosen: true }],
  tradeoffs: [],
  risks: '',
  tags: ['git', 'process'],
  decidedAt: null,
  reviewAt: null,
  supersedes: null,
  supersededBy: null,
  locked: false,
  deleted: false,
};
const OUTBOX = {
  seq: 1,
  hlc: '001767603600002.000000.seed',
  mutationId: 7,
  ops: [
    {
      table: 'decisions',
      id: DECISION.id,
      set: { rationale: 'Edited offline', tags: ['git', 'process', 'q1'] },
      base: { rationale: H2 },
    },
  ],
};

describe('version 4 (quarantine)', () => {
  it('keeps version 3 rows and queued changes as they were, with an empty quarantine', async () => {
    const name = `migrate-v4-${crypto.randomUUID()}`;
    // Created with version 3's frozen declaration, as that extension did.
    const old = new Dexie(name);
    old.version(3).stores(V3_STORES);
    await old.table('decisions').put(structuredClone(DECISION));
    await old.table('outbox').put(structuredClone(OUTBOX));
    await old.table('meta').put({ key: 'sync:cursor:ws', value: 's42' });
    old.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.decisions.get(DECISION.id)).toEqual(DECISION);
    expect(TABLES.decisions.safeParse(await db.decisions.get(DECISION.id)).success).toBe(true);
    expect(await db.outbox.toArray()).toEqual([OUTBOX]);
    expect((await db.meta.get('sync:cursor:ws'))?.value).toBe('s42');
    expect(await db.quarantine.count()).toBe(0);

    // The queued version-1 op, applied as a push would: the single-HLC base supersedes only the
    // version it names (the peer's sibling stays), and the whole-array tags only add.
    const [op] = OUTBOX.ops as RowOp[];
    const after = applyOp(DECISION as unknown as SyncRow, op as RowOp, OUTBOX.hlc);
    expect(after.rationale).toBe('Edited offline');
    expect(after.conflicts?.rationale?.map((v) => v.value)).toEqual(['Theirs']);
    expect(after.tags).toEqual(['git', 'process', 'q1']);
    await db.delete();
  });
});
