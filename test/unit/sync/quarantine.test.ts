// Issue 15 item 5: a pulled row this version cannot read (written by a newer client) is kept in a
// quarantine table, never skipped silently; the cursor moves on, the sync status says how many
// changes wait for an update, and after an upgrade the rows that now validate are applied.

import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { Change } from '../../../src/core/protocol';
import { makeRow } from '../../../src/core/records';
import { Decision, TABLES } from '../../../src/core/schemas';
import { metaValue } from '../../../src/storage/context';
import { openDb } from '../../../src/storage/db';
import { applyPage, cursorKey, retryQuarantine } from '../../../src/sync/apply';
import { describeStatus, IDLE } from '../../../src/sync/status';

const WS = 'ws-1';
const hlc = '001767600000000.000000.newer';
const now = new Date('2026-01-05T09:00:00Z');

function rows() {
  const ok = makeRow('decisions', { title: 'Readable' }, { workspaceId: WS, hlc, now });
  // A status this version does not know, as a newer client could write.
  const newer = {
    ...makeRow('decisions', { title: 'From the future' }, { workspaceId: WS, hlc, now }),
    status: 'paused',
  };
  return { ok, newer };
}

const change = (row: Record<string, unknown>, seq: number): Change =>
  ({ table: 'decisions', seq, row }) as Change;

describe('quarantine of rows this version cannot read', () => {
  it('keeps an unreadable row, moves the cursor on, and says so in the sync status', async () => {
    const db = openDb(`q-${crypto.randomUUID()}`);
    const { ok, newer } = rows();
    const result = await applyPage(db, WS, [change(ok, 1), change(newer, 2)], 's2');
    expect(result.applied).toBe(1);
    expect(await db.decisions.get(ok.id)).toBeDefined();
    expect(await db.decisions.get(newer.id)).toBeUndefined();
    expect(await metaValue(db, cursorKey(WS))).toBe('s2');
    const kept = await db.quarantine.toArray();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ table: 'decisions', id: newer.id, row: { status: 'paused' } });
    expect(kept[0]?.reason).toMatch(/status/);
    expect(
      describeStatus({ ...IDLE, state: 'synced', lastSyncAt: now.toISOString(), quarantined: 3 }, 0, now),
    ).toBe('Synced 0 s ago — 3 changes from a newer version wait for an update');
    expect(describeStatus({ ...IDLE, state: 'offline', quarantined: 1 }, 2)).toBe(
      'Offline — 2 changes waiting — 1 change from a newer version waits for an update',
    );
    await db.delete();
  });

  it('applies quarantined rows that the upgraded version reads, and keeps the rest', async () => {
    const db = openDb(`q-${crypto.randomUUID()}`);
    const { newer } = rows();
    const other = { ...rows().newer, id: '01900000-0000-7000-8000-00000000ffff', status: 'archived' };
    await applyPage(db, WS, [change(newer, 1), change(other, 2)], 's2');
    expect(await db.quarantine.count()).toBe(2);
    // Nothing changed yet: both stay.
    expect(await retryQuarantine(db, WS)).toBe(0);
    expect(await db.quarantine.count()).toBe(2);
    // The upgraded version knows "paused" (but still not "archived").
    const upgraded = {
      ...TABLES,
      decisions: z.object({ ...Decision.shape, status: z.enum(['proposed', 'decided', 'paused']) }),
    };
    expect(await retryQuarantine(db, WS, upgraded)).toBe(1);
    expect((await db.decisions.get(newer.id))?.status).toBe('paused');
    expect((await db.quarantine.toArray()).map((q) => q.id)).toEqual([other.id]);
    await db.delete();
  });

  it('merges a later unreadable state of the same row into the kept one', async () => {
    const db = openDb(`q-${crypto.randomUUID()}`);
    const { newer } = rows();
    await applyPage(db, WS, [change(newer, 1)], 's1');
    const later = {
      ...newer,
      title: 'Renamed',
      fieldHlc: { ...newer.fieldHlc, title: '001767600000001.000000.newer' },
    };
    await applyPage(db, WS, [change(later, 2)], 's2');
    const kept = await db.quarantine.toArray();
    expect(kept).toHaveLength(1);
    expect(kept[0]?.row).toMatchObject({ title: 'Renamed', status: 'paused' });
    await db.delete();
  });
});
