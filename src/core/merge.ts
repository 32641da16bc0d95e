// Field-level last-writer-wins merge shared by the extension and the server (DESIGN.md §5).
// Pure, and a join: commutative, associative and idempotent, so replicas converge whatever the
// order, duplication or batching of what they exchange.
import { asSeen, hasSeen, joinSeen, type Seen } from './causality';
import type { Hlc } from './hlc';
import {
  type ElementMap,
  elementsFromOp,
  elementsOf,
  isListField,
  joinElements,
  type ListDelta,
  visibleList,
} from './list-merge';
import { FREE_TEXT_FIELDS, META_FIELDS } from './schemas';
import { stableKey } from './stable-key';

/** One version of a free-text field: its value, when it was written, and what its writer saw. */
export interface Version {
  value: unknown;
  hlc: Hlc;
  /** A version vector (schema version 2) or, in rows written before, one HLC. */
  base?: Hlc | Seen;
}

/** The shape merge needs: any record with sync metadata. */
export interface SyncRow {
  id: string;
  workspaceId?: string;
  fieldHlc: Record<string, Hlc>;
  fieldBase?: Record<string, Hlc | Seen>;
  conflicts?: Record<string, Version[]>;
  /** List fields: the merge state of each element (see list-merge.ts). */
  elements?: Record<string, ElementMap>;
  [field: string]: unknown;
}

/** A write of some fields of one row, as carried by a mutation (protocol `ops`). */
export interface RowOp {
  table: string;
  id: string;
  set: Record<string, unknown>;
  /**
   * For free-text fields: every version the writer saw, as a version vector (`fieldFrontier` of
   * its row), so an edit it did not see survives as a concurrent version. One HLC in version 1.
   */
  base?: Record<string, Hlc | Seen>;
  /** List fields, element by element (schema version 2); a list in `set` is a version-1 write. */
  lists?: Record<string, ListDelta>;
}

/**
 * Set by the server on a row written again after compaction purged it: the delete HLC of that
 * purge. Merged like any register, never written by ops. A device that holds the row and sees a
 * mark it has not seen sends its whole state of the row (the server kept only the delete).
 */
export const PURGED_MARK = '_purged';

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
    const base = asSeen(op.base?.[field]);
    if (base.length && isFreeText(field)) row.fieldBase = { ...row.fieldBase, [field]: base };
    // Stryker disable next-line LogicalOperator: no data field outside LIST_FIELDS holds an array
    if (isListField(field) && Array.isArray(value))
      setList(row, field, elementsFromOp(field, { put: value }, hlc));
  }
  for (const [field, delta] of Object.entries(op.lists ?? {})) {
    if (!isListField(field) || field in op.set) continue;
    row.fieldHlc[field] = hlc;
    setList(row, field, elementsFromOp(field, delta, hlc));
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
    else if (isListField(field)) mergeList(out, a, b, field);
    else mergeRegister(out, a, b, field);
  }
  return out as T;
}

/** Applies a mutation op to a stored row (or creates it). */
export function applyOp<T extends SyncRow>(row: T | undefined, op: RowOp, hlc: Hlc): T {
  const incoming = rowFromOp(op, hlc);
  return row ? mergeRow(row, incoming) : (incoming as T);
}

// Element state that a plain array stamped with the field's HLC describes exactly (a list written
// once, as every version-1 row) is left implicit: such rows stay as they were, byte for byte.
function setList(row: SyncRow, field: string, elements: ElementMap) {
  const list = visibleList(elements);
  row[field] = list;
  const implicit = elementsOf({ fieldHlc: row.fieldHlc, [field]: list }, field);
  if (stableKey(implicit) !== stableKey(elements)) row.elements = { ...row.elements, [field]: elements };
}

// The field's HLC is its newest element write: it orders the field for readers that only look
// at fieldHlc (the join snapshot, the write path's clock).
function mergeList(out: SyncRow, a: SyncRow, b: SyncRow, field: string) {
  // HLC strings order as text (Math.max would compare them as numbers).
  out.fieldHlc[field] = [a.fieldHlc[field] ?? '', b.fieldHlc[field] ?? ''].sort()[1] as string;
  setList(out, field, joinElements(elementsOf(a, field), elementsOf(b, field)));
}

function mergeRegister(out: SyncRow, a: SyncRow, b: SyncRow, field: string) {
  const ha = a.fieldHlc[field] ?? '';
  const hb = b.fieldHlc[field] ?? '';
  // Equal HLCs are the same write; comparing the values keeps the result order-free even if not.
  // Stryker disable next-line EqualityOperator: equal keys are equal values, so either side serves
  const aValueWins = () => stableKey(a[field]) > stableKey(b[field]);
  const aWins = ha > hb || (ha === hb && aValueWins());
  out[field] = aWins ? a[field] : b[field];
  out.fieldHlc[field] = aWins ? ha : hb;
}

interface SeenVersion {
  value: unknown;
  hlc: Hlc;
  base: Seen;
}

function versionsOf(row: SyncRow, field: string): SeenVersion[] {
  const hlc = row.fieldHlc[field];
  const own = hlc ? [{ value: row[field], hlc, base: asSeen(row.fieldBase?.[field]) }] : [];
  const kept = (row.conflicts?.[field] ?? []).map((v) => ({
    value: v.value,
    hlc: v.hlc,
    base: asSeen(v.base),
  }));
  return own.concat(kept);
}

const withBase = (v: SeenVersion): Version =>
  v.base.length ? { value: v.value, hlc: v.hlc, base: v.base } : { value: v.value, hlc: v.hlc };

// A version is superseded when another version's writer had seen it (its vector covers it); the
// versions left are concurrent: the newest is the value, the others are kept as siblings. Since a
// writer's vector includes everything its row held, what a dropped version had seen stays covered.
function mergeFreeText(out: SyncRow, a: SyncRow, b: SyncRow, field: string) {
  const byHlc = new Map<string, SeenVersion>();
  for (const v of [...versionsOf(a, field), ...versionsOf(b, field)]) {
    const seen = byHlc.get(v.hlc);
    // Stryker disable next-line EqualityOperator: equal keys are identical versions
    if (!seen || stableKey(v) > stableKey(seen)) byHlc.set(v.hlc, v);
  }
  // Stryker disable next-line EqualityOperator: the HLCs are unique here, so < and <= sort alike
  const all = [...byHlc.values()].sort((x, y) => (x.hlc < y.hlc ? 1 : -1));
  const live = all.filter((v) => !all.some((w) => w !== v && hasSeen(w.base, v.hlc)));
  // Versions that each claim to have seen the other cannot come from honest writers; keep the
  // newest rather than nothing.
  const [winner, ...rest] = live.length ? live : all.slice(0, 1);
  // Stryker disable next-line ConditionalExpression: the field is in a fieldHlc, so it has a version
  if (!winner) return;
  out[field] = winner.value;
  out.fieldHlc[field] = winner.hlc;
  if (winner.base.length) out.fieldBase = { ...out.fieldBase, [field]: winner.base };
  if (rest.length) out.conflicts = { ...out.conflicts, [field]: rest.map(withBase) };
}

/** True when a row's free-text field has concurrent versions the user should reconcile. */
export const hasConflict = (row: SyncRow, field: string) => (row.conflicts?.[field]?.length ?? 0) > 0;

/**
 * What a writer of this field has seen: every version the row holds and everything those
 * versions' writers saw. Sent as the write's `base`, it supersedes exactly those versions.
 */
export function fieldFrontier(row: SyncRow, field: string): Seen | undefined {
  const versions = versionsOf(row, field);
  if (!versions.length) return undefined;
  return joinSeen(
    versions.map((v) => v.hlc),
    ...versions.map((v) => v.base),
  );
}
