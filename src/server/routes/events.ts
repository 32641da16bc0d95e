// GET /v1/events: a Server-Sent Events stream of "pokes" carrying only the workspace's newest seq;
// the client pulls when it sees one. A first event is sent at once so a client can catch up.
import type { FastifyInstance } from 'fastify';
import { principalOf } from '../auth';
import type { Deps } from '../deps';
import { HttpError } from '../errors';
import { toNumber } from '../store/store';

/** Comment lines keep proxies and idle timeouts from closing a quiet stream. */
const KEEPALIVE_MS = 25_000;
/** Streams a member may hold open at once (a few browser profiles); more is a leak or abuse. */
export const MAX_STREAMS_PER_MEMBER = 10;

export function eventRoutes(app: FastifyInstance, { store, events }: Deps) {
  const open = new Map<string, number>();
  // No HEAD twin: a HEAD request must not open a stream.
  app.get('/v1/events', { exposeHeadRoute: false }, async (request, reply) => {
    const p = principalOf(request);
    const [ws] = await store.query<{ seq: string }>('SELECT seq FROM workspaces WHERE id = $1', [
      p.workspaceId,
    ]);
    const seq = toNumber(ws?.seq ?? 0);
    const streams = open.get(p.memberId) ?? 0;
    if (streams >= MAX_STREAMS_PER_MEMBER) {
      throw new HttpError(
        429,
        'too-many-streams',
        `At most ${MAX_STREAMS_PER_MEMBER} event streams per member.`,
      );
    }
    open.set(p.memberId, streams + 1);
    // Headers set by hooks (CORS, security headers) live on the reply; copy them to the raw stream.
    reply.hijack();
    const res = reply.raw;
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) res.setHeader(name, value);
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const send = (n: number) => res.write(`event: seq\ndata: ${JSON.stringify({ seq: n })}\n\n`);
    res.write('retry: 5000\n\n');
    send(seq);
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(keepalive);
      unsubscribe();
      const left = (open.get(p.memberId) ?? 1) - 1;
      if (left > 0) open.set(p.memberId, left);
      else open.delete(p.memberId);
      res.end();
    };
    const unsubscribe = events.subscribe(p.workspaceId, seq, send, end);
    res.on('close', end);
  });
}
