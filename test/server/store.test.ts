// Storage plumbing on both engines: migrations applied once and recorded, a changed migration
// refused, concurrent starts on one PostgreSQL; the PGlite lock file; retried transactions.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from '../../src/server/store/lock';
import { loadMigrations, migrate } from '../../src/server/store/migrate';
import { openStore } from '../../src/server/store/open';
import { isRetryable, withRetries } from '../../src/server/store/retry';
import type { Store } from '../../src/server/store/store';
import { createTestDatabase, ENGINES, type TestDatabase } from './helpers/databases';

describe.each(ENGINES)('migrations on %s', (engine) => {
  let db: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    store = await openStore(db.options);
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('records every migration once and applies nothing the second time', async () => {
    const rows = await store.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual(loadMigrations().map((m) => m.name));
    expect(await migrate(store)).toEqual([]);
  });

  it('applies a new migration file in order, and refuses one edited after it ran', async () => {
    const extra = {
      name: '999_test_extra.sql',
      sql: 'CREATE TABLE test_extra (workspace_id text NOT NULL, PRIMARY KEY (workspace_id))',
      checksum: 'v1',
    };
    expect(await migrate(store, [...loadMigrations(), extra])).toEqual(['999_test_extra.sql']);
    expect(await store.query('SELECT * FROM test_extra')).toEqual([]);
    await expect(migrate(store, [...loadMigrations(), { ...extra, checksum: 'v2' }])).rejects.toThrow(
      /was changed/,
    );
  });
});

describe('portable SQL (DESIGN.md §5)', () => {
  it('uses no advisory locks, LISTEN/NOTIFY, triggers or sequences anywhere in the server', () => {
    const dir = join(import.meta.dirname, '../../src/server');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.(ts|sql)$/.test(f),
    );
    const offending = files.filter((f) =>
      /pg_(try_)?advisory|\bLISTEN\s|\bNOTIFY\s|CREATE\s+(OR\s+REPLACE\s+)?TRIGGER|CREATE\s+SEQUENCE|nextval\(/i.test(
        readFileSync(join(dir, f), 'utf8').replace(/^\s*(--|\/\/).*$/gm, ''),
      ),
    );
    expect(offending).toEqual([]);
  });
});

describe('several processes starting on one PostgreSQL', () => {
  it('migrate concurrently without failing', async () => {
    const db = await createTestDatabase('postgres');
    try {
      const opened = await Promise.allSettled(Array.from({ length: 4 }, () => openStore(db.options)));
      const stores = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      // Closed before any assertion, so a failure cannot leave pools behind the dropped database.
      const [row] = await (stores[0] as Store).query<{ n: number }>(
        'SELECT count(*)::int AS n FROM schema_migrations',
      );
      await Promise.all(stores.map((s) => s.close()));
      expect(opened.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok'))).toEqual([
        'ok',
        'ok',
        'ok',
        'ok',
      ]);
      expect(row?.n).toBe(loadMigrations().length);
    } finally {
      await db.drop();
    }
  });
});

describe('the PGlite lock file', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'decidedly-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('refuses a second opener while held and frees the directory on release', () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    release();
    lockDataDir(dir)();
  });

  it('takes over a lock left by a process that died', () => {
    const dir = tempDir();
    // No process has this pid: Linux pids stay below 2^22.
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 7, host: hostname() }));
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(/in use by process/);
    release();
  });

  it('refuses a second store on the same data directory', async () => {
    const db = await createTestDatabase('pglite');
    const store = await openStore(db.options);
    try {
      await expect(openStore(db.options)).rejects.toThrow(DataDirLockedError);
    } finally {
      await store.close();
      await db.drop();
    }
  });
});

describe('transaction retries', () => {
  it('runs again on serialization failures and deadlocks only', async () => {
    const failing = (code: string, times: number) => {
      let calls = 0;
      return async () => {
        calls += 1;
        if (calls <= times) throw Object.assign(new Error(code), { code });
        return calls;
      };
    };
    expect(await withRetries(failing('40001', 2))).toBe(3);
    expect(await withRetries(failing('40P01', 1))).toBe(2);
    await expect(withRetries(failing('23505', 1))).rejects.toThrow('23505');
    expect(isRetryable(null)).toBe(false);
  });

  it('retries a real serialization failure on PostgreSQL', async () => {
    const db = await createTestDatabase('postgres');
    const store = await openStore(db.options);
    try {
      await store.exec(
        "CREATE TABLE counter (id text PRIMARY KEY, n int NOT NULL); INSERT INTO counter VALUES ('x', 0)",
      );
      // Six serializable read-modify-writes that all read before any writes: all but one must
      // fail with 40001 and run again; every increment still lands exactly once.
      let attempts = 0;
      let arrived = 0;
      let release: () => void = () => {};
      const barrier = new Promise<void>((resolve) => {
        release = resolve;
      });
      await Promise.all(
        Array.from({ length: 6 }, () =>
          store.transaction(async (tx) => {
            attempts += 1;
            await tx.exec('SET TRANSACTION ISOLATION LEVEL SERIALIZABLE');
            const [row] = await tx.query<{ n: number }>("SELECT n FROM counter WHERE id = 'x'");
            if (attempts <= 6) {
              arrived += 1;
              if (arrived === 6) release();
              await barrier;
            }
            await tx.query("UPDATE counter SET n = $1 WHERE id = 'x'", [(row?.n ?? 0) + 1]);
          }),
        ),
      );
      expect(attempts).toBeGreaterThan(6);
      const [row] = await store.query<{ n: number }>("SELECT n FROM counter WHERE id = 'x'");
      expect(row?.n).toBe(6);
    } finally {
      await store.close();
      await db.drop();
    }
  });
});
