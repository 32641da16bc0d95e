// Resolving "2 versions": a free-text field whose concurrent edits were both kept. Writing the
// chosen (or hand-merged) text with a base past every version supersedes them all, everywhere.
import { hasConflict } from '../core/merge';
import type { TableName } from '../core/schemas';
import { type WriteContext, WriteError, write } from './write';

export function resolveConflict(
  ctx: WriteContext,
  table: TableName,
  id: string,
  field: string,
  value: string,
): Promise<void> {
  return write(ctx, async (tx) => {
    const row = await tx.get(table, id);
    if (!row) throw new WriteError('That record no longer exists.', 'not-found');
    // Allowed on a locked decision too: choosing between versions both written before the lock
    // is not rewriting the decision.
    if (!hasConflict(row, field))
      throw new WriteError('There is nothing to reconcile here any more.', 'invalid');
    tx.patch(table, id, { [field]: value });
    if (table === 'decisions') tx.event(id, 'edited', { fields: [field], resolvedConflict: true });
  });
}
