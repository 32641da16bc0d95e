// The outbox entries of an import: every field it wrote, grouped by the HLC it carries (so
// teammates merge restored values by their original age, never as fresh edits), kept free-text
// conflict versions included, and cut to sizes a push accepts.
import { elementsOf, LIST_FIELDS } from '../core/list-merge';
import type { RowOp, SyncRow } from '../core/merge';
import { isFreeText, PURGED_MARK } from '../core/merge';
import { chunkOps } from '../core/protocol';
import type { TableName } from '../core/schemas';
import { snapshotMutations } from '../sync/join';
import type { OutboxEntry } from './db';

export interface WrittenRow {
  table: TableName;
  row: SyncRow;
  /** The stored row the import merged into, when there was one. */
  before?: SyncRow;
}

/** The fields (and conflict versions) the import changed, as rows `snapshotMutations` groups. */
function changedParts({ table, row, before }: WrittenRow): { table: TableName; row: SyncRow }[] {
  const fieldHlc: Record<string, string> = {};
  for (const [field, hlc] of Object.entries(row.fieldHlc))
    if (before?.fieldHlc[field] !== hlc) fieldHlc[field] = hlc;
  const parts = [{ table, row: { ...row, fieldHlc } }];
  const known = new Set(
    Object.values(before?.conflicts ?? {})
      .flat()
      .map((v) => v.hlc),
  );
  for (const [field, versions] of Object.entries(row.conflicts ?? {}))
    for (const v of versions)
      if (!known.has(v.hlc))
        parts.push({ table, row: { id: row.id, [field]: v.value, fieldHlc: { [field]: v.hlc } } });
  return parts;
}

/** The HLC of the version a free-text write had seen, so the receiver does not see a conflict. */
function baseFor(
  rows: Map<string, SyncRow>,
  op: RowOp,
  field: string,
  hlc: string,
): string | string[] | undefined {
  const row = rows.get(`${op.table}:${op.id}`);
  if (!row || !isFreeText(field)) return undefined;
  if (row.fieldHlc[field] === hlc) return row.fieldBase?.[field];
  return row.conflicts?.[field]?.find((v) => v.hlc === hlc)?.base;
}

/** Outbox entries for `written`, oldest HLC first. */
export function importEntries(written: readonly WrittenRow[]): OutboxEntry[] {
  const rows = new Map(written.map((w) => [`${w.table}:${w.row.id}`, w.row]));
  const entries: OutboxEntry[] = [];
  for (const mutation of snapshotMutations(written.flatMap(changedParts))) {
    const ops = mutation.ops.map((op) => {
      const base: Record<string, string | string[]> = {};
      for (const field of Object.keys(op.set)) {
        const b = baseFor(rows, op, field, mutation.hlc);
        if (b) base[field] = b;
      }
      return Object.keys(base).length ? { ...op, base } : op;
    });
    for (const chunk of chunkOps(ops)) entries.push({ hlc: mutation.hlc, ops: chunk });
  }
  return entries;
}

/**
 * Outbox entries that send the whole state of one row as this device holds it: every field at its
 * own HLC (as an import), and each list as its exact element states (order keys and removals
 * included), so the server ends with what this device has and every replica converges. Sent when
 * the server purged the row and someone wrote to it again (src/sync/apply.ts).
 */
export function wholeRowEntries(table: TableName, row: SyncRow): OutboxEntry[] {
  const fieldHlc = { ...row.fieldHlc };
  delete fieldHlc[PURGED_MARK];
  const lists = LIST_FIELDS.filter((f) => fieldHlc[f] !== undefined);
  for (const f of lists) delete fieldHlc[f];
  const entries = importEntries([{ table, row: { ...row, fieldHlc } }]);
  for (const field of lists) {
    const op: RowOp = {
      table,
      id: row.id,
      set: {},
      lists: { [field]: { elements: elementsOf(row, field) } },
    };
    entries.push({ hlc: row.fieldHlc[field] as string, ops: [op] });
  }
  return entries;
}
