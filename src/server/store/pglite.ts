// The embedded engine: PGlite (PostgreSQL compiled to WASM) with its files in a data directory,
// one process at a time (guarded by a lock file). Zero setup for a single team.
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { lockDataDir } from './lock';
import type { Sql, Store } from './store';

/** PostgreSQL's files live in a subdirectory so the lock file never mixes with them. */
export const PGLITE_SUBDIR = 'pg';

const wrap = (db: PGlite | Transaction): Sql => ({
  async query<T extends object>(text: string, params?: readonly unknown[]) {
    const result = await db.query<T>(text, params ? [...params] : undefined);
    return result.rows;
  },
  async exec(text: string) {
    await db.exec(text);
  },
});

export async function openPgliteStore(dataDir: string): Promise<Store> {
  const unlock = lockDataDir(dataDir);
  let db: PGlite;
  try {
    db = await PGlite.create({ dataDir: join(dataDir, PGLITE_SUBDIR) });
  } catch (error) {
    unlock();
    throw error;
  }
  const sql = wrap(db);
  return {
    engine: 'pglite',
    query: sql.query,
    exec: sql.exec,
    // One connection: transactions are serialized by PGlite, so there is nothing to retry.
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    async close() {
      try {
        if (!db.closed) await db.close();
      } finally {
        unlock();
      }
    },
  };
}
