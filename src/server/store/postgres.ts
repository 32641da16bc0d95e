// The server engine for teams that run PostgreSQL (or a compatible distributed engine): a `pg`
// pool, transactions retried on serialization failure.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { withRetries } from './retry';
import type { Sql, Store } from './store';

// Parameterised statements are prepared once per connection under a name derived from their
// text: PostgreSQL then skips parsing and planning them on every push. (Behind a transaction-mode
// pooler such as PgBouncer < 1.21, which cannot keep prepared statements, set PG_PREPARED_STATEMENTS=0.)
const names = new Map<string, string>();
const nameOf = (text: string) => {
  let name = names.get(text);
  if (!name) {
    name = `d_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
};

const wrap = (db: pg.Pool | pg.PoolClient, prepare: boolean): Sql => ({
  async query<T extends object>(text: string, params?: readonly unknown[]) {
    const values = params ? [...params] : undefined;
    const result = await db.query(
      prepare && values ? { name: nameOf(text), text, values } : { text, values },
    );
    return result.rows as T[];
  },
  async exec(text: string) {
    await db.query(text);
  },
});

export interface PostgresOptions {
  /** Pool size per process; several server processes share the database's connection budget. */
  max?: number;
  /** Use named prepared statements (default true). */
  prepare?: boolean;
}

export async function openPostgresStore(databaseUrl: string, options: PostgresOptions = {}): Promise<Store> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 10 });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', () => {});
  // Fail at start, not on the first request, when the database is unreachable.
  await pool.query('SELECT 1');
  const prepare = options.prepare ?? true;
  const sql = wrap(pool, prepare);
  return {
    engine: 'postgres',
    query: sql.query,
    exec: sql.exec,
    transaction: (fn) =>
      withRetries(async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const value = await fn(wrap(client, prepare));
          await client.query('COMMIT');
          return value;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        } finally {
          client.release();
        }
      }),
    close: () => pool.end(),
  };
}
