// Field-level last-writer-wins merge shared by the extension and the server (DESIGN.md §5).
// Pure, and a join: commutative, associative and idempotent, so replicas converge whatever the
// order, duplication or batching of what they exchange.
import type { Hlc } from './hlc';
import { type ConflictVersion, FREE_TEXT_FIELDS, META_FIELDS } from './schemas';

/** The shape merge needs: any record with sync metadata. */
export interface SyncRow {
  id: string;
  workspaceId?: string;
  fieldHlc: Record<string, Hlc>;
  fieldBase?: Record<string, Hlc>;
  conflicts?: Record<string, ConflictVersion[]>;
  [field: string]: unknown;
}

/** A write of some fields of one row, as carried by a mutation (protocol `ops`). */
export interface RowOp {
  table: string;
  id: string;
  set: Record<string, unknown>;
  /** For free-text fields: the HLC of the value the writer saw, so a concurrent edit is detected. */
  base?: Record<string, Hlc>;
}

const FREE_TEXT = new Set<string>(FREE_TEXT_FIELDS);
const META = new Set<string>(META_FIELDS);

export const isFreeText = (field: string) => FREE_TEXT.has(field);

/** The row state a single op describes: only the fields it writes, each stamped with `hlc`. */
export function rowFromOp(op: RowOp, hlc: Hlc): SyncRow {
  const row: SyncRow = { id: op.id, fieldHlc: {} };
  for (const [field, value] of Object.entries(op.set)) {
    if (META.has(field)) continue;
    row[field] = value;
    row.fieldHlc[field] = hlc;
    const base = op.base?.[field];
    if (base && isFreeText(field)) row.fieldBase = { ...row.fieldBase, [field]: base };
  }
  return row;
}

/** Merges two states of the same row. */
export function mergeRow<T extends SyncRow>(a: T, b: SyncRow): T {
  if (a.id !== b.id) throw new Error(`mergeRow: different rows ${a.id} / ${b.id}`);
  const out: SyncRow = { id: a.id, fieldHlc: {} };
  const ws = [a.workspaceId, b.workspaceId].filter((w): w is string => typeof w === 'string').sort();
  if (ws.length) out.workspaceId = ws[ws.length - 1];
  const fields = new Set([...Object.keys(a.fieldHlc), ...Object.keys(b.fieldHlc)]);
  for (const field of [...fields].sort()) {
    if (META.has(field)) continue;
    if (isFreeText(field)) mergeFreeText(out, a, b, field);
    else mergeRegister(out, a, b, field);
  }
  return out as T;
}

/** Applies a mutation op to a stored row (or creates it). */
export function applyOp<T extends SyncRow>(row: T | undefined, op: RowOp, hlc: Hlc): T {
  const incoming = rowFromOp(op, hlc);
  return row ? mergeRow(row, incoming) : (incoming as T);
}

function mergeRegister(out: SyncRow, a: SyncRow, b: SyncRow, field: string) {
  const ha = a.fieldHlc[field] ?? '';
  const hb = b.fieldHlc[field] ?? '';
  let winner = ha > hb ? a : b;
  // Equal HLCs are the same write; comparing the values keeps the result order-free even if not.
  if (ha === hb && stableKey(a[field]) > stableKey(b[field])) winner = a;
  out[field] = winner[field];
  out.fieldHlc[field] = winner.fieldHlc[field] ?? '';
}

function versionsOf(row: SyncRow, field: string): ConflictVersion[] {
  const hlc = row.fieldHlc[field];
  const own: ConflictVersion[] = hlc ? [{ value: row[field], hlc, ...baseOf(row, field) }] : [];
  return own.concat(row.conflicts?.[field] ?? []);
}

const baseOf = (row: SyncRow, field: string) => {
  const base = row.fieldBase?.[field];
  return base ? { base } : {};
};

// A version is superseded when another was written by someone who had seen it (base ≥ its HLC);
// what remains after that are the concurrent versions: the newest wins, the rest are kept.
function mergeFreeText(out: SyncRow, a: SyncRow, b: SyncRow, field: string) {
  const byHlc = new Map<string, ConflictVersion>();
  for (const v of [...versionsOf(a, field), ...versionsOf(b, field)]) {
    const seen = byHlc.get(v.hlc);
    if (!seen || stableKey(v) > stableKey(seen)) byHlc.set(v.hlc, v);
  }
  const all = [...byHlc.values()];
  const live = all
    .filter((v) => !all.some((w) => w !== v && w.base !== undefined && w.base >= v.hlc))
    .sort((x, y) => (x.hlc < y.hlc ? 1 : -1));
  const [winner, ...rest] = live;
  if (!winner) return;
  out[field] = winner.value;
  out.fieldHlc[field] = winner.hlc;
  if (winner.base) out.fieldBase = { ...out.fieldBase, [field]: winner.base };
  if (rest.length) out.conflicts = { ...out.conflicts, [field]: rest };
}

function stableKey(value: unknown): string {
  return (
    JSON.stringify(value, (_k, v) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1)))
        : v,
    ) ?? 'undefined'
  );
}

/** True when a row's free-text field has concurrent versions the user should reconcile. */
export const hasConflict = (row: SyncRow, field: string) => (row.conflicts?.[field]?.length ?? 0) > 0;

/** The HLC every write of a field must exceed to count as having seen all current versions. */
export function fieldFrontier(row: SyncRow, field: string): Hlc | undefined {
  const hlcs = versionsOf(row, field).map((v) => v.hlc);
  return hlcs.length ? hlcs.sort().at(-1) : undefined;
}
