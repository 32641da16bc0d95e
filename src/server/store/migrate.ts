// Schema migrations: the ordered SQL files of src/server/migrations, applied at start and recorded
// in a table. The same files serve PGlite and PostgreSQL.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Store } from './store';

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** The migration files in order (their names start with a zero-padded number). */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3,}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const sql = readFileSync(`${dir}/${name}`, 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** Applies the migrations not yet recorded; returns the names applied now. */
export async function migrate(store: Store, migrations = loadMigrations()): Promise<string[]> {
  await createLedger(store);
  const applied: string[] = [];
  for (const m of migrations) {
    const ran = await store.transaction(async (tx) => {
      // Several processes may start at once: the first to insert the name runs the migration,
      // the others wait on its uncommitted key and then find it done.
      const claimed = await tx.query(
        'INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING name',
        [m.name, m.checksum],
      );
      if (claimed.length === 0) {
        const [row] = await tx.query<{ checksum: string }>(
          'SELECT checksum FROM schema_migrations WHERE name = $1',
          [m.name],
        );
        if (row && row.checksum !== m.checksum) {
          throw new Error(
            `Migration ${m.name} was changed after it was applied; add a new migration instead.`,
          );
        }
        return false;
      }
      await tx.exec(m.sql);
      return true;
    });
    if (ran) applied.push(m.name);
  }
  return applied;
}

/**
 * Errors of a CREATE TABLE IF NOT EXISTS that lost a race with another process creating the same
 * table: the duplicate row in pg_type (23505) or the relation itself (42P07).
 */
const CREATED_CONCURRENTLY = new Set(['23505', '42P07']);

async function createLedger(store: Store) {
  const ddl = `CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`;
  // No advisory lock (not portable to distributed PostgreSQL, DESIGN.md §5): processes starting
  // together may both try to create the table; the loser's error means it now exists, which the
  // re-check confirms before going on.
  for (let attempt = 1; ; attempt++) {
    try {
      await store.exec(ddl);
      return;
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (attempt >= 3 || typeof code !== 'string' || !CREATED_CONCURRENTLY.has(code)) throw error;
      const [found] = await store.query<{ ok: boolean }>(
        "SELECT to_regclass('schema_migrations') IS NOT NULL AS ok",
      );
      if (found?.ok) return;
    }
  }
}
