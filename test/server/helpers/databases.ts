// One fresh database per test file and engine: a PGlite directory copied from the template, or a
// new database on the local PostgreSQL. `drop()` removes it.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { StoreOptions } from '../../../src/server/store/open';
import type { Engine } from '../../../src/server/store/store';
import { tempPgliteDir } from '../../../src/server/testing';

export const ENGINES: Engine[] = ['pglite', 'postgres'];

/** The local PostgreSQL the suite runs against (trust auth); its `test` database is only used to create others. */
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  engine: Engine;
  options: StoreOptions;
  /** The same, as the environment of a child server process. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const temp = await tempPgliteDir();
    return {
      engine,
      options: { dataDir: temp.dir },
      env: { DATA_DIR: temp.dir },
      drop: async () => temp.remove(),
    };
  }
  const name = `decidedly_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    engine,
    options: { databaseUrl: url.toString() },
    env: { DATABASE_URL: url.toString() },
    drop: () => admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  };
}
