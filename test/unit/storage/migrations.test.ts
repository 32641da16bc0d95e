// The migration harness: for every older version the database has had, a frozen fixture holds
// rows exactly as that version stored them (test/fixtures/db-versions/vN.json, hand-written, never
// built from today's code) and that version's schema declaration. The database is created with
// that declaration and those rows, then opened by today's code, and every upgraded row is
// compared with what the upgrade must make of it. A new Dexie version adds the fixture of the
// version before it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { TABLES, type TableName } from '../../../src/core/schemas';
import { openDb } from '../../../src/storage/db';
import { DB_VERSIONS, LATEST_VERSION } from '../../../src/storage/versions';

type Row = Record<string, unknown>;
interface Fixture {
  version: number;
  stores: Record<string, string>;
  tables: Record<string, Row[]>;
}

const fixture = (version: number): Fixture =>
  JSON.parse(readFileSync(join(import.meta.dirname, `../../fixtures/db-versions/v${version}.json`), 'utf8'));

const OLDER = DB_VERSIONS.filter((v) => v.version < LATEST_VERSION).map((v) => v.version);
const GONE = '01930002-8f00-7000-8000-000000000002';
const ORPHAN = '01930009-8f00-7000-8000-000000000009';

/** Creates the database as the old version did, with its rows, and closes it. */
async function createOld(name: string, fx: Fixture) {
  const old = new Dexie(name);
  old.version(fx.version).stores(fx.stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fx.tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
}

/** What each table must hold after the upgrade, written out per version. */
function expectedAfterUpgrade(fx: Fixture): Record<string, Row[]> {
  const out = structuredClone(fx.tables);
  if (fx.version < 3) {
    // Version 3 indexes deleted decisions by deletion time and takes their follow-ups out of the
    // due index; nothing else changes.
    const gone = (out.decisions ?? []).find((d) => d.id === GONE) as Row;
    gone._deleted = '2026-01-06T10:00:00.000Z';
    const orphan = (out.followUps ?? []).find((f) => f.id === ORPHAN) as Row;
    delete orphan._due;
  }
  return out;
}

describe('database migrations from frozen fixtures', () => {
  it('has a fixture for every older version', () => {
    expect(OLDER.map((v) => fixture(v).version)).toEqual(OLDER);
  });

  for (const from of OLDER) {
    it(`upgrades version ${from} rows, as that version stored them, to version ${LATEST_VERSION}`, async () => {
      const fx = fixture(from);
      const name = `migrate-${from}-${crypto.randomUUID()}`;
      await createOld(name, fx);

      const db = openDb(name);
      await db.open();
      expect(db.verno).toBe(LATEST_VERSION);
      for (const [table, rows] of Object.entries(expectedAfterUpgrade(fx)))
        expect(await db.table(table).toArray(), table).toEqual(rows);
      // Today's code reads every upgraded row.
      for (const table of Object.keys(TABLES) as TableName[])
        for (const row of await db.table(table).toArray())
          expect(TABLES[table].safeParse(row).error, `${table} ${row.id}`).toBeUndefined();

      // The indexes today's lists read: the due list, "mine", deleted decisions, reviews.
      expect(await db.followUps.orderBy('_due').primaryKeys()).toEqual([
        '01930006-8f00-7000-8000-000000000006',
        '01930007-8f00-7000-8000-000000000007',
      ]);
      const lee = '01930003-8f00-7000-8000-000000000003';
      expect(
        await db.followUps.where('[ownerId+_due]').between([lee, ''], [lee, '\uffff']).primaryKeys(),
      ).toEqual(['01930006-8f00-7000-8000-000000000006', '01930007-8f00-7000-8000-000000000007']);
      expect(await db.decisions.where('_deleted').above('').primaryKeys()).toEqual([GONE]);
      expect(await db.decisions.where('_review').above('').primaryKeys()).toEqual([
        '01930001-8f00-7000-8000-000000000001',
      ]);
      expect(await db.quarantine.count()).toBe(0);
      await db.delete();
    });
  }
});
