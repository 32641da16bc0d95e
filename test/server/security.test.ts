// Security of the API on both engines: workspace isolation, tokens, hostile payloads. Every bad
// request gets the right status and leaves the database untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, SCHEMA_VERSION } from '../../src/core/protocol';
import { type Credentials, createWorkspace, revokeToken } from '../../src/server/admin';
import { buildApp } from '../../src/server/app';
import { openStore } from '../../src/server/store/open';
import type { Store } from '../../src/server/store/store';
import { Api, hlcAt, injectTransport, rowId } from './helpers/api';
import { createTestDatabase, ENGINES, type TestDatabase } from './helpers/databases';

describe.each(ENGINES)('security on %s', (engine) => {
  let db: TestDatabase;
  let store: Store;
  let api: Api;
  let a: Credentials;
  let b: Credentials;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    store = await openStore(db.options);
    const app = await buildApp({ store, authFailuresPerMinute: 0 });
    api = new Api(injectTransport(app));
    a = await createWorkspace(store, 'A');
    b = await createWorkspace(store, 'B');
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  const op = (id: string, set: Record<string, unknown>) => ({ table: 'decisions', id, set });
  const body = (mutations: unknown[], extra: Record<string, unknown> = {}) => ({
    clientId: 'c1',
    schemaVersion: SCHEMA_VERSION,
    mutations,
    ...extra,
  });
  const countRows = async (workspaceId: string) => {
    const [r] = await store.query<{ n: number; seq: string }>(
      `SELECT (SELECT count(*)::int FROM records WHERE workspace_id = $1) AS n,
              (SELECT seq FROM workspaces WHERE id = $1) AS seq`,
      [workspaceId],
    );
    return { rows: r?.n, seq: Number(r?.seq) };
  };

  it('keeps workspaces apart: B can neither read nor overwrite A', async () => {
    const id = rowId();
    const asA = api.as(a.token);
    const asB = api.as(b.token);
    expect(
      (await asA.push(body([{ id: 1, hlc: hlcAt('c1'), ops: [op(id, { title: 'secret of A' })] }]))).status,
    ).toBe(200);
    expect((await asB.pullAll()).changes).toEqual([]);
    expect(await asB.request('GET', `/v1/records/decisions/${id}`)).toMatchObject({ status: 404 });
    // Writing the same id from B makes a row of B, and A's row is untouched.
    const later = hlcAt('c1', Date.now() + 1000);
    expect(
      (await asB.push(body([{ id: 1, hlc: later, ops: [op(id, { title: 'B was here' })] }]))).status,
    ).toBe(200);
    const fromA = await asA.request<{ row: { title: string; workspaceId: string } }>(
      'GET',
      `/v1/records/decisions/${id}`,
    );
    expect(fromA.body.row).toMatchObject({ title: 'secret of A', workspaceId: a.workspaceId });
    const fromB = await asB.request<{ row: { title: string; workspaceId: string } }>(
      'GET',
      `/v1/records/decisions/${id}`,
    );
    expect(fromB.body.row).toMatchObject({ title: 'B was here', workspaceId: b.workspaceId });
    // A's tokens are A's business.
    expect(await asB.request('DELETE', `/v1/tokens/${a.tokenId}`)).toMatchObject({ status: 404 });
    expect((await asA.request('GET', '/v1/me')).status).toBe(200);
  });

  it('answers 401 to missing, malformed, unknown and wrong-secret tokens', async () => {
    const [tokenId, secret] = a.token.split('.') as [string, string];
    const wrongSecret = `${tokenId}.${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    for (const token of [undefined, 'nonsense', `${tokenId}.`, `AAAAAAAAAAAAAAAA.${secret}`, wrongSecret]) {
      const res = await api.as(token).request('GET', '/v1/me');
      expect(res.status, String(token)).toBe(401);
      expect(res.body).toMatchObject({ error: 'unauthorized' });
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
    const basic = await api.request('GET', '/v1/me', undefined, { authorization: `Basic ${a.token}` });
    expect(basic.status).toBe(401);
  });

  it('answers 401 to a revoked token, for reads and writes', async () => {
    const victim = await createWorkspace(store, 'Revoked');
    const as = api.as(victim.token);
    expect((await as.request('GET', '/v1/me')).status).toBe(200);
    expect(await revokeToken(store, victim.tokenId)).toBe(true);
    expect(await as.request('GET', '/v1/me')).toMatchObject({ status: 401, body: { message: /revoked/ } });
    expect((await as.pull()).status).toBe(401);
    expect(
      (await as.push(body([{ id: 1, hlc: hlcAt('c1'), ops: [op(rowId(), { title: 'x' })] }]))).status,
    ).toBe(401);
    expect(await countRows(victim.workspaceId)).toEqual({ rows: 0, seq: 0 });
  });

  it('refuses hostile and invalid pushes with the right status, naming the field, writing nothing', async () => {
    const w = await createWorkspace(store, 'Hostile');
    const as = api.as(w.token);
    const id = rowId();
    const nested = (depth: number): unknown => (depth === 0 ? 'x' : { d: nested(depth - 1) });
    const m = (ops: unknown[], extra: Record<string, unknown> = {}) => ({
      id: 1,
      hlc: hlcAt('c1'),
      ops,
      ...extra,
    });
    const cases: [string, unknown, number, RegExp][] = [
      ['malformed JSON', '{"clientId": "c1", ', 400, /invalid-json/],
      ['not an object', '[1,2,3]', 400, /(root)|expected object/],
      ['prototype poisoning', '{"__proto__": {"x": 1}, "clientId": "c1"}', 400, /invalid-json/],
      ['wrong type at the top', body([], { schemaVersion: '1' }), 400, /schemaVersion: .*expected number/],
      ['wrong type deep', body([m([op(id, { title: 42 })])]), 400, /mutations\.0\.ops\.0: decisions\.title/],
      ['bad id', body([m([op('not-a-uuid', { title: 't' })])]), 400, /mutations\.0\.ops\.0\.id: a UUID/],
      ['unknown table', body([m([{ table: 'users', id, set: {} }])]), 400, /mutations\.0\.ops\.0\.table/],
      ['unknown top-level field', body([], { admin: true }), 400, /admin/],
      [
        'unknown mutation field',
        body([m([op(id, { title: 't' })], { workspaceId: b.workspaceId })]),
        400,
        /workspaceId/,
      ],
      [
        'unknown row field',
        body([m([op(id, { title: 't', isAdmin: true })])]),
        400,
        /decisions\.isAdmin: unknown field/,
      ],
      [
        'bookkeeping field',
        body([m([op(id, { workspaceId: b.workspaceId })])]),
        400,
        /workspaceId: not writable/,
      ],
      ['forged field clocks', body([m([op(id, { fieldHlc: {} })])]), 400, /fieldHlc: not writable/],
      ['huge title', body([m([op(id, { title: 'x'.repeat(301) })])]), 400, /title: at most 300/],
      // The log would render an anchor's URL as a link and "Open" would hand it to tabs.create.
      [
        'script URL',
        body([m([{ table: 'anchors', id, set: { url: 'javascript:alert(document.domain)' } }])]),
        400,
        /anchors\.url: an http\(s\) address/,
      ],
      [
        'file URL',
        body([m([{ table: 'anchors', id, set: { url: 'file:///etc/passwd' } }])]),
        400,
        /anchors\.url: an http\(s\) address/,
      ],
      [
        'huge free text',
        body([m([op(id, { rationale: 'x'.repeat(20_001) })])]),
        400,
        /rationale: at most 20000/,
      ],
      [
        'base not older than the write',
        body([m([{ ...op(id, { rationale: 'r' }), base: { rationale: '999999999999999.000000.z' } }])]),
        400,
        /mutations\.0\.ops\.0: base\.rationale: must be older/,
      ],
      [
        'bad HLC',
        body([{ id: 1, hlc: 'yesterday', ops: [op(id, { title: 't' })] }]),
        400,
        /mutations\.0\.hlc/,
      ],
      [
        'mutation id 0',
        body([{ id: 0, hlc: hlcAt('c1'), ops: [op(id, { title: 't' })] }]),
        400,
        /mutations\.0\.id/,
      ],
      ['bad client id', body([], { clientId: 'Robert); DROP TABLE records;--' }), 400, /clientId/],
      [
        'too many mutations',
        body(Array.from({ length: 101 }, (_, i) => ({ ...m([op(id, { title: 't' })]), id: i + 1 }))),
        400,
        /at most 100 mutations/,
      ],
      [
        'lone surrogate in a title',
        body([m([op(id, { title: 'cut \uD83D' })])]),
        400,
        /decisions\.title: ill-formed/,
      ],
      [
        'NUL in a quote prefix',
        body([
          m([
            {
              table: 'anchors',
              id,
              set: {
                selectors: {
                  quote: { exact: 'q', prefix: 'a\u0000', suffix: '' },
                  position: { start: 0, end: 1 },
                },
              },
            },
          ]),
        ]),
        400,
        /anchors\.selectors\.quote\.prefix: ill-formed/,
      ],
      [
        'NUL in an event detail key',
        body([m([{ table: 'events', id, set: { detail: { 'k\u0000': 1 } } }])]),
        400,
        /events\.detail\.k.*: ill-formed/,
      ],
      [
        'lone surrogate in an event detail value',
        body([m([{ table: 'events', id, set: { detail: { from: { to: '\uDE00' } } } }])]),
        400,
        /events\.detail\.from\.to: ill-formed/,
      ],
      [
        'constructor as a field',
        body([m([op(id, { constructor: 'x' })])]),
        400,
        /decisions\.constructor: unknown field/,
      ],
      ['hasOwnProperty as a field', body([m([op(id, { hasOwnProperty: 1 })])]), 400, /unknown field/],
      [
        'toString as a field',
        body([m([op(id, { toString: 'x' })])]),
        400,
        /decisions\.toString: unknown field/,
      ],
      ['deep nesting', body([m([{ table: 'events', id, set: { detail: nested(40) } }])]), 400, /too-deep/],
      [
        'oversized body',
        body([m([{ table: 'events', id, set: { detail: { x: 'y'.repeat(MAX_BODY_BYTES) } } }])]),
        413,
        /payload-too-large/,
      ],
    ];
    for (const [name, payload, status, pattern] of cases) {
      const res = await as.request('POST', '/v1/push', payload);
      expect(res.status, name).toBe(status);
      expect(JSON.stringify(res.body), name).toMatch(pattern);
      expect(Object.keys(res.body as object).sort(), name).toEqual(
        expect.arrayContaining(['error', 'message']),
      );
    }
    const form = await as.request('POST', '/v1/push', 'clientId=c1', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    // A refusal that is one mutation's fault names it, so the client can set that one aside.
    const second = { ...m([op(id, { title: 'cut \uD83D' })]), id: 2 };
    expect(await as.push(body([m([op(id, { title: 'fine' })]), second]))).toMatchObject({
      status: 400,
      body: { error: 'invalid-request', mutationId: 2 },
    });
    const badHlc = { ...m([op(id, { title: 't' })]), id: 3, hlc: 'yesterday' };
    expect(await as.push(body([badHlc]))).toMatchObject({ status: 400, body: { mutationId: 3 } });
    expect(await countRows(w.workspaceId)).toEqual({ rows: 0, seq: 0 });
    // The same client can still push normally afterwards.
    expect((await as.push(body([m([op(id, { title: 'fine' })])]))).status).toBe(200);
    expect(await countRows(w.workspaceId)).toEqual({ rows: 1, seq: 1 });
  });

  it('answers 429 after repeated authentication failures from one address', async () => {
    const limited = new Api(injectTransport(await buildApp({ store, authFailuresPerMinute: 3 })));
    for (let i = 0; i < 3; i++) expect((await limited.as('bad').request('GET', '/v1/me')).status).toBe(401);
    const blocked = await limited.as('bad').request('GET', '/v1/me');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // While blocked, even a valid token waits: guessing must not be able to tell hits from misses.
    expect((await limited.as(a.token).request('GET', '/v1/me')).status).toBe(429);
  });
});
