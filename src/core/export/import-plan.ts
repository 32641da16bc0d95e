// Planning a restore: which backup rows are new, which bring newer fields, and which the local
// copy already supersedes. Existing rows are merged with `mergeRow`, the sync merge itself, so an
// import never overwrites a field written later than the backup's copy of it.
import { mergeRow, type SyncRow } from '../merge';
import { type RowOf, TABLE_NAMES, type TableName } from '../schemas';
import type { Backup } from './backup';
import type { TableRows } from './bundle';

/** Finds the stored row of `table` with `id` (the storage layer reads them ahead, in bulk). */
export type ExistingLookup = (table: TableName, id: string) => SyncRow | undefined;

export interface PlannedRow<T extends TableName = TableName> {
  table: T;
  row: RowOf[T];
}

export interface TableCounts {
  new: number;
  updated: number;
  keptNewer: number;
  unchanged: number;
}

export interface ImportPlan {
  /** Rows not stored yet, written as they are in the backup. */
  newRows: PlannedRow[];
  /** Stored rows the backup brings newer fields for: the merge result. */
  updated: PlannedRow[];
  /** Stored rows newer than (or including all of) the backup's copy: left alone. */
  keptNewer: { table: TableName; id: string }[];
  unchanged: { table: TableName; id: string }[];
  counts: Record<TableName, TableCounts>;
  /** Everything to write (`newRows` and `updated`), table by table. */
  merged: PlannedRow[];
  /** The newest HLC in the backup: the local clock should `receive` it so later edits win. */
  maxHlc: string | null;
}

/** A lookup over rows in memory (tests, or a storage layer that has read the rows already). */
export function lookupFrom(tables: Partial<TableRows>): ExistingLookup {
  const maps = new Map<TableName, Map<string, SyncRow>>();
  for (const t of TABLE_NAMES) maps.set(t, new Map((tables[t] ?? []).map((r) => [r.id, r as SyncRow])));
  return (table, id) => maps.get(table)?.get(id);
}

/** JSON with sorted keys and empty bookkeeping dropped, so equal rows compare equal. */
function canonical(row: SyncRow): string {
  return JSON.stringify(row, (key, v) => {
    if ((key === 'fieldBase' || key === 'conflicts') && v && typeof v === 'object' && !Object.keys(v).length)
      return undefined;
    if (v && typeof v === 'object' && !Array.isArray(v))
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)));
    return v;
  });
}

/**
 * Merges a stored row with the backup's copy. Fields neither side stamped keep the stored value,
 * and a stored row stays in its workspace (a restore never moves existing rows elsewhere).
 */
function mergeWithStored(stored: SyncRow, incoming: SyncRow): SyncRow {
  const merged = mergeRow(stored, incoming);
  for (const [k, v] of Object.entries({ ...incoming, ...stored })) if (!(k in merged)) merged[k] = v;
  if (stored.workspaceId) merged.workspaceId = stored.workspaceId;
  return merged;
}

/** Decides, row by row, what restoring `backup` over the stored rows does. */
export function planImport(
  backup: Pick<Backup, 'tables'>,
  existing: ExistingLookup,
  options: { workspaceId?: string } = {},
): ImportPlan {
  const plan: ImportPlan = {
    newRows: [],
    updated: [],
    keptNewer: [],
    unchanged: [],
    merged: [],
    maxHlc: null,
    counts: {} as Record<TableName, TableCounts>,
  };
  for (const table of TABLE_NAMES) {
    const counts: TableCounts = { new: 0, updated: 0, keptNewer: 0, unchanged: 0 };
    plan.counts[table] = counts;
    for (const original of backup.tables[table] ?? []) {
      // On request, rows of a backup from another workspace come into the current one.
      const incoming = (
        options.workspaceId ? { ...original, workspaceId: options.workspaceId } : original
      ) as SyncRow;
      for (const h of Object.values(incoming.fieldHlc)) if (!plan.maxHlc || h > plan.maxHlc) plan.maxHlc = h;
      const stored = existing(table, incoming.id);
      if (!stored) {
        counts.new += 1;
        plan.newRows.push({ table, row: incoming as RowOf[typeof table] });
        plan.merged.push({ table, row: incoming as RowOf[typeof table] });
        continue;
      }
      const merged = mergeWithStored(stored, incoming);
      // Which workspace the backup's copy names does not make it different data.
      const [m, s, i] = [
        canonical(merged),
        canonical(stored),
        canonical({ ...incoming, workspaceId: stored.workspaceId }),
      ];
      if (m !== s) {
        counts.updated += 1;
        plan.updated.push({ table, row: merged as RowOf[typeof table] });
        plan.merged.push({ table, row: merged as RowOf[typeof table] });
      } else if (s === i) {
        counts.unchanged += 1;
        plan.unchanged.push({ table, id: incoming.id });
      } else {
        counts.keptNewer += 1;
        plan.keptNewer.push({ table, id: incoming.id });
      }
    }
  }
  return plan;
}
