// Applying a push (DESIGN.md §5): skip mutation ids already applied, refuse gaps, merge every op
// into the stored row with the shared merge, and bump the workspace seq — all committed at once,
// and serialized per workspace so commit order is seq order.
import { hlcMs } from '../../core/hlc';
import { applyOp, PURGED_MARK, type SyncRow } from '../../core/merge';
import { MAX_FUTURE_SKEW_MS, type Mutation, type PushRequest } from '../../core/protocol';
import { withRetries } from '../store/retry';
import { type Sql, type Store, toNumber } from '../store/store';
import { sameRow } from './rows';

export interface PushContext {
  workspaceId: string;
  memberId: string;
}

export type PushOutcome =
  | { kind: 'applied'; lastMutationId: number; seq: number; changed: number }
  /** Every mutation was applied before (a retry): nothing written. */
  | { kind: 'unchanged'; lastMutationId: number; seq: number }
  | { kind: 'gap'; expectedId: number }
  /** The client id is in use by another member of the workspace. */
  | { kind: 'client-taken' };

/** The index of the first mutation stamped too far ahead of the server clock, or null. */
export function futureMutation(mutations: Mutation[], nowMs: number): number | null {
  const i = mutations.findIndex((m) => hlcMs(m.hlc) > nowMs + MAX_FUTURE_SKEW_MS);
  return i < 0 ? null : i;
}

const keyOf = (table: string, id: string) => `${table}\u0000${id}`;

/** How long a workspace that lost an optimistic race keeps taking the row lock directly. */
const CONTENDED_MS = 2000;
/** Workspaces with recent lost races (this process), and when; pruned as it grows. */
const contended = new Map<string, number>();

function markContended(workspaceId: string, now: number) {
  contended.set(workspaceId, now);
  if (contended.size > 1000) {
    for (const [id, at] of contended) if (at < now - CONTENDED_MS) contended.delete(id);
  }
}

/**
 * Applies a push. Usually in two statements: read the workspace's seq and the touched rows, merge,
 * then write everything in one statement that bumps the seq only if it has not moved since the read
 * (three round trips with authentication, not seven). Losing that race means another push committed
 * in between; the workspace is then busy, so this push — and the next ones for a while — queue on
 * the workspace row lock instead, where racing would only waste work.
 */
export async function applyPush(store: Store, ctx: PushContext, req: PushRequest): Promise<PushOutcome> {
  const now = Date.now();
  if ((contended.get(ctx.workspaceId) ?? 0) < now - CONTENDED_MS) {
    const outcome = await withRetries(() => attempt(store, ctx, req));
    if (outcome) return outcome;
    markContended(ctx.workspaceId, now);
  }
  return store.transaction(async (tx) => {
    await tx.query('SELECT seq FROM workspaces WHERE id = $1 FOR UPDATE', [ctx.workspaceId]);
    const outcome = await attempt(tx, ctx, req);
    if (!outcome) throw new Error('workspace seq moved while locked');
    return outcome;
  });
}

/** One read-merge-write; null when another push committed between the read and the write. */
async function attempt(sql: Sql, ctx: PushContext, req: PushRequest): Promise<PushOutcome | null> {
  const { seq, client, before } = await loadState(sql, ctx.workspaceId, req);
  if (client && client.memberId !== ctx.memberId) return { kind: 'client-taken' };
  const last = client?.lastMutationId ?? 0;

  const fresh: Mutation[] = [];
  let expected = last + 1;
  for (const m of req.mutations) {
    if (m.id < expected) continue; // Applied before (a retry) or repeated in this request.
    if (m.id > expected) return { kind: 'gap', expectedId: expected };
    fresh.push(m);
    expected += 1;
  }
  if (fresh.length === 0) return { kind: 'unchanged', lastMutationId: last, seq };

  const after = new Map(before);
  for (const m of fresh) {
    for (const op of m.ops) {
      const key = keyOf(op.table, op.id);
      after.set(key, applyOp(after.get(key), op, m.hlc));
    }
  }
  const changed = [...after].filter(([key, row]) => !sameRow(before.get(key), row));
  const lastMutationId = expected - 1;
  // The seq bump, the rows and the client's progress commit together or not at all; the
  // `seq = $2` guard is re-checked after waiting on a concurrent push's row lock.
  const written = await sql.query<{ seq: string }>(
    `WITH ws AS (
       UPDATE workspaces SET seq = seq + 1 WHERE id = $1 AND seq = $2 RETURNING seq
     ), upserted AS (
       INSERT INTO records (workspace_id, tbl, id, seq, data)
       SELECT $1, u.tbl, u.id, ws.seq, u.data::jsonb
       FROM ws, unnest($3::text[], $4::text[], $5::text[]) AS u(tbl, id, data)
       ON CONFLICT (workspace_id, tbl, id) DO UPDATE SET seq = excluded.seq, data = excluded.data
       RETURNING 1
     ), progress AS (
       INSERT INTO clients (workspace_id, client_id, member_id, last_mutation_id)
       SELECT $1, $6, $7, $8 FROM ws
       ON CONFLICT (workspace_id, client_id) DO UPDATE SET last_mutation_id = excluded.last_mutation_id, updated_at = now()
       RETURNING 1
     )
     SELECT seq FROM ws`,
    [
      ctx.workspaceId,
      seq,
      changed.map(([key]) => key.split('\u0000')[0]),
      changed.map(([, row]) => row.id),
      // The stored row always names the token's workspace, whatever the client holds.
      changed.map(([, row]) => JSON.stringify({ ...row, workspaceId: ctx.workspaceId })),
      req.clientId,
      ctx.memberId,
      lastMutationId,
    ],
  );
  const [row] = written;
  if (!row) return null;
  return { kind: 'applied', lastMutationId, seq: toNumber(row.seq), changed: changed.length };
}

interface StateRow {
  kind: 'workspace' | 'client' | 'record' | 'purged';
  /** The workspace's seq, or the client's last mutation id. */
  n: string | number | null;
  member_id: string | null;
  tbl: string | null;
  id: string | null;
  deleted_hlc: string | null;
  data: SyncRow | null;
}

/**
 * In one statement, so from one snapshot: the workspace's seq, the client's progress, the stored
 * rows the request touches, and for rows purged by compaction their delete (they come back as bare
 * tombstones, so a late edit stays deleted).
 */
async function loadState(sql: Sql, workspaceId: string, req: PushRequest) {
  const keys = new Map<string, { table: string; id: string }>();
  for (const m of req.mutations) {
    for (const op of m.ops) keys.set(keyOf(op.table, op.id), { table: op.table, id: op.id });
  }
  const rows = await sql.query<StateRow>(
    `WITH keys AS (SELECT * FROM unnest($3::text[], $4::text[]) AS k(tbl, id))
     SELECT 'workspace' AS kind, seq AS n, NULL AS member_id, NULL AS tbl, NULL AS id, NULL AS deleted_hlc, NULL::jsonb AS data
       FROM workspaces WHERE id = $1
     UNION ALL
     SELECT 'client', last_mutation_id, member_id, NULL, NULL, NULL, NULL
       FROM clients WHERE workspace_id = $1 AND client_id = $2
     UNION ALL
     SELECT 'record', NULL, NULL, r.tbl, r.id, NULL, r.data
       FROM records r JOIN keys k ON r.tbl = k.tbl AND r.id = k.id WHERE r.workspace_id = $1
     UNION ALL
     SELECT 'purged', NULL, NULL, p.tbl, p.id, p.deleted_hlc, NULL
       FROM purged p JOIN keys k ON p.tbl = k.tbl AND p.id = k.id WHERE p.workspace_id = $1`,
    [workspaceId, req.clientId, [...keys.values()].map((k) => k.table), [...keys.values()].map((k) => k.id)],
  );
  let seq: number | undefined;
  let client: { memberId: string; lastMutationId: number } | undefined;
  const before = new Map<string, SyncRow>();
  for (const r of rows) {
    if (r.kind === 'workspace') seq = toNumber(r.n);
    else if (r.kind === 'client') client = { memberId: r.member_id as string, lastMutationId: toNumber(r.n) };
    else if (r.kind === 'record') before.set(keyOf(r.tbl as string, r.id as string), r.data as SyncRow);
  }
  for (const r of rows) {
    const key = keyOf(r.tbl as string, r.id as string);
    if (r.kind === 'purged' && !before.has(key)) {
      // Marked, so every device that still holds the row's content sends it back (see PURGED_MARK).
      const hlc = r.deleted_hlc as string;
      before.set(key, {
        id: r.id as string,
        deleted: true,
        [PURGED_MARK]: hlc,
        fieldHlc: { deleted: hlc, [PURGED_MARK]: hlc },
      });
    }
  }
  if (seq === undefined) throw new Error(`workspace ${workspaceId} vanished`);
  return { seq, client, before };
}
