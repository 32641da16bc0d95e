// One sync pass: push the outbox in batches, then pull every page after the cursor. Every step
// is durable before the next (ids on entries, cursor with rows), so a service worker stopped at
// any moment resumes where it was. Errors become a status and a backoff, never lost data.
import { decodeCursor, MAX_PULL_LIMIT, type PullResponse, SCHEMA_VERSION } from '../core/protocol';
import { metaValue } from '../storage/context';
import type { DecidedlyDb } from '../storage/db';
import { applyPage, cursorKey, retryQuarantine } from './apply';
import { type Fetch, pull, push, SyncError, type SyncServer } from './client';
import { acknowledge, nextBatch, nextIdKey, renumberPending, resolveGap } from './outbox';
import { privacyFilter } from './privacy';
import { requeueLocalState } from './recovery';
import { refusedChanges, setAsideRefused } from './refused';
import { backoffMs, writeStatus } from './status';

export interface SyncDeps {
  db: DecidedlyDb;
  server: SyncServer;
  workspaceId: string;
  clientId: string;
  privateHosts: readonly string[];
  fetch?: Fetch;
  pageSize?: number;
}

export interface SyncResult {
  pushed: number;
  pulled: number;
}

const MAX_ROUNDS = 1000;

async function pushAll(deps: SyncDeps): Promise<number> {
  const { db, server, workspaceId, clientId } = deps;
  const filter = privacyFilter(db, deps.privateHosts);
  let pushed = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const mutations = await nextBatch(db, workspaceId, filter);
    if (!mutations.length) return pushed;
    try {
      const reply = await push(server, { clientId, schemaVersion: SCHEMA_VERSION, mutations }, deps.fetch);
      const maxSent = mutations[mutations.length - 1]?.id ?? 0;
      if (reply.lastMutationId > maxSent) {
        // The server had already seen these ids from this client (our counter was lost): it
        // skipped them as retries. Number them after its last and send them again.
        await renumberPending(db, workspaceId, reply.lastMutationId + 1);
        continue;
      }
      await acknowledge(db, reply.lastMutationId);
      pushed += mutations.length;
    } catch (error) {
      // One mutation the server will never accept: set it aside (kept, shown) and send the rest.
      if (error instanceof SyncError && error.kind === 'rejected' && error.mutationId !== undefined) {
        if (await setAsideRefused(db, workspaceId, error.mutationId, error.message, nextIdKey(workspaceId)))
          continue;
      }
      if (!(error instanceof SyncError) || error.kind !== 'gap' || error.expectedId === undefined)
        throw error;
      // A server behind what it acknowledged was restored: send it everything we hold again, and
      // pull from scratch (its sequence numbers are being reused for other changes).
      if (await resolveGap(db, workspaceId, error.expectedId)) await requeueLocalState(db, workspaceId);
    }
  }
  throw new SyncError('server', 'The outbox did not drain; will retry.');
}

async function pullAll(deps: SyncDeps): Promise<{ pulled: number; seq: number }> {
  const { db, server, workspaceId } = deps;
  let cursor = (await metaValue<string>(db, cursorKey(workspaceId))) ?? '';
  let pulled = 0;
  let restarted = false;
  const fetchPage = (after: string) => pull(server, after, deps.pageSize ?? MAX_PULL_LIMIT, deps.fetch);
  let prefetched: Promise<PullResponse> | null = null;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    try {
      const page = await (prefetched ?? fetchPage(cursor));
      prefetched = null;
      // The next page downloads while this one is written. If the write fails, it is dropped
      // (its cursor was never stored) and the next pass asks again.
      if (page.hasMore) {
        prefetched = fetchPage(page.nextCursor);
        prefetched.catch(() => {});
      }
      const result = await applyPage(db, workspaceId, page.changes, page.nextCursor);
      pulled += result.applied;
      cursor = page.nextCursor;
      if (!page.hasMore) return { pulled, seq: decodeCursor(cursor)?.seq ?? 0 };
    } catch (error) {
      prefetched = null;
      // 410: the server cannot serve this cursor any more (compaction, or a restored database
      // that may have lost what we hold). Queue our rows again and push them, then pull everything
      // again; the outbox stays, and merging makes re-sending and re-applying known rows harmless.
      if (error instanceof SyncError && error.kind === 'gone' && !restarted) {
        restarted = true;
        await requeueLocalState(db, workspaceId);
        await pushAll(deps);
        cursor = '';
        continue;
      }
      throw error;
    }
  }
  throw new SyncError('server', 'Too many pages in one pull; will continue.');
}

/** Pushes then pulls; records the outcome as the sync status. */
export async function syncOnce(deps: SyncDeps): Promise<SyncResult> {
  const { db } = deps;
  await writeStatus(db, { state: 'syncing' });
  try {
    // Rows kept from a newer version apply once this (upgraded) version can read them. Trying
    // at every pass costs one count when there are none, and needs no "was I updated?" state.
    await retryQuarantine(db, deps.workspaceId);
    let pushed = await pushAll(deps);
    const { pulled, seq } = await pullAll(deps);
    // A pull can queue changes (a purged row's content sent back): send them in this pass.
    if (await db.outbox.count()) pushed += await pushAll(deps);
    const refused = await refusedChanges(db, deps.workspaceId);
    await writeStatus(db, {
      refused: refused.length,
      refusedReason: refused.at(-1)?.reason ?? null,
      quarantined: await db.quarantine.count(),
      state: 'synced',
      lastSyncAt: new Date().toISOString(),
      seq,
      message: null,
      failures: 0,
      retryAt: null,
    });
    return { pushed, pulled };
  } catch (error) {
    const failures =
      ((await db.meta.get('sync:status'))?.value as { failures?: number } | undefined)?.failures ?? 0;
    const e = error instanceof SyncError ? error : new SyncError('server', String(error));
    const retryAt = new Date(Date.now() + backoffMs(failures + 1)).toISOString();
    const message =
      e.kind === 'unauthorized'
        ? 'Token revoked or invalid — reconnect in Options'
        : e.kind === 'rejected'
          ? `The server refused a change: ${e.message}`
          : e.kind === 'offline'
            ? null
            : `Sync failed: ${e.message}`;
    await writeStatus(db, {
      state: e.kind === 'offline' ? 'offline' : 'error',
      message,
      failures: failures + 1,
      retryAt,
    });
    throw e;
  }
}
