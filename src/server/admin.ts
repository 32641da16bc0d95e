// Workspace administration shared by the CLI and the admin routes: workspaces, members, tokens,
// and compaction (purging old tombstones).

import { encodeHlc } from '../core/hlc';
import { newId } from '../core/ids';
import { type Sql, type Store, toNumber } from './store/store';
import { newToken } from './tokens';

export type MemberRole = 'admin' | 'member';

/** What a new member needs to connect; the token is shown once. */
export interface Credentials {
  workspaceId: string;
  memberId: string;
  tokenId: string;
  token: string;
}

export class NotFoundError extends Error {}

export const NAME_MAX = 120;

export function checkName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > NAME_MAX) throw new RangeError(`A name is 1–${NAME_MAX} characters.`);
  return trimmed;
}

async function issueToken(tx: Sql, workspaceId: string, memberId: string) {
  const t = newToken();
  await tx.query('INSERT INTO tokens (id, workspace_id, member_id, secret_sha256) VALUES ($1, $2, $3, $4)', [
    t.tokenId,
    workspaceId,
    memberId,
    t.secretSha256,
  ]);
  return t;
}

/** Creates a workspace and its first member, an admin. */
export async function createWorkspace(store: Store, name: string, adminName = 'Admin'): Promise<Credentials> {
  const workspaceName = checkName(name);
  const memberName = checkName(adminName);
  return store.transaction(async (tx) => {
    const workspaceId = newId();
    const memberId = newId();
    await tx.query('INSERT INTO workspaces (id, name) VALUES ($1, $2)', [workspaceId, workspaceName]);
    await tx.query('INSERT INTO members (workspace_id, id, name, role) VALUES ($1, $2, $3, $4)', [
      workspaceId,
      memberId,
      memberName,
      'admin',
    ]);
    const t = await issueToken(tx, workspaceId, memberId);
    return { workspaceId, memberId, tokenId: t.tokenId, token: t.token };
  });
}

/** Adds a member to a workspace with a new token. */
export async function inviteMember(
  store: Store,
  workspaceId: string,
  name: string,
  role: MemberRole = 'member',
): Promise<Credentials> {
  const memberName = checkName(name);
  return store.transaction(async (tx) => {
    const ws = await tx.query('SELECT id FROM workspaces WHERE id = $1', [workspaceId]);
    if (ws.length === 0) throw new NotFoundError(`No workspace ${workspaceId}.`);
    const memberId = newId();
    await tx.query('INSERT INTO members (workspace_id, id, name, role) VALUES ($1, $2, $3, $4)', [
      workspaceId,
      memberId,
      memberName,
      role,
    ]);
    const t = await issueToken(tx, workspaceId, memberId);
    return { workspaceId, memberId, tokenId: t.tokenId, token: t.token };
  });
}

/** A new token for an existing member (a lost or rotated token). */
export async function issueMemberToken(
  store: Store,
  workspaceId: string,
  memberId: string,
): Promise<Credentials> {
  return store.transaction(async (tx) => {
    const m = await tx.query('SELECT id FROM members WHERE workspace_id = $1 AND id = $2', [
      workspaceId,
      memberId,
    ]);
    if (m.length === 0) throw new NotFoundError(`No member ${memberId} in workspace ${workspaceId}.`);
    const t = await issueToken(tx, workspaceId, memberId);
    return { workspaceId, memberId, tokenId: t.tokenId, token: t.token };
  });
}

/**
 * Revokes a token; with `workspaceId`, only a token of that workspace (so an admin of one workspace
 * cannot probe another's token ids). Returns false when there is no such live token.
 */
export async function revokeToken(store: Store, tokenId: string, workspaceId?: string): Promise<boolean> {
  const rows = await store.query(
    `UPDATE tokens SET revoked_at = now()
     WHERE id = $1 AND revoked_at IS NULL AND ($2::text IS NULL OR workspace_id = $2)
     RETURNING id`,
    [tokenId, workspaceId ?? null],
  );
  return rows.length > 0;
}

export interface MemberInfo {
  id: string;
  name: string;
  role: MemberRole;
  createdAt: string;
  tokens: { id: string; createdAt: string; revokedAt: string | null }[];
}

export async function listMembers(
  store: Store,
  workspaceId: string,
): Promise<{ name: string; members: MemberInfo[] }> {
  const [ws] = await store.query<{ name: string }>('SELECT name FROM workspaces WHERE id = $1', [
    workspaceId,
  ]);
  if (!ws) throw new NotFoundError(`No workspace ${workspaceId}.`);
  const members = await store.query<{ id: string; name: string; role: MemberRole; created_at: Date }>(
    'SELECT id, name, role, created_at FROM members WHERE workspace_id = $1 ORDER BY created_at, id',
    [workspaceId],
  );
  const tokens = await store.query<{
    id: string;
    member_id: string;
    created_at: Date;
    revoked_at: Date | null;
  }>(
    'SELECT id, member_id, created_at, revoked_at FROM tokens WHERE workspace_id = $1 ORDER BY created_at, id',
    [workspaceId],
  );
  return {
    name: ws.name,
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      role: m.role,
      createdAt: new Date(m.created_at).toISOString(),
      tokens: tokens
        .filter((t) => t.member_id === m.id)
        .map((t) => ({
          id: t.id,
          createdAt: new Date(t.created_at).toISOString(),
          revokedAt: t.revoked_at ? new Date(t.revoked_at).toISOString() : null,
        })),
    })),
  };
}

export interface CompactResult {
  purged: number;
  /** Cursors below this now answer 410 (the client resyncs). */
  minCursor: number;
}

/**
 * Purges tombstones whose delete is older than `olderThanMs`: their content is really gone, a
 * late edit still cannot resurrect them (the delete HLC is kept), and clients whose cursor is
 * older than the newest purged change must resync, since they may not have seen the delete.
 */
export async function compactWorkspace(
  store: Store,
  workspaceId: string,
  olderThanMs: number,
  now = Date.now(),
): Promise<CompactResult> {
  // HLCs compare as strings; the zero-padded millisecond prefix alone sorts before any HLC of that ms.
  const cutoff = encodeHlc({ ms: Math.max(0, now - olderThanMs), counter: 0, node: '0' }).slice(0, 15);
  return store.transaction(async (tx) => {
    // Lock the workspace like a push does, so no push changes these rows meanwhile.
    const [ws] = await tx.query<{ min_cursor: string }>(
      'SELECT min_cursor FROM workspaces WHERE id = $1 FOR UPDATE',
      [workspaceId],
    );
    if (!ws) throw new NotFoundError(`No workspace ${workspaceId}.`);
    const gone = await tx.query<{ tbl: string; id: string; seq: string; hlc: string }>(
      `DELETE FROM records
       WHERE workspace_id = $1 AND data->>'deleted' = 'true' AND data->'fieldHlc'->>'deleted' < $2
       RETURNING tbl, id, seq, data->'fieldHlc'->>'deleted' AS hlc`,
      [workspaceId, cutoff],
    );
    let minCursor = toNumber(ws.min_cursor);
    if (gone.length === 0) return { purged: 0, minCursor };
    await tx.query(
      `INSERT INTO purged (workspace_id, tbl, id, deleted_hlc)
       SELECT $1, u.tbl, u.id, u.hlc FROM unnest($2::text[], $3::text[], $4::text[]) AS u(tbl, id, hlc)
       ON CONFLICT (workspace_id, tbl, id) DO UPDATE SET deleted_hlc = excluded.deleted_hlc, purged_at = now()`,
      [workspaceId, gone.map((g) => g.tbl), gone.map((g) => g.id), gone.map((g) => g.hlc)],
    );
    minCursor = gone.reduce((max, g) => Math.max(max, toNumber(g.seq)), minCursor);
    // The seq moves too: a push that read a purged row before this commit must read again. The
    // epoch moves so cursors issued from now on are known to postdate this purge.
    await tx.query('UPDATE workspaces SET min_cursor = $2, seq = seq + 1, epoch = epoch + 1 WHERE id = $1', [
      workspaceId,
      minCursor,
    ]);
    return { purged: gone.length, minCursor };
  });
}
