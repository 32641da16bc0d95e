// List fields (a decision's options, trade-offs and tags) merged per element (DESIGN.md §5):
// options and trade-offs by their id, tags by their text. Each element is an add-wins register:
// a removal names the adds it saw (a version vector) and beats only those, so a concurrent add or
// edit survives it; concurrent edits of one element are last-writer-wins. Removed elements stay
// as tombstones with their last value, so every replica computes the same list.
import { hasSeen, joinSeen, type Seen } from './causality';
import type { Hlc } from './hlc';
import { stableKey } from './stable-key';

export const LIST_FIELDS = ['options', 'tradeoffs', 'tags'] as const;
export type ListField = (typeof LIST_FIELDS)[number];
const LISTS = new Set<string>(LIST_FIELDS);

export const isListField = (field: string): field is ListField => LISTS.has(field);

/**
 * The most elements a list shows (the schemas' limit). Concurrent additions can give a list more
 * live elements than that; the merge keeps them all but shows the first LIST_LIMIT in list order,
 * the same on every replica, so a merged row stays valid. The rest show once there is room.
 */
export const LIST_LIMIT = 50;

/** The merge state of one element. */
export interface ElementState {
  /** The element's value as last written (kept when removed, so merges stay order-free). */
  v?: unknown;
  /** The HLC of that write. */
  h?: Hlc;
  /** Every add or edit, as a version vector. */
  a: Seen;
  /** What removals of it had seen. */
  r?: Seen;
  /** Order key: the first write's HLC and position, so lists keep the order they were built in. */
  o?: string;
}

export type ElementMap = Record<string, ElementState>;

/** What a write changes in one list: elements written, and removals with the adds they saw. */
export interface ListDelta {
  put?: unknown[];
  del?: Record<string, Seen>;
  /**
   * Element states sent as they are, joined in exactly: how a device sends the whole of a list
   * the server no longer has (a row purged by compaction), order keys and removals included.
   */
  elements?: ElementMap;
}

/** The identity of an element: an option's or trade-off's id, a tag's text. */
export function elementKey(field: string, element: unknown): string {
  if (field === 'tags') return String(element);
  return String((element as { id?: unknown } | null)?.id ?? '');
}

const orderKey = (hlc: Hlc, index: number) => `${hlc} ${String(index).padStart(4, '0')}`;

/** The elements of a written list: what a whole-array write (schema version 1) means. */
function putAll(field: string, values: readonly unknown[], hlc: Hlc): ElementMap {
  const out: ElementMap = {};
  values.forEach((v, i) => {
    const key = elementKey(field, v);
    if (!(key in out)) out[key] = { v, h: hlc, a: [hlc], o: orderKey(hlc, i) };
  });
  return out;
}

/** The element state of a row's list: its own, or derived from a version-1 row's array. */
export function elementsOf(
  row: { fieldHlc: Record<string, Hlc>; elements?: Record<string, ElementMap>; [k: string]: unknown },
  field: string,
): ElementMap {
  const own = row.elements?.[field];
  if (own) return own;
  const hlc = row.fieldHlc[field];
  const values = row[field];
  return hlc && Array.isArray(values) ? putAll(field, values, hlc) : {};
}

/** The element state an op's delta (or a version-1 whole array) describes. */
export function elementsFromOp(field: string, delta: ListDelta, hlc: Hlc): ElementMap {
  const out = putAll(field, delta.put ?? [], hlc);
  for (const [key, seen] of Object.entries(delta.del ?? {})) {
    const put = out[key];
    if (put) continue; // Written and removed at once: the write is the later intent.
    out[key] = { a: [], r: joinSeen(seen) };
  }
  return delta.elements ? joinElements(out, delta.elements) : out;
}

const isLive = (e: ElementState) => e.a.some((h) => !hasSeen(e.r ?? [], h));

function joinElement(x: ElementState | undefined, y: ElementState): ElementState {
  if (!x) return y;
  const xh = x.h ?? '';
  const yh = y.h ?? '';
  const value = xh > yh || (xh === yh && stableKey(x.v) >= stableKey(y.v)) ? x : y;
  const out: ElementState = { a: joinSeen(x.a, y.a) };
  if (value.h !== undefined) {
    out.v = value.v;
    out.h = value.h;
  }
  const r = joinSeen(x.r ?? [], y.r ?? []);
  if (r.length) out.r = r;
  const o = [x.o, y.o].filter((k): k is string => k !== undefined).sort()[0];
  if (o !== undefined) out.o = o;
  return out;
}

/** Joins two element maps. */
export function joinElements(x: ElementMap, y: ElementMap): ElementMap {
  const out: ElementMap = {};
  for (const key of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
    const a = x[key];
    const b = y[key];
    out[key] = a && b ? joinElement(a, b) : ((a ?? b) as ElementState);
  }
  return out;
}

/** The list a person sees: the first LIST_LIMIT live elements, in the order they were first written. */
export function visibleList(elements: ElementMap): unknown[] {
  return visibleEntries(elements).map(([, e]) => e.v);
}

function visibleEntries(elements: ElementMap): [string, ElementState][] {
  return Object.entries(elements)
    .filter(([, e]) => isLive(e))
    .sort(([k1, e1], [k2, e2]) => {
      const o1 = e1.o ?? '';
      const o2 = e2.o ?? '';
      return o1 < o2 ? -1 : o1 > o2 ? 1 : k1 < k2 ? -1 : k1 > k2 ? 1 : 0;
    })
    .slice(0, LIST_LIMIT);
}

/**
 * What a local write of `next` changes in the row's list: new or edited elements, and removed
 * ones with the adds this device saw. Null when nothing changed. Only shown elements can be
 * removed: one held back by the limit was never in the list the writer edited.
 */
export function listDelta(
  row:
    | { fieldHlc: Record<string, Hlc>; elements?: Record<string, ElementMap>; [k: string]: unknown }
    | undefined,
  field: string,
  next: readonly unknown[],
): ListDelta | null {
  const current = row ? elementsOf(row, field) : {};
  const put: unknown[] = [];
  const keys = new Set<string>();
  for (const value of next) {
    const key = elementKey(field, value);
    if (keys.has(key)) continue;
    keys.add(key);
    const known = current[key];
    if (!known || !isLive(known) || stableKey(known.v) !== stableKey(value)) put.push(value);
  }
  const del: Record<string, Seen> = {};
  for (const [key, e] of visibleEntries(current)) if (!keys.has(key)) del[key] = e.a;
  if (!put.length && !Object.keys(del).length) return null;
  return { ...(put.length ? { put } : {}), ...(Object.keys(del).length ? { del } : {}) };
}
