// The outbox as the sync engine sees it: entries get their protocol mutation id the first time
// they are sent (kept on the entry, so a retry resends the same id), batches respect the
// server's limits, and acknowledgements and 409 gaps trim or renumber what is left.
import type { Mutation } from '../core/protocol';
import { MAX_BODY_BYTES, MAX_MUTATIONS } from '../core/protocol';
import { metaValue, setMetaValue } from '../storage/context';
import type { DecidedlyDb, OutboxEntry } from '../storage/db';

export type SentEntry = OutboxEntry & { mutationId?: number };
/** Rewrites the ops of a mutation before it leaves the device (privacy). */
export type OpFilter = (entry: SentEntry) => Promise<Mutation['ops']>;

export const nextIdKey = (workspaceId: string) => `sync:nextMutationId:${workspaceId}`;
// Headroom under the server's body limit for the envelope and JSON escaping.
const BODY_BUDGET = Math.floor(MAX_BODY_BYTES * 0.8);

/** The next batch to push, with mutation ids assigned durably. Empty when nothing is waiting. */
export async function nextBatch(db: DecidedlyDb, workspaceId: string, filter: OpFilter): Promise<Mutation[]> {
  const entries = await db.transaction('rw', db.outbox, db.meta, async () => {
    const head = (await db.outbox.orderBy('seq').limit(MAX_MUTATIONS).toArray()) as SentEntry[];
    let next = (await metaValue<number>(db, nextIdKey(workspaceId))) ?? 1;
    for (const entry of head) {
      if (entry.mutationId !== undefined) continue;
      entry.mutationId = next++;
      await db.outbox.put(entry);
    }
    await setMetaValue(db, nextIdKey(workspaceId), next);
    return head;
  });
  const batch: Mutation[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const mutation: Mutation = { id: entry.mutationId as number, hlc: entry.hlc, ops: await filter(entry) };
    const size = JSON.stringify(mutation).length;
    if (batch.length && bytes + size > BODY_BUDGET) break;
    batch.push(mutation);
    bytes += size;
  }
  return batch;
}

/** The server has applied every mutation up to `lastMutationId`: they leave the outbox. */
export async function acknowledge(db: DecidedlyDb, lastMutationId: number): Promise<void> {
  const done = ((await db.outbox.toArray()) as SentEntry[]).filter(
    (e) => e.mutationId !== undefined && e.mutationId <= lastMutationId,
  );
  await db.outbox.bulkDelete(done.map((e) => e.seq as number));
}

/**
 * A 409: the server has applied up to `expectedId - 1`. Entries below that were applied (the reply
 * to an earlier push was lost), and the pending entries are renumbered from `expectedId`. Returns
 * true when the server is behind what it had acknowledged (the first pending id is past
 * `expectedId`: a database restored from an older backup, which answers even `expectedId: 1`) —
 * the caller must then queue the local state again, since acknowledged changes were lost.
 */
export async function resolveGap(db: DecidedlyDb, workspaceId: string, expectedId: number): Promise<boolean> {
  const numbered = ((await db.outbox.toArray()) as SentEntry[])
    .map((e) => e.mutationId)
    .filter((id): id is number => id !== undefined);
  const firstPending = numbered.length ? Math.min(...numbered) : Number.POSITIVE_INFINITY;
  await acknowledge(db, expectedId - 1);
  await renumberPending(db, workspaceId, expectedId);
  return firstPending > expectedId;
}

/** Gives every numbered pending entry a new id from `from` on, in outbox order. */
export async function renumberPending(db: DecidedlyDb, workspaceId: string, from: number): Promise<void> {
  const expectedId = from;
  await db.transaction('rw', db.outbox, db.meta, async () => {
    const pending = ((await db.outbox.orderBy('seq').toArray()) as SentEntry[]).filter(
      (e) => e.mutationId !== undefined,
    );
    let next = expectedId;
    for (const entry of pending) {
      entry.mutationId = next++;
      await db.outbox.put(entry);
    }
    await setMetaValue(db, nextIdKey(workspaceId), next);
  });
}

/** Mutation ids start again for a workspace joined afresh. */
export async function resetMutationIds(db: DecidedlyDb, workspaceId: string): Promise<void> {
  await db.meta.delete(nextIdKey(workspaceId));
}
