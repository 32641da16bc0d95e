// The rest of the API surface, on PGlite and on the local PostgreSQL: health, identity, event
// pokes, member administration, the OpenAPI document, CORS and security headers.
import { describe, expect, it } from 'vitest';
import type { Credentials } from '../../src/server/admin';
import { MAX_STREAMS_PER_MEMBER } from '../../src/server/routes/events';
import { MeResponseSchema } from '../../src/server/schemas';
import { Api, hlcAt, httpTransport, rowId } from './helpers/api';
import { ENGINES } from './helpers/databases';
import { decision, push, useServer } from './helpers/fixture';
import { openEvents } from './helpers/sse';

describe.each(ENGINES)('API surface on %s', (engine) => {
  const fx = useServer(engine);
  const workspace = () => fx.workspace();

  it('answers /healthz and /v1/me with the workspace and member of the token', async () => {
    const health = await fx.api.request('GET', '/healthz');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok', engine } });
    const { creds, as } = await workspace();
    const me = await as.request('GET', '/v1/me');
    expect(me.status).toBe(200);
    expect(MeResponseSchema.parse(me.body)).toEqual({
      workspace: { id: creds.workspaceId, name: 'W' },
      member: { id: creds.memberId, name: 'Admin', role: 'admin' },
    });
  });

  it('pokes SSE listeners with the newest seq after a push', async () => {
    const { creds, as } = await workspace();
    const events = await openEvents(fx.server.url, creds.token);
    try {
      expect(await events.waitFor(0)).toBe(0);
      await push(as, 'c', [{ id: 1, hlc: hlcAt('c'), ops: [decision(rowId(), { title: 'x' })] }]);
      expect(await events.waitFor(1)).toBe(1);
    } finally {
      events.close();
    }
    const unauthorised = await fetch(`${fx.server.url}/v1/events`);
    expect(unauthorised.status).toBe(401);
  });

  it('limits the event streams a member holds open', async () => {
    const { creds } = await workspace();
    const streams = await Promise.all(
      Array.from({ length: MAX_STREAMS_PER_MEMBER }, () => openEvents(fx.server.url, creds.token)),
    );
    try {
      await expect(openEvents(fx.server.url, creds.token)).rejects.toThrow(/429.*too-many-streams/);
      streams.pop()?.close();
      // The server notices the closed stream; a new one is then accepted.
      const deadline = Date.now() + 10_000;
      let reopened: Awaited<ReturnType<typeof openEvents>> | undefined;
      while (!reopened && Date.now() < deadline)
        reopened = await openEvents(fx.server.url, creds.token).catch(() => undefined);
      expect(reopened).toBeDefined();
      reopened?.close();
    } finally {
      for (const s of streams) s.close();
    }
  });

  it('lets admins invite and revoke over the API; members may only revoke their own token', async () => {
    const { creds, as } = await workspace();
    const invited = await as.request<Credentials>('POST', '/v1/members', { name: 'Dana' });
    expect(invited.status).toBe(201);
    const dana = fx.api.as(invited.body.token);
    expect((await dana.request('GET', '/v1/me')).body).toMatchObject({
      member: { name: 'Dana', role: 'member' },
    });
    expect(await dana.request('POST', '/v1/members', { name: 'Eve' })).toMatchObject({ status: 403 });
    expect(await dana.request('DELETE', `/v1/tokens/${creds.tokenId}`)).toMatchObject({ status: 403 });
    const members = await dana.request<{ members: { name: string }[] }>('GET', '/v1/members');
    expect(members.body.members.map((m) => m.name)).toEqual(['Admin', 'Dana']);
    expect((await as.request('DELETE', `/v1/tokens/${invited.body.tokenId}`)).status).toBe(204);
    expect((await dana.request('GET', '/v1/me')).status).toBe(401);
  });

  it('serves an OpenAPI document that matches the routes', async () => {
    const res = await fx.api.request<{
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    }>('GET', '/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const documented = Object.entries(res.body.paths).flatMap(([path, methods]) =>
      Object.keys(methods as object).map((method) => ({
        method: method.toUpperCase(),
        url: path.replace(/\{(\w+)\}/g, ':$1'),
      })),
    );
    expect(documented.length).toBeGreaterThanOrEqual(10);
    for (const route of documented)
      expect(fx.server.app.hasRoute(route as { method: 'GET'; url: string }), route.url).toBe(true);
    const pushSchema = res.body.components.schemas.PushRequest as {
      required: string[];
      additionalProperties: boolean;
    };
    expect(pushSchema.required).toEqual(['clientId', 'schemaVersion', 'mutations']);
    expect(pushSchema.additionalProperties).toBe(false);
  });

  // A loose view of JSON Schema objects, enough to walk the document.
  // biome-ignore lint/suspicious/noExplicitAny: JSON Schema is walked dynamically here.
  type Schema = any;
  it("describes every table's fields in the OpenAPI document, so `set` is not a free-form object", async () => {
    const doc = (
      await fx.api.request<{ components: { schemas: Record<string, Schema> } }>('GET', '/v1/openapi.json')
    ).body;
    const schemas = doc.components.schemas;
    const ops = schemas.PushRequest.properties.mutations.items.properties.ops.items;
    expect(ops.oneOf).toHaveLength(6);
    const resolve = (r: { $ref: string }) => schemas[r.$ref.replace('#/components/schemas/', '')];
    for (const op of ops.oneOf.map(resolve)) {
      const set = resolve(op.properties.set);
      expect(set.additionalProperties).toBe(false);
      expect(Object.keys(set.properties).length).toBeGreaterThan(3);
      expect(set.properties).not.toHaveProperty('fieldHlc');
      expect(set.properties).not.toHaveProperty('workspaceId');
    }
    expect(schemas.DecisionSet.properties.title).toMatchObject({
      type: 'string',
      maxLength: 300,
      minLength: 1,
    });
    expect(schemas.DecisionSet.properties.status.enum).toContain('revisiting');
    expect(schemas.RoleSet.properties.raci.enum).toEqual(['R', 'A', 'C', 'I']);
    expect(schemas.AnchorSet.properties.selectors).toBeDefined();
    expect(Object.keys(schemas.DecisionOp.properties.base.properties)).toContain('rationale');
    expect(schemas.PullResponse.properties.changes.items.properties.row.anyOf).toHaveLength(6);
  });

  it('allows CORS only for extension origins and sends security headers', async () => {
    const preflight = (origin: string) =>
      fx.api.request('OPTIONS', '/v1/push', undefined, {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      });
    const chrome = await preflight('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    expect(chrome.headers['access-control-allow-origin']).toBe(
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
    );
    const firefox = await preflight('moz-extension://0b8e2f5a-1c2d-4e5f-8a9b-0c1d2e3f4a5b');
    expect(firefox.headers['access-control-allow-origin']).toBe(
      'moz-extension://0b8e2f5a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
    );
    const web = await preflight('https://evil.example');
    expect(web.headers['access-control-allow-origin']).toBeUndefined();
    const health = await fx.api.request('GET', '/healthz');
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(health.headers['content-security-policy']).toContain("default-src 'self'");
    expect(health.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('serves the same over real HTTP as in-process', async () => {
    const { creds } = await workspace();
    const overHttp = new Api(httpTransport(fx.server.url), creds.token);
    expect((await overHttp.request('GET', '/v1/me')).status).toBe(200);
  });
});
