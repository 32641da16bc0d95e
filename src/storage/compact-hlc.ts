// Rows are stored with their per-field HLCs folded: most fields of a row share one HLC (a row is
// usually written in one go), and spelling it out per field was about half of every stored row —
// and Chromium's IndexedDB cost grows with the bytes it serializes (a first sync writes 40,000
// rows). A Dexie middleware at the bottom of the stack folds on write and unfolds on every read,
// so the rest of the code (and Dexie's own middlewares) only ever sees the plain `fieldHlc`.
import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';

/** The shared HLC of the folded fields, and the fields in their order (schema names, never these). */
const SHARED = '*';
const ORDER = '#';
/** Folding pays only when enough fields share the HLC. */
const MIN_SHARED = 3;

type Row = Record<string, unknown> & { fieldHlc?: Record<string, unknown> };

/**
 * The stored form of a row: `fieldHlc` as the most common HLC, the field names in order, and the
 * fields with another HLC. Exact: `unfoldRow` gives back the same object, key order included.
 */
export function foldRow(row: Row): Row {
  const hlcs = row.fieldHlc;
  if (!hlcs || typeof hlcs !== 'object' || SHARED in hlcs) return row;
  const counts = new Map<unknown, number>();
  for (const hlc of Object.values(hlcs)) counts.set(hlc, (counts.get(hlc) ?? 0) + 1);
  let shared: unknown;
  let most = 0;
  for (const [hlc, n] of counts) {
    if (n > most) {
      shared = hlc;
      most = n;
    }
  }
  if (most < MIN_SHARED) return row;
  const folded: Record<string, unknown> = { [SHARED]: shared, [ORDER]: Object.keys(hlcs) };
  for (const [field, hlc] of Object.entries(hlcs)) if (hlc !== shared) folded[field] = hlc;
  return { ...row, fieldHlc: folded };
}

/** The row as it was before folding (a row stored unfolded is returned as it is). */
export function unfoldRow<T>(row: T): T {
  const hlcs = (row as Row | undefined)?.fieldHlc;
  if (!hlcs || typeof hlcs !== 'object' || !(SHARED in hlcs)) return row;
  const out: Record<string, unknown> = {};
  for (const field of hlcs[ORDER] as string[])
    out[field] = Object.hasOwn(hlcs, field) ? hlcs[field] : hlcs[SHARED];
  return { ...(row as Row), fieldHlc: out } as T;
}

function unfoldingCursor(cursor: DBCoreCursor): DBCoreCursor {
  let raw: unknown;
  let value: unknown;
  // The native cursor's getters check their receiver: forward them, as Dexie's own wrappers do.
  return Object.create(cursor, {
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    value: {
      get() {
        if (cursor.value !== raw) {
          raw = cursor.value;
          value = unfoldRow(raw);
        }
        return value;
      },
    },
  });
}

function foldingTable(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate: (req) =>
      req.type === 'add' || req.type === 'put'
        ? table.mutate({ ...req, values: req.values.map((v) => foldRow(v as Row)) })
        : table.mutate(req),
    get: (req) => table.get(req).then(unfoldRow),
    getMany: (req) => table.getMany(req).then((rows) => rows.map(unfoldRow)),
    query: (req) =>
      table.query(req).then((res) => (req.values ? { ...res, result: res.result.map(unfoldRow) } : res)),
    openCursor: (req) =>
      table.openCursor(req).then((cursor) => (cursor && req.values ? unfoldingCursor(cursor) : cursor)),
  };
}

/** The middleware for the synced tables (`tables`); installed by `openDb`. */
export function compactHlcMiddleware(tables: readonly string[]): Middleware<DBCore> {
  const synced = new Set(tables);
  return {
    stack: 'dbcore',
    name: 'compactHlc',
    // Below Dexie's own middlewares: they (and liveQuery's cache) see unfolded rows.
    level: -10,
    create: (down) => ({
      ...down,
      table: (name) => (synced.has(name) ? foldingTable(down.table(name)) : down.table(name)),
    }),
  };
}
