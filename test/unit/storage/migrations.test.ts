// The migration harness: for every version the database has had, open a database at that
// version with data, upgrade to the latest, and check nothing was lost. A new Dexie version
// adds its seed to SEEDS when its upgrade reshapes data.
import { describe, expect, it } from 'vitest';
import { HlcClock } from '../../../src/core/hlc';
import { makeRow } from '../../../src/core/records';
import { TABLES } from '../../../src/core/schemas';
import { openDb } from '../../../src/storage/db';
import { DB_VERSIONS, LATEST_VERSION } from '../../../src/storage/versions';

function seedRows() {
  const clock = new HlcClock('seed');
  const ctx = () => ({ workspaceId: 'local', hlc: clock.now(), now: new Date('2026-01-05T09:00:00Z') });
  const decision = makeRow(
    'decisions',
    { title: 'Adopt trunk-based development', rationale: 'Fewer merge conflicts' },
    ctx(),
  );
  const person = makeRow('stakeholders', { name: 'Lee', function: 'Product' }, ctx());
  return {
    decisions: [decision],
    stakeholders: [person],
    roles: [
      makeRow(
        'roles',
        { decisionId: decision.id, stakeholderId: person.id, raci: 'C', stance: 'concerns' },
        ctx(),
      ),
    ],
    anchors: [
      makeRow(
        'anchors',
        {
          decisionId: decision.id,
          pageKey: 'github:acme/web#12',
          url: 'https://github.com/acme/web/pull/12',
        },
        ctx(),
      ),
    ],
    followUps: [
      makeRow(
        'followUps',
        { decisionId: decision.id, title: 'Update CONTRIBUTING', dueAt: '2026-01-09T17:00:00.000Z' },
        ctx(),
      ),
    ],
    events: [
      makeRow(
        'events',
        { decisionId: decision.id, at: '2026-01-05T09:00:00.000Z', actor: 'local', kind: 'created' },
        ctx(),
      ),
    ],
  };
}

describe('database migrations', () => {
  for (const from of DB_VERSIONS) {
    it(`keep every record when upgrading from version ${from.version} to ${LATEST_VERSION}`, async () => {
      const name = `migrate-${from.version}-${crypto.randomUUID()}`;
      const old = openDb(
        name,
        DB_VERSIONS.filter((v) => v.version <= from.version),
      );
      const seed = seedRows();
      await old.transaction('rw', old.tables, async () => {
        for (const [table, rows] of Object.entries(seed)) await old.table(table).bulkPut(rows);
        await old.table('outbox').add({ hlc: seed.decisions[0]?.fieldHlc.title, ops: [] });
        await old.table('meta').put({ key: 'clientId', value: 'abc123' });
      });
      old.close();

      const db = openDb(name);
      await db.open();
      expect(db.verno).toBe(LATEST_VERSION);
      for (const [table, rows] of Object.entries(seed)) {
        const stored = await db.table(table).toArray();
        expect(stored.map((r: { id: string }) => r.id)).toEqual(rows.map((r) => r.id));
        for (const row of stored)
          expect(TABLES[table as keyof typeof TABLES].safeParse(row).success).toBe(true);
      }
      expect(await db.outbox.count()).toBe(1);
      expect((await db.meta.get('clientId'))?.value).toBe('abc123');
      await db.delete();
    });
  }
});

describe('version 3', () => {
  it('indexes decisions deleted before the upgrade, and takes their follow-ups out of the due index', async () => {
    const name = `migrate-deleted-${crypto.randomUUID()}`;
    const old = openDb(
      name,
      DB_VERSIONS.filter((v) => v.version <= 2),
    );
    const clock = new HlcClock('seed');
    const ctx = () => ({ workspaceId: 'local', hlc: clock.now(), now: new Date('2026-01-05T09:00:00Z') });
    const kept = makeRow('decisions', { title: 'Kept' }, ctx());
    const gone = { ...makeRow('decisions', { title: 'Gone' }, ctx()), deleted: true };
    await old.table('decisions').bulkPut([kept, gone]);
    // Version 2 indexed every pending follow-up, a deleted decision's too.
    const due = '2026-01-09T17:00:00.000Z';
    const followUp = (decisionId: string) => ({
      ...makeRow('followUps', { decisionId, title: 'Ship', dueAt: due }, ctx()),
      _due: due,
    });
    const [live, orphan] = [followUp(kept.id), followUp(gone.id)];
    await old.table('followUps').bulkPut([live, orphan]);
    old.close();

    const db = openDb(name);
    expect(await db.decisions.where('_deleted').above('').primaryKeys()).toEqual([gone.id]);
    expect((await db.decisions.get(gone.id))?._deleted).toBe(gone.updatedAt);
    expect(await db.decisions.get(kept.id)).not.toHaveProperty('_deleted');
    expect(await db.followUps.where('_due').above('').primaryKeys()).toEqual([live.id]);
    expect(await db.followUps.get(orphan.id)).toMatchObject({ id: orphan.id, dueAt: due });
    await db.delete();
  });
});
