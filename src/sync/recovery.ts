// Recovering from a server that lost data (restored from an older backup) or can no longer serve
// our cursor (compaction): this device's rows are queued again, whole, with their own field HLCs,
// and the pull starts over. Merging makes the re-push harmless — rows the server still has merge
// into themselves and are not even written; rows it lost come back; rows it purged meet their
// kept delete and come back to us as tombstones. Nothing local is dropped.
import type { Table } from 'dexie';
import type { SyncRow } from '../core/merge';
import type { TableName } from '../core/schemas';
import type { DecidedlyDb } from '../storage/db';
import { importEntries } from '../storage/import-outbox';
import { cursorKey } from './apply';

const SYNCED: TableName[] = ['stakeholders', 'decisions', 'roles', 'anchors', 'followUps', 'events'];

/** Appends every local row's state to the outbox and forgets the pull cursor, in one transaction. */
export async function requeueLocalState(db: DecidedlyDb, workspaceId: string): Promise<number> {
  return db.transaction('rw', [...SYNCED.map((t) => db[t]), db.outbox, db.meta], async () => {
    const written: { table: TableName; row: SyncRow }[] = [];
    for (const table of SYNCED) {
      const rows = await (db[table] as unknown as Table<SyncRow, string>).toArray();
      for (const row of rows) written.push({ table, row });
    }
    const entries = importEntries(written);
    if (entries.length) await db.outbox.bulkAdd(entries);
    await db.meta.delete(cursorKey(workspaceId));
    return entries.length;
  });
}
