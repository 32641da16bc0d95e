// The HTTP side of sync: the /v1 endpoints with the bearer token, and errors that say what
// happened (offline, token revoked, a gap, a cursor the server cannot serve) so the engine can act.
import type { MeResponse, PullResponse, PushRequest, PushResponse } from '../core/protocol';

export type SyncErrorKind = 'offline' | 'unauthorized' | 'gap' | 'gone' | 'rejected' | 'server';

export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly status = 0,
    readonly expectedId?: number,
    /** On a 400 for one mutation of a push: its id (it will never be accepted as it is). */
    readonly mutationId?: number,
  ) {
    super(message);
  }
}

export interface SyncServer {
  url: string;
  token: string;
}

export type Fetch = typeof fetch;

async function request<T>(server: SyncServer, path: string, init: RequestInit, fetchImpl: Fetch): Promise<T> {
  let response: Response;
  try {
    response = await fetchImpl(new URL(path, server.url), {
      ...init,
      headers: {
        authorization: `Bearer ${server.token}`,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
    });
  } catch (error) {
    throw new SyncError('offline', `The sync server cannot be reached (${String(error).slice(0, 120)}).`);
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return body as T;
  const message = typeof body.message === 'string' ? body.message : `HTTP ${response.status}`;
  if (response.status === 401) throw new SyncError('unauthorized', message, 401);
  if (response.status === 409 && typeof body.expectedId === 'number') {
    throw new SyncError('gap', message, 409, body.expectedId);
  }
  if (response.status === 410) throw new SyncError('gone', message, 410);
  if (response.status >= 400 && response.status < 500 && response.status !== 429) {
    const mutationId = typeof body.mutationId === 'number' ? body.mutationId : undefined;
    throw new SyncError('rejected', message, response.status, undefined, mutationId);
  }
  throw new SyncError('server', message, response.status);
}

export function fetchMe(server: SyncServer, fetchImpl: Fetch = fetch): Promise<MeResponse> {
  return request<MeResponse>(server, '/v1/me', { method: 'GET' }, fetchImpl);
}

export function push(server: SyncServer, body: PushRequest, fetchImpl: Fetch = fetch): Promise<PushResponse> {
  return request<PushResponse>(server, '/v1/push', { method: 'POST', body: JSON.stringify(body) }, fetchImpl);
}

export function pull(
  server: SyncServer,
  cursor: string,
  limit: number,
  fetchImpl: Fetch = fetch,
): Promise<PullResponse> {
  const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
  return request<PullResponse>(server, `/v1/pull?${query}`, { method: 'GET' }, fetchImpl);
}
