// A server per test file and engine, started in-process before the tests and torn down after,
// with helpers to make a fresh workspace and to build pushes.
import { afterAll, beforeAll } from 'vitest';
import { SCHEMA_VERSION } from '../../../src/core/protocol';
import { type Credentials, createWorkspace } from '../../../src/server/admin';
import { type RunningServer, startServer } from '../../../src/server/server';
import type { Engine } from '../../../src/server/store/store';
import { Api, injectTransport } from './api';
import { createTestDatabase, type TestDatabase } from './databases';

export interface ServerFixture {
  server: RunningServer;
  /** Unauthenticated client over Fastify's inject. */
  api: Api;
  /** Added to the server's clock (HLC skew tests). */
  clockOffset: number;
  /** A fresh workspace, so a test starts at seq 0. */
  workspace(): Promise<{ creds: Credentials; as: Api }>;
}

export function useServer(engine: Engine): ServerFixture {
  let db: TestDatabase | undefined;
  const fx = {
    clockOffset: 0,
    async workspace() {
      const creds = await createWorkspace(fx.server.store, 'W');
      return { creds, as: fx.api.as(creds.token) };
    },
  } as ServerFixture;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    fx.server = await startServer({
      ...db.options,
      port: 0,
      clock: () => Date.now() + fx.clockOffset,
      ssePollMs: 100,
    });
    fx.api = new Api(injectTransport(fx.server.app));
  });
  afterAll(async () => {
    await fx.server?.close();
    await db?.drop();
  });
  return fx;
}

export const push = (as: Api, clientId: string, mutations: { id: number; hlc: string; ops: unknown[] }[]) =>
  as.request<Record<string, unknown>>('POST', '/v1/push', {
    clientId,
    schemaVersion: SCHEMA_VERSION,
    mutations,
  });

export const decision = (
  id: string,
  set: Record<string, unknown>,
  base?: Record<string, string | string[]>,
) => ({
  table: 'decisions',
  id,
  set,
  ...(base ? { base } : {}),
});
