// Follow-ups of a deleted decision are not due: they leave the `_due` index when the decision is
// deleted and come back when it is restored, so the popup's totals and the badge count only what
// a person can act on. Every write path (local edits, pulls, imports) calls this in its transaction.
import type { TableName } from '../core/schemas';
import type { DecidedlyDb } from './db';
import { type Stored, withDerived } from './derived';

export interface WrittenRow {
  table: TableName;
  row: { id: string; deleted?: boolean; decisionId?: string; _due?: string };
  /** The row as it was before this write; undefined for a new row. */
  before?: Readonly<Record<string, unknown>> | undefined;
}

/** Fixes the `_due` keys of follow-ups after `written` was stored, in the same transaction. */
export async function reindexDue(db: DecidedlyDb, written: readonly WrittenRow[]): Promise<void> {
  const decisions = written.filter((w) => w.table === 'decisions');
  const deletedHere = new Map(decisions.map((w) => [w.row.id, w.row.deleted === true]));
  const flipped = decisions.filter((w) => (w.before?.deleted === true) !== (w.row.deleted === true));
  // Follow-ups written now and put in the index by their own state: is their decision deleted?
  const indexed = written.filter((w) => w.table === 'followUps' && w.row._due && w.row.decisionId);
  const elsewhere = [...new Set(indexed.map((w) => w.row.decisionId as string))].filter(
    (id) => !deletedHere.has(id),
  );
  for (const d of elsewhere.length ? await db.decisions.bulkGet(elsewhere) : [])
    if (d) deletedHere.set(d.id, d.deleted);
  const fixed = new Map<string, Stored<Record<string, unknown>>>();
  for (const w of indexed)
    if (deletedHere.get(w.row.decisionId as string)) fixed.set(w.row.id, withoutDue(w.row));
  // The follow-ups already stored under a decision deleted or restored now.
  for (const d of flipped) {
    const deleted = d.row.deleted === true;
    for (const f of await db.followUps.where('decisionId').equals(d.row.id).toArray()) {
      const next = deleted ? withoutDue(f) : withDerived('followUps', f);
      if (next._due !== f._due) fixed.set(f.id, next);
    }
  }
  if (fixed.size) await db.followUps.bulkPut([...fixed.values()] as Stored<never>[]);
}

function withoutDue<T extends { _due?: string }>(row: T): T {
  const { _due: _, ...rest } = row;
  return rest as T;
}
