// Test support, for this repo's server tests and the extension's sync tests: PGlite data
// directories copied from a cached, already initialised and migrated template (initdb takes
// seconds), and a whole server with a workspace, started in-process on a free port.
import { createHash, randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Credentials, createWorkspace, inviteMember, type MemberRole } from './admin';
import { type RunningServer, type StartOptions, startServer } from './server';
import { loadMigrations, migrate } from './store/migrate';
import { openPgliteStore, PGLITE_SUBDIR } from './store/pglite';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function templateDir(): string {
  const pglite = JSON.parse(
    readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
  ) as {
    version: string;
  };
  const key = createHash('sha256')
    .update(pglite.version)
    .update(
      loadMigrations()
        .map((m) => `${m.name}:${m.checksum}`)
        .join(','),
    )
    .digest('hex')
    .slice(0, 16);
  return join(ROOT, 'node_modules/.cache/decidedly-server', `pglite-${key}`);
}

async function ensureTemplate(): Promise<string> {
  const dir = templateDir();
  if (existsSync(dir)) return dir;
  // Built aside and renamed into place, so parallel test workers never see half a template.
  const building = `${dir}.${process.pid}.${randomUUID()}`;
  const store = await openPgliteStore(building);
  try {
    await migrate(store);
  } finally {
    await store.close();
  }
  try {
    renameSync(building, dir);
  } catch {
    rmSync(building, { recursive: true, force: true }); // Another worker won the race.
  }
  return dir;
}

/** Makes `dir` a ready PGlite data directory (schema migrated), in well under a second. */
export async function preparePgliteDir(dir: string): Promise<void> {
  const template = await ensureTemplate();
  cpSync(join(template, PGLITE_SUBDIR), join(dir, PGLITE_SUBDIR), { recursive: true });
}

/** A fresh temporary PGlite data directory; `remove()` deletes it. */
export async function tempPgliteDir(): Promise<{ dir: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'decidedly-server-'));
  await preparePgliteDir(dir);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestServer extends RunningServer {
  /** The first member (an admin) of a fresh workspace. */
  admin: Credentials;
  /** Adds a member to that workspace. */
  invite(name: string, role?: MemberRole): Promise<Credentials>;
}

/**
 * A server on PGlite in a temporary directory, listening on a free loopback port, with one
 * workspace. `close()` stops it and deletes the directory.
 */
export async function startTestServer(
  options: Omit<StartOptions, 'dataDir' | 'databaseUrl' | 'port' | 'host'> = {},
): Promise<TestServer> {
  const temp = await tempPgliteDir();
  let server: RunningServer;
  try {
    server = await startServer({ ...options, dataDir: temp.dir, port: 0 });
  } catch (error) {
    temp.remove();
    throw error;
  }
  const admin = await createWorkspace(server.store, 'Test workspace', 'Test admin');
  return {
    ...server,
    admin,
    invite: (name, role = 'member') => inviteMember(server.store, admin.workspaceId, name, role),
    close: () => server.close().finally(() => temp.remove()),
  };
}
