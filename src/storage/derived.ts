// Local-only index keys derived from synced fields. They never sync (merge drops fields without
// an HLC) and are recomputed on every write, pull and import.
import type { Decision, FollowUp, TableName } from '../core/schemas';

export type Stored<T> = T & { _review?: string; _due?: string; _deleted?: string };

/** When a follow-up is next due (snooze moves it), or undefined when it is not pending. */
export function dueKeyOf(
  f: Pick<FollowUp, 'dueAt' | 'doneAt' | 'snoozedUntil' | 'deleted'>,
): string | undefined {
  if (f.deleted || f.doneAt || !f.dueAt) return undefined;
  return f.snoozedUntil && f.snoozedUntil > f.dueAt ? f.snoozedUntil : f.dueAt;
}

/** When a decision is due for review, or undefined when it is not under review. */
export function reviewKeyOf(d: Pick<Decision, 'reviewAt' | 'status' | 'deleted'>): string | undefined {
  if (d.deleted || !d.reviewAt) return undefined;
  return d.status === 'decided' ? d.reviewAt : undefined;
}

export function withDerived<R extends Record<string, unknown>>(table: TableName, row: R): R {
  const out: Record<string, unknown> = { ...row };
  if (table === 'followUps') {
    const due = dueKeyOf(row as unknown as FollowUp);
    if (due) out._due = due;
    else delete out._due;
  } else if (table === 'decisions') {
    const review = reviewKeyOf(row as unknown as Decision);
    if (review) out._review = review;
    else delete out._review;
    // When it was deleted: counts and the "restore" list read an index, not every decision.
    if (row.deleted) out._deleted = String(row.updatedAt ?? '');
    else delete out._deleted;
  }
  return out as R;
}
