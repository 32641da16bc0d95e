// Compressing large JSON responses (a first pull is tens of MB of JSON, mostly repeated keys and
// HLCs). Node's zlib runs on libuv's thread pool, so compressing does not block other requests;
// level 1 because on a LAN the CPU, not the bytes, is what a first sync waits for. Small answers
// (pushes, pokes) are sent as they are: compressing them costs more than it saves. No plugin:
// @fastify/compress would add a dependency for these few lines.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Bodies smaller than this go out uncompressed. */
export const COMPRESS_MIN_BYTES = 16 * 1024;

type Encoding = 'br' | 'gzip';

/** The encoding to use for an Accept-Encoding header: gzip when offered (fast), else br, else none. */
export function chooseEncoding(accept: string | undefined): Encoding | null {
  const offered = new Map<string, number>();
  for (const part of (accept ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    offered.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (e: string) => (offered.get(e) ?? offered.get('*') ?? 0) > 0;
  if (ok('gzip')) return 'gzip';
  if (ok('br')) return 'br';
  return null;
}

export function installCompression(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' || Buffer.byteLength(payload) < COMPRESS_MIN_BYTES) return payload;
    if (reply.hasHeader('content-encoding')) return payload;
    reply.header('vary', 'accept-encoding');
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    if (!encoding) return payload;
    const body =
      encoding === 'gzip'
        ? await gzipAsync(payload, { level: 1 })
        : await brotliAsync(payload, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    return body;
  });
}
