// The storage interface the server is written against: plain SQL that runs unchanged on PGlite
// and PostgreSQL, plus transactions retried on serialization failure.

/** Something that runs SQL: the store itself or an open transaction. */
export interface Sql {
  /** Runs one parameterised statement and returns its rows. */
  query<T extends object = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export type Engine = 'pglite' | 'postgres';

export interface Store extends Sql {
  readonly engine: Engine;
  /**
   * Runs `fn` in one transaction. On a serialization failure or deadlock (40001/40P01) the whole
   * function runs again, so it must not have side effects outside the database.
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Closes the database; waits for running statements. */
  close(): Promise<void>;
}

/** bigint columns come back as strings from `pg` and numbers from PGlite. */
export const toNumber = (value: unknown): number => Number(value);
