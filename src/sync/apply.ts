// Applying a pulled page: each row merged with the local copy by the shared merge (local edits
// not yet pushed survive, being newer), derived index keys recomputed, and the cursor stored in
// the same transaction — an interrupted first sync resumes where it stopped. A row this version
// cannot read (a newer client wrote it) goes to the quarantine table, never silently skipped.
import type { Table } from 'dexie';
import { mergeRow, PURGED_MARK, type SyncRow } from '../core/merge';
import type { Change } from '../core/protocol';
import { DEFAULTS } from '../core/records';
import { describeIssues, TABLES, type TableName } from '../core/schemas';
import { setMetaValue } from '../storage/context';
import type { DecidedlyDb, QuarantineRecord } from '../storage/db';
import { withDerived } from '../storage/derived';
import { reindexDue, type WrittenRow } from '../storage/due-index';
import { wholeRowEntries } from '../storage/import-outbox';

const SYNCED: TableName[] = ['decisions', 'stakeholders', 'roles', 'anchors', 'followUps', 'events'];
export const cursorKey = (workspaceId: string) => `sync:cursor:${workspaceId}`;

/** The schemas rows are checked with: this version's, or (in tests) an upgraded version's. */
type Schemas = Record<string, { safeParse(value: unknown): { success: boolean; error?: unknown } }>;

export interface ApplyResult {
  applied: number;
  /** Rows kept in quarantine by this page. */
  quarantined: { table: string; id: string; reason: string }[];
}

interface Incoming {
  table: string;
  row: SyncRow;
}

export async function applyPage(
  db: DecidedlyDb,
  workspaceId: string,
  changes: Change[],
  nextCursor: string,
): Promise<ApplyResult> {
  const incoming = changes.map((c) => ({ table: String(c.table), row: c.row as SyncRow }));
  return db.transaction('rw', [...SYNCED.map((t) => db[t]), db.meta, db.quarantine, db.outbox], async () => {
    const result = await applyRows(db, workspaceId, incoming, TABLES);
    await setMetaValue(db, cursorKey(workspaceId), nextCursor);
    return result;
  });
}

/**
 * Applies the quarantined rows the running version can now read (after an upgrade); returns how
 * many. The rest stay. Merging is a join, so applying an older kept state is harmless.
 */
export async function retryQuarantine(
  db: DecidedlyDb,
  workspaceId: string,
  schemas: Schemas = TABLES,
): Promise<number> {
  return db.transaction('rw', [...SYNCED.map((t) => db[t]), db.quarantine, db.outbox], async () => {
    const kept = await db.quarantine.toArray();
    if (!kept.length) return 0;
    const result = await applyRows(
      db,
      workspaceId,
      kept.map((q) => ({ table: q.table, row: q.row as SyncRow })),
      schemas,
      false,
    );
    return result.applied;
  });
}

/** Runs inside a transaction over the synced tables and the quarantine. */
async function applyRows(
  db: DecidedlyDb,
  workspaceId: string,
  changes: Incoming[],
  schemas: Schemas,
  fresh = true,
): Promise<ApplyResult> {
  const result: ApplyResult = { applied: 0, quarantined: [] };
  // A row changed twice in a page is applied once, at its newest state (the last in seq order).
  const byTable = new Map<string, Map<string, SyncRow>>();
  for (const change of changes) {
    const rows = byTable.get(change.table) ?? new Map<string, SyncRow>();
    byTable.set(change.table, rows);
    rows.set(change.row.id, change.row);
  }
  const written: WrittenRow[] = [];
  const keep: { table: string; row: SyncRow; reason: string }[] = [];
  const released: string[] = [];
  const resend: { table: TableName; row: SyncRow }[] = [];
  for (const [table, incoming] of byTable) {
    const schema = schemas[table];
    if (!schema || !(SYNCED as string[]).includes(table)) {
      for (const row of incoming.values()) keep.push({ table, row, reason: `unknown table ${table}` });
      continue;
    }
    const store = db[table as TableName] as unknown as Table<SyncRow, string>;
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
    for (const id of ids) {
      const remote = incoming.get(id) as SyncRow;
      const local = locals.get(id);
      const merged = local ? mergeRow(local, remote) : remote;
      // A field the server never received (a private quote) keeps its local value or default.
      const complete = { ...DEFAULTS[table as TableName], ...merged, workspaceId } as SyncRow;
      const parsed = schema.safeParse(complete);
      if (!parsed.success) {
        keep.push({ table, row: remote, reason: reasonOf(parsed.error) });
        continue;
      }
      // The server purged this row and someone wrote to it again: it holds only what was written
      // since. Send back everything this device holds of it, once per purge (the mark is merged in).
      const mark = remote[PURGED_MARK];
      if (local && mark !== undefined && local[PURGED_MARK] !== mark)
        resend.push({ table: table as TableName, row: merged });
      const row = withDerived(table as TableName, complete);
      out.push(row);
      written.push({ table: table as TableName, row, before: local });
      released.push(`${table}:${id}`);
    }
    await store.bulkPut(out);
    result.applied += out.length;
  }
  // Once the whole page is written: a follow-up's decision is usually in the same page.
  await reindexDue(db, written);
  if (released.length) await db.quarantine.bulkDelete(released);
  const entries = resend.flatMap(({ table, row }) => wholeRowEntries(table, row));
  if (entries.length) await db.outbox.bulkAdd(entries);
  if (fresh) await quarantine(db, keep);
  result.quarantined = keep.map(({ table, row, reason }) => ({ table, id: row.id, reason }));
  return result;
}

function reasonOf(error: unknown): string {
  try {
    return describeIssues(error as Parameters<typeof describeIssues>[0]).slice(0, 500);
  } catch {
    return 'invalid row';
  }
}

/** Keeps rows this version cannot read; a later state of a kept row is merged into it. */
async function quarantine(db: DecidedlyDb, rows: { table: string; row: SyncRow; reason: string }[]) {
  if (!rows.length) return;
  const keys = rows.map(({ table, row }) => `${table}:${row.id}`);
  const before = await db.quarantine.bulkGet(keys);
  const at = new Date().toISOString();
  const records: QuarantineRecord[] = rows.map(({ table, row, reason }, i) => {
    const old = before[i];
    const merged = old ? mergeRow(old.row as SyncRow, row) : row;
    return { key: keys[i] as string, table, id: row.id, row: merged, reason, at: old?.at ?? at };
  });
  await db.quarantine.bulkPut(records);
}
