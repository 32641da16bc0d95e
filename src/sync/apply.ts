// Applying a pulled page: each row merged with the local copy by the shared merge (local edits
// not yet pushed survive, being newer), derived index keys recomputed, and the cursor stored in
// the same transaction — an interrupted first sync resumes where it stopped.
import type { Table } from 'dexie';
import { mergeRow, type SyncRow } from '../core/merge';
import type { Change } from '../core/protocol';
import { DEFAULTS } from '../core/records';
import { TABLES, type TableName } from '../core/schemas';
import { setMetaValue } from '../storage/context';
import type { DecidedlyDb } from '../storage/db';
import { withDerived } from '../storage/derived';
import { reindexDue, type WrittenRow } from '../storage/due-index';

const SYNCED: TableName[] = ['decisions', 'stakeholders', 'roles', 'anchors', 'followUps', 'events'];
export const cursorKey = (workspaceId: string) => `sync:cursor:${workspaceId}`;

export interface ApplyResult {
  applied: number;
  skipped: { table: string; id: string; reason: string }[];
}

export async function applyPage(
  db: DecidedlyDb,
  workspaceId: string,
  changes: Change[],
  nextCursor: string,
): Promise<ApplyResult> {
  const result: ApplyResult = { applied: 0, skipped: [] };
  // A row changed twice in a page is applied once, at its newest state (the last in seq order).
  const byTable = new Map<TableName, Map<string, SyncRow>>();
  for (const change of changes) {
    if (!TABLES[change.table]) {
      result.skipped.push({ table: String(change.table), id: change.row.id, reason: 'unknown table' });
      continue;
    }
    const rows = byTable.get(change.table) ?? new Map<string, SyncRow>();
    byTable.set(change.table, rows);
    rows.set(change.row.id, change.row as SyncRow);
  }
  await db.transaction('rw', [...SYNCED.map((t) => db[t]), db.meta], async () => {
    const written: WrittenRow[] = [];
    for (const [table, incoming] of byTable) {
      const store = db[table] as unknown as Table<SyncRow, string>;
      const ids = [...incoming.keys()];
      // One key-only range read, then the stored rows among them, then one write: never a read
      // per absent row, which costs as much as writing it (a first sync is 40,000 new rows).
      const sorted = [...ids].sort();
      const inRange = await store
        .where(':id')
        .between(sorted[0] as string, sorted.at(-1) as string, true, true)
        .primaryKeys();
      const present = inRange.filter((id) => incoming.has(id));
      const stored = await store.bulkGet(present);
      const locals = new Map(present.map((id, i) => [id, stored[i]]));
      const out: SyncRow[] = [];
      ids.forEach((id) => {
        const remote = incoming.get(id) as SyncRow;
        const local = locals.get(id);
        const merged = local ? mergeRow(local, remote) : remote;
        // A field the server never received (a private quote) keeps its local value or default.
        const complete = { ...DEFAULTS[table], ...merged, workspaceId } as SyncRow;
        if (!TABLES[table].safeParse(complete).success) {
          result.skipped.push({ table, id, reason: 'invalid row' });
          return;
        }
        const row = withDerived(table, complete);
        out.push(row);
        written.push({ table, row, before: local });
      });
      await store.bulkPut(out);
      result.applied += out.length;
    }
    // Once the whole page is written: a follow-up's decision is usually in the same page.
    await reindexDue(db, written);
    await setMetaValue(db, cursorKey(workspaceId), nextCursor);
  });
  return result;
}
