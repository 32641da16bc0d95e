// Stored rows fold their per-field HLCs (src/storage/compact-hlc.ts): exact on every read path
// (get, bulk reads, index queries, cursors, modify), old unfolded rows read as they are, and the
// stored value is smaller — the point, since IndexedDB's cost grows with the bytes it writes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HlcClock } from '../../../src/core/hlc';
import { makeRow } from '../../../src/core/records';
import { foldRow, unfoldRow } from '../../../src/storage/compact-hlc';
import { openDb } from '../../../src/storage/db';

const HLCS = ['001700000000100.000000.a', '001700000000200.000000.b', '001700000000300.000000.a'];

describe('folded per-field HLCs', () => {
  it('unfold(fold(row)) is the row, whatever its fields and HLCs', () => {
    const field = fc.constantFrom('title', 'status', 'rationale', 'tags', 'deleted', '_due', '_purged', 'x');
    fc.assert(
      fc.property(
        fc.dictionary(field, fc.oneof(fc.string(), fc.boolean(), fc.constant(null))),
        fc.dictionary(field, fc.constantFrom(...HLCS)),
        (values, fieldHlc) => {
          const row = { id: 'r', workspaceId: 'w', ...values, fieldHlc };
          expect(JSON.stringify(unfoldRow(foldRow(row)))).toBe(JSON.stringify(row));
          expect(foldRow(foldRow(row))).toEqual(foldRow(row));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stores rows smaller and reads them back exactly on every path', async () => {
    const db = openDb(`fold-${crypto.randomUUID()}`);
    await db.open();
    const clock = new HlcClock('fold');
    const ctx = { workspaceId: 'w', hlc: clock.now(), now: new Date('2026-01-05T09:00:00Z') };
    const d = makeRow('decisions', { title: 'Fold the clocks', rationale: 'Half the bytes' }, ctx);
    const edited = { ...d, title: 'Fold them', fieldHlc: { ...d.fieldHlc, title: clock.now() } };
    const { status: _, ...unstamped } = edited.fieldHlc as Record<string, string>;
    const plain = { ...makeRow('decisions', { title: 'Old row' }, ctx), status: 'decided' as const };
    const withDefault = { ...edited, id: crypto.randomUUID(), fieldHlc: unstamped };
    await db.decisions.bulkPut([edited, withDefault]);
    // A row stored before folding, written under the middleware's feet.
    await db.transaction('rw', db.decisions, async (tx) => {
      await (tx.idbtrans.objectStore('decisions').put(plain) as unknown as Promise<void>);
    });

    const raw = await new Promise<Record<string, unknown>>((resolve) => {
      const req = db.backendDB().transaction('decisions').objectStore('decisions').get(d.id);
      req.onsuccess = () => resolve(req.result);
    });
    expect(Object.keys(raw.fieldHlc as object).length).toBeLessThan(4);
    expect(JSON.stringify(raw.fieldHlc).length).toBeLessThan(JSON.stringify(edited.fieldHlc).length * 0.5);
    expect(JSON.stringify(raw).length).toBeLessThan(JSON.stringify(edited).length * 0.7);

    expect(await db.decisions.get(d.id)).toEqual(edited);
    expect(await db.decisions.get(withDefault.id)).toEqual(withDefault);
    expect(await db.decisions.get(plain.id)).toEqual(plain);
    expect(await db.decisions.bulkGet([d.id, 'none', plain.id])).toEqual([edited, undefined, plain]);
    expect(await db.decisions.where('status').equals('proposed').sortBy('id')).toEqual(
      [edited, withDefault].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    const seen: unknown[] = [];
    await db.decisions.each((row) => {
      seen.push(row);
    });
    expect(seen).toHaveLength(3);
    expect(seen).toContainEqual(edited);
    expect(seen).toContainEqual(plain);
    await db.decisions.toCollection().modify((row) => {
      row.locked = true;
    });
    expect(await db.decisions.get(d.id)).toEqual({ ...edited, locked: true });
    expect(await db.decisions.get(plain.id)).toEqual({ ...plain, locked: true });
    db.close();
  });
});
