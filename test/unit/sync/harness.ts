// Two (or more) simulated browser profiles — each its own fake-indexeddb database and client id —
// syncing through a real server running in-process on PGlite.
import { HlcClock } from '../../../src/core/hlc';
import { newClientId } from '../../../src/core/ids';
import { startTestServer, type TestServer } from '../../../src/server/testing';
import { type DecidedlyDb, openDb } from '../../../src/storage/db';
import type { WriteContext } from '../../../src/storage/write';
import type { Fetch } from '../../../src/sync/client';
import { type SyncDeps, syncOnce } from '../../../src/sync/engine';
import { joinWorkspace } from '../../../src/sync/join';

export interface Profile {
  db: DecidedlyDb;
  ctx: WriteContext;
  deps: SyncDeps;
  sync(overrides?: Partial<SyncDeps>): ReturnType<typeof syncOnce>;
}

export async function profile(
  server: TestServer,
  token: string,
  options: { privateHosts?: string[]; fetch?: Fetch } = {},
): Promise<Profile> {
  const db = openDb(`sync-${crypto.randomUUID()}`);
  await db.open();
  const clientId = newClientId();
  const workspaceId = server.admin.workspaceId;
  await joinWorkspace(db, workspaceId);
  const ctx: WriteContext = { db, clock: new HlcClock(clientId), workspaceId, actor: 'me' };
  const deps: SyncDeps = {
    db,
    server: { url: server.url, token },
    workspaceId,
    clientId,
    privateHosts: options.privateHosts ?? [],
    fetch: options.fetch,
  };
  return { db, ctx, deps, sync: (overrides = {}) => syncOnce({ ...deps, ...overrides }) };
}

export { startTestServer, type TestServer };
