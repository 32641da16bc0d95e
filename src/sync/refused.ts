// Mutations the server refused for good (400 naming one mutation: an ill-formed string written by
// an older version, a field this server does not know). Retrying them would block every later edit
// forever, and dropping them would lose the edit silently. So such a mutation leaves the outbox and
// is kept here, on this device: the local rows still hold its values, the sync status says how
// many changes were refused and why, and the entries stay available for an export or a later retry.
import type { RowOp } from '../core/merge';
import { metaValue, setMetaValue } from '../storage/context';
import type { DecidedlyDb } from '../storage/db';
import type { SentEntry } from './outbox';

export interface RefusedChange {
  hlc: string;
  ops: RowOp[];
  /** The server's reason, e.g. "mutations.0.ops.0: decisions.title: ill-formed text …". */
  reason: string;
  /** When it was refused (ISO). */
  at: string;
}

export const refusedKey = (workspaceId: string) => `sync:refused:${workspaceId}`;
/** Kept at most: a runaway bug must not fill the disk; the oldest go first. */
const MAX_KEPT = 500;

export async function refusedChanges(db: DecidedlyDb, workspaceId: string): Promise<RefusedChange[]> {
  return (await metaValue<RefusedChange[]>(db, refusedKey(workspaceId))) ?? [];
}

/**
 * Moves the outbox entry numbered `mutationId` to the refused list, and numbers the entries after
 * it so ids still follow on from what the server has (nothing of the refused push was applied).
 * Returns false when no pending entry has that id.
 */
export async function setAsideRefused(
  db: DecidedlyDb,
  workspaceId: string,
  mutationId: number,
  reason: string,
  nextIdKey: string,
): Promise<boolean> {
  return db.transaction('rw', db.outbox, db.meta, async () => {
    const numbered = ((await db.outbox.orderBy('seq').toArray()) as SentEntry[]).filter(
      (e) => e.mutationId !== undefined,
    );
    const entry = numbered.find((e) => e.mutationId === mutationId);
    if (!entry) return false;
    const kept = await refusedChanges(db, workspaceId);
    kept.push({ hlc: entry.hlc, ops: entry.ops, reason: reason.slice(0, 500), at: new Date().toISOString() });
    await setMetaValue(db, refusedKey(workspaceId), kept.slice(-MAX_KEPT));
    await db.outbox.delete(entry.seq as number);
    let next = Math.min(...numbered.map((e) => e.mutationId as number));
    for (const e of numbered) {
      if (e === entry) continue;
      e.mutationId = next++;
      await db.outbox.put(e);
    }
    await setMetaValue(db, nextIdKey, next);
    return true;
  });
}
