// Opens the configured engine and brings its schema up to date.
import { migrate } from './migrate';
import { openPgliteStore } from './pglite';
import { openPostgresStore } from './postgres';
import type { Store } from './store';

export interface StoreOptions {
  /** PGlite data directory; used when `databaseUrl` is not given. */
  dataDir?: string;
  /** PostgreSQL connection string; takes precedence over `dataDir`. */
  databaseUrl?: string;
  /** PostgreSQL only: named prepared statements (default true). */
  preparedStatements?: boolean;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  const store = options.databaseUrl
    ? await openPostgresStore(options.databaseUrl, { prepare: options.preparedStatements ?? true })
    : await openPgliteStore(options.dataDir ?? '.data');
  try {
    await migrate(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
