// Bearer-token authentication: the token names the workspace and member of every request, never
// the request itself. Failures are counted per address and answered 429 past the limit.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MemberRole } from './admin';
import type { FailureLimiter } from './auth-limiter';
import { HttpError } from './errors';
import type { Store } from './store/store';
import { bearerOf, parseToken, secretMatches } from './tokens';

/** Who is calling: everything a route may know about the caller. */
export interface Principal {
  tokenId: string;
  workspaceId: string;
  workspaceName: string;
  memberId: string;
  memberName: string;
  role: MemberRole;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

interface TokenRow {
  secret_sha256: string;
  revoked_at: Date | null;
  workspace_id: string;
  workspace_name: string;
  member_id: string;
  member_name: string;
  role: MemberRole;
}

/** The principal of a token, or the reason it is refused. */
export async function principalFor(store: Store, token: string | null): Promise<Principal | string> {
  if (!token) return 'Send the token as "Authorization: Bearer <token>".';
  const parsed = parseToken(token);
  const [row] = parsed
    ? await store.query<TokenRow>(
        `SELECT t.secret_sha256, t.revoked_at, t.workspace_id, w.name AS workspace_name,
                t.member_id, m.name AS member_name, m.role
         FROM tokens t
         JOIN members m ON m.workspace_id = t.workspace_id AND m.id = t.member_id
         JOIN workspaces w ON w.id = t.workspace_id
         WHERE t.id = $1`,
        [parsed.tokenId],
      )
    : [];
  if (!secretMatches(parsed?.secret ?? '', row?.secret_sha256) || !row || !parsed) return 'Unknown token.';
  if (row.revoked_at) return 'This token was revoked; ask a workspace admin for a new one.';
  return {
    tokenId: parsed.tokenId,
    workspaceId: row.workspace_id,
    workspaceName: row.workspace_name,
    memberId: row.member_id,
    memberName: row.member_name,
    role: row.role,
  };
}

/** An onRequest hook that sets `request.principal` or answers 401/429. */
export function authHook(store: Store, limiter: FailureLimiter) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const wait = limiter.retryAfter(request.ip);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      throw new HttpError(429, 'too-many-failures', `Too many failed authentications; retry in ${wait} s.`);
    }
    const result = await principalFor(store, bearerOf(request.headers.authorization));
    if (typeof result === 'string') {
      limiter.fail(request.ip);
      reply.header('www-authenticate', 'Bearer');
      throw new HttpError(401, 'unauthorized', result);
    }
    request.principal = result;
  };
}

/** The caller of an authenticated route. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new HttpError(401, 'unauthorized', 'Not authenticated.');
  return request.principal;
}

export function requireAdmin(request: FastifyRequest): Principal {
  const p = principalOf(request);
  if (p.role !== 'admin') throw new HttpError(403, 'forbidden', 'Only a workspace admin can do this.');
  return p;
}
