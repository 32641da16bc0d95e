// Restoring a JSON backup into the database: validated first (schemas and version), previewed
// (what is new, what is newer here and kept, what gets updated), then merged by the sync rules
// in one transaction that also queues every written field for sync. All or nothing.
import type { Table } from 'dexie';
import {
  type Backup,
  type ExistingLookup,
  type ImportPlan,
  type ParseBackupResult,
  parseBackup,
  planImport,
  type TableCounts,
} from '../core/export';
import type { SyncRow } from '../core/merge';
import { SCHEMA_VERSION } from '../core/protocol';
import { type Anchor, TABLE_NAMES, type TableName } from '../core/schemas';
import type { DecidedlyDb } from './db';
import { withDerived } from './derived';
import { reindexDue, type WrittenRow } from './due-index';
import { recordOf } from './export-data';
import { importEntries } from './import-outbox';
import { type WriteContext, WriteError } from './write';

/** The largest backup file accepted: far above 10,000 decisions with their history. */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

/** Validates a backup file's text against the schemas and this version. Writes nothing. */
export function readBackup(text: string): ParseBackupResult {
  return parseBackup(text, { currentSchemaVersion: SCHEMA_VERSION, maxBytes: MAX_BACKUP_BYTES });
}

const tableOf = (db: DecidedlyDb, t: TableName) => db[t] as unknown as Table<SyncRow, string>;

/** The stored rows the backup names, read ahead in bulk, as records (no local index keys). */
async function storedRows(db: DecidedlyDb, backup: Pick<Backup, 'tables'>) {
  const maps = new Map<TableName, Map<string, SyncRow>>();
  for (const t of TABLE_NAMES) {
    const ids = (backup.tables[t] ?? []).map((r) => r.id);
    const rows = await tableOf(db, t).bulkGet(ids);
    maps.set(t, new Map(rows.flatMap((r) => (r ? [[r.id, recordOf(r)]] : []))));
  }
  const lookup: ExistingLookup = (table, id) => maps.get(table)?.get(id);
  return lookup;
}

/** What importing `backup` would do now. Reads only. */
export async function previewBackup(
  db: DecidedlyDb,
  backup: Pick<Backup, 'tables'>,
  workspaceId: string,
): Promise<ImportPlan> {
  return db.transaction(
    'r',
    TABLE_NAMES.map((t) => tableOf(db, t)),
    async () => planImport(backup, await storedRows(db, backup), { workspaceId }),
  );
}

/** The counts of every table added up. */
export function totalCounts(plan: Pick<ImportPlan, 'counts'>): TableCounts {
  const total: TableCounts = { new: 0, updated: 0, keptNewer: 0, unchanged: 0 };
  for (const c of Object.values(plan.counts)) {
    total.new += c.new;
    total.updated += c.updated;
    total.keptNewer += c.keptNewer;
    total.unchanged += c.unchanged;
  }
  return total;
}

/**
 * Imports `backup` into the current workspace. The plan is made again inside the transaction,
 * so rows changed since the preview are merged as they are now and never overwritten when newer.
 */
export async function importBackup(ctx: WriteContext, backup: Pick<Backup, 'tables'>): Promise<ImportPlan> {
  const { db } = ctx;
  const tables = [...TABLE_NAMES.map((t) => tableOf(db, t)), db.outbox, db.pages];
  try {
    const plan = await db.transaction('rw', tables, async () => {
      const lookup = await storedRows(db, backup);
      const plan = planImport(backup, lookup, { workspaceId: ctx.workspaceId });
      const stored: WrittenRow[] = [];
      for (const t of TABLE_NAMES) {
        const rows = plan.merged.filter((p) => p.table === t).map((p) => withDerived(t, p.row));
        if (rows.length) await tableOf(db, t).bulkPut(rows as SyncRow[]);
        for (const row of rows) stored.push({ table: t, row, before: lookup(t, row.id) });
      }
      await reindexDue(db, stored);
      const written = plan.merged.map((p) => ({
        table: p.table,
        row: p.row as SyncRow,
        before: lookup(p.table, p.row.id),
      }));
      const entries = importEntries(written);
      if (entries.length) await db.outbox.bulkAdd(entries);
      await rememberPages(db, plan);
      return plan;
    });
    // Edits made after the import must be newer than everything it brought.
    if (plan.maxHlc) ctx.clock.receive(plan.maxHlc);
    return plan;
  } catch (error) {
    throw storageError(error);
  }
}

export type ImportTextResult = { ok: true; plan: ImportPlan } | { ok: false; error: string };

/**
 * Imports a backup file as the options page does: its text is validated again right before the
 * write, so a refused file (newer version, cut off, a bad row) writes nothing and says why.
 */
export async function importBackupText(ctx: WriteContext, text: string): Promise<ImportTextResult> {
  const parsed = readBackup(text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  return { ok: true, plan: await importBackup(ctx, parsed.backup) };
}

/** Pages of restored anchors, so lists can name them before they are visited again. */
async function rememberPages(db: DecidedlyDb, plan: ImportPlan) {
  const anchors = plan.newRows.filter((p) => p.table === 'anchors').map((p) => p.row as Anchor);
  const live = anchors.filter((a) => !a.deleted);
  const known = new Set(
    (await db.pages.bulkGet(live.map((a) => a.pageKey))).flatMap((p) => (p ? [p.pageKey] : [])),
  );
  for (const a of live) {
    if (known.has(a.pageKey)) continue;
    known.add(a.pageKey);
    await db.pages.put({
      pageKey: a.pageKey,
      site: a.site,
      title: a.pageTitle,
      url: a.url,
      lastSeenAt: a.updatedAt,
    });
  }
}

/** A full disk gets the same readable error as any other write; the rest pass through. */
export function storageError(error: unknown): unknown {
  const names = [(error as { name?: string })?.name, (error as { inner?: { name?: string } })?.inner?.name];
  if (names.includes('QuotaExceededError'))
    return new WriteError(
      'The browser refused to store more data (storage is full). Nothing of this import was saved.',
      'quota',
    );
  return error;
}
