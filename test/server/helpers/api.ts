// A small typed HTTP client for the tests, over real HTTP or Fastify's inject (no sockets).
import type { FastifyInstance } from 'fastify';
import { encodeHlc } from '../../../src/core/hlc';
import type { PullResponse, PushRequest } from '../../../src/core/protocol';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string>;
}

export type Transport = (
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
) => Promise<ApiResponse>;

const parse = (text: string): unknown => {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
};

export const injectTransport =
  (app: FastifyInstance): Transport =>
  async (method, path, headers, body) => {
    const res = await app.inject({
      method: method as 'GET',
      url: path,
      headers,
      ...(body === undefined ? {} : { payload: body }),
    });
    return { status: res.statusCode, body: parse(res.body), headers: res.headers as Record<string, string> };
  };

export const httpTransport =
  (baseUrl: string): Transport =>
  async (method, path, headers, body) => {
    const res = await fetch(baseUrl + path, { method, headers, ...(body === undefined ? {} : { body }) });
    return { status: res.status, body: parse(await res.text()), headers: Object.fromEntries(res.headers) };
  };

export class Api {
  constructor(
    private readonly transport: Transport,
    readonly token?: string,
  ) {}

  as(token: string | undefined) {
    return new Api(this.transport, token);
  }

  request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (this.token) h.authorization = `Bearer ${this.token}`;
    let payload: string | undefined;
    if (body !== undefined) {
      h['content-type'] ??= 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    return this.transport(method, path, h, payload) as Promise<ApiResponse<T>>;
  }

  /** A push; loosely typed so tests can send what a broken client would. */
  push(req: PushRequest | { clientId: string; schemaVersion: number; mutations: unknown[] }) {
    return this.request<Record<string, unknown>>('POST', '/v1/push', req);
  }

  pull(cursor = '', limit?: number) {
    const q = new URLSearchParams({ cursor });
    if (limit) q.set('limit', String(limit));
    return this.request<PullResponse & { error?: string }>('GET', `/v1/pull?${q}`);
  }

  /** Pulls every page from `cursor`; fails the test on a non-200. */
  async pullAll(
    cursor = '',
    limit?: number,
  ): Promise<{ changes: PullResponse['changes']; cursor: string; pages: number }> {
    const changes: PullResponse['changes'] = [];
    for (let pages = 1; pages <= 10_000; pages++) {
      const res = await this.pull(cursor, limit);
      if (res.status !== 200) throw new Error(`pull ${res.status}: ${JSON.stringify(res.body)}`);
      changes.push(...res.body.changes);
      cursor = res.body.nextCursor;
      if (!res.body.hasMore) return { changes, cursor, pages };
    }
    throw new Error('pullAll: too many pages');
  }
}

/** An HLC at `ms` for `node` (defaults to now). */
export const hlcAt = (node: string, ms = Date.now(), counter = 0) => encodeHlc({ ms, counter, node });

let idCounter = 0;
/** A unique UUID-shaped id for test rows. */
export function rowId(): string {
  idCounter += 1;
  return `01900000-0000-7000-8000-${String(idCounter).padStart(12, '0')}`;
}
