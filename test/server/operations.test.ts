// Operations on both engines: who the rate limit blames behind a proxy, what the logs may carry
// (never row bodies or tokens), caching of token and data responses, and media types.
import { Writable } from 'node:stream';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/core/protocol';
import { type Credentials, createWorkspace } from '../../src/server/admin';
import { buildApp } from '../../src/server/app';
import { configFromEnv } from '../../src/server/config';
import { openStore } from '../../src/server/store/open';
import type { Store } from '../../src/server/store/store';
import { Api, hlcAt, injectTransport, rowId } from './helpers/api';
import { createTestDatabase, ENGINES, type TestDatabase } from './helpers/databases';

/** A pino logger whose lines land in `lines`. */
function memoryLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

describe.each(ENGINES)('operations on %s', (engine) => {
  let db: TestDatabase;
  let store: Store;
  let creds: Credentials;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    store = await openStore(db.options);
    creds = await createWorkspace(store, 'Ops');
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it.each(['1', '10.0.0.0/8'])(
    'behind TRUST_PROXY=%s, blames the address the proxy saw: a spoofed X-Forwarded-For cannot lock out its victim',
    async (setting) => {
      const { trustProxy } = configFromEnv({ TRUST_PROXY: setting });
      const app = await buildApp({ store, trustProxy, authFailuresPerMinute: 3 });
      const send = (forwarded: string, token: string) =>
        app.inject({
          method: 'GET',
          url: '/v1/me',
          remoteAddress: '10.0.0.1', // the load balancer
          headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': forwarded },
        });
      // The attacker (203.0.113.7) claims to be the victim (198.51.100.2); the balancer appends
      // the address it really saw.
      for (let i = 0; i < 5; i++) await send('198.51.100.2, 203.0.113.7', 'nope');
      expect((await send('203.0.113.7', 'nope')).statusCode).toBe(429);
      expect((await send('198.51.100.2', creds.token)).statusCode).toBe(200);
      await app.close();
    },
  );

  it('never logs row bodies of a failed statement, nor an access_token in the URL', async () => {
    const { logger, lines } = memoryLogger();
    // The database refuses the push's rows (as it did for a NUL in a title before strings were
    // checked): its error carries the statement's parameters and the offending JSON.
    const failing: Store = {
      ...store,
      engine: store.engine,
      query: (text, params) =>
        store.query(
          text,
          text.includes('INSERT INTO records')
            ? params?.map((p, i) =>
                i === 4 ? (p as string[]).map((d) => d.replace('}', ',"x":"\\u0000"}')) : p,
              )
            : params,
        ),
      transaction: (fn) => store.transaction(fn),
      exec: (text) => store.exec(text),
      close: async () => {},
    };
    const app = await buildApp({ store: failing, logger });
    const api = new Api(injectTransport(app)).as(creds.token);
    const res = await api.push({
      clientId: 'logs',
      schemaVersion: SCHEMA_VERSION,
      mutations: [
        {
          id: 1,
          hlc: hlcAt('logs'),
          ops: [{ table: 'decisions', id: rowId(), set: { title: 'Acquire Initech quietly' } }],
        },
      ],
    });
    expect(res.status).toBe(500);
    await api.request('GET', '/v1/me?access_token=leaked-secret-value');
    await app.close();
    const log = lines.join('');
    expect(log).toMatch(/request failed/);
    expect(log).toMatch(/22P05/); // the useful part stays: what kind of failure
    expect(log).not.toMatch(/Initech/);
    expect(log).not.toMatch(/leaked-secret-value/);
  });

  it('marks token and data responses Cache-Control: no-store', async () => {
    const app = await buildApp({ store });
    const api = new Api(injectTransport(app)).as(creds.token);
    const responses = [
      await api.request('GET', '/v1/me'),
      await api.pull(),
      await api.push({ clientId: 'cache', schemaVersion: SCHEMA_VERSION, mutations: [] }),
      await api.request('GET', '/v1/members'),
      await api.request('POST', '/v1/members', { name: 'Cached?' }),
      await api.request('GET', `/v1/records/decisions/${rowId()}`),
    ];
    await app.close();
    for (const r of responses) expect(r.headers['cache-control']).toBe('no-store');
  });

  it('compresses large pulls for clients that accept gzip or br, and leaves small answers alone', async () => {
    const app = await buildApp({ store });
    const w = await createWorkspace(store, 'Big');
    const api = new Api(injectTransport(app)).as(w.token);
    const ops = Array.from({ length: 150 }, (_, i) => ({
      table: 'decisions',
      id: rowId(),
      set: { title: `Decision ${i}`, rationale: 'Because '.repeat(20) },
    }));
    expect(
      (
        await api.push({
          clientId: 'big',
          schemaVersion: SCHEMA_VERSION,
          mutations: [{ id: 1, hlc: hlcAt('big'), ops }],
        })
      ).status,
    ).toBe(200);
    const get = (encoding: string) =>
      app.inject({
        method: 'GET',
        url: '/v1/pull',
        headers: { authorization: `Bearer ${w.token}`, 'accept-encoding': encoding },
      });
    const plain = await get('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const expected = JSON.parse(plain.body);
    expect(expected.changes).toHaveLength(150);
    const gz = await get('gzip, deflate, br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(expected);
    const br = await get('br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(expected);
    const small = await app.inject({
      method: 'GET',
      url: '/v1/me',
      headers: { authorization: `Bearer ${w.token}`, 'accept-encoding': 'gzip' },
    });
    expect(small.headers['content-encoding']).toBeUndefined();
    await app.close();
  });

  it('answers 415 to a text/plain body, as documented', async () => {
    const app = await buildApp({ store });
    const api = new Api(injectTransport(app)).as(creds.token);
    const res = await api.request(
      'POST',
      '/v1/push',
      JSON.stringify({ clientId: 'c', schemaVersion: SCHEMA_VERSION, mutations: [] }),
      { 'content-type': 'text/plain' },
    );
    await app.close();
    expect(res).toMatchObject({ status: 415, body: { error: 'unsupported-media-type' } });
  });
});
