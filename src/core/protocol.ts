// The sync protocol of DESIGN.md §5 (versioned /v1): request and response shapes shared by the
// extension's sync engine and the server, validated on both sides with the same schemas.
import * as z from 'zod/mini';
import { HLC_PATTERN } from './hlc';
import { elementKey, isListField, LIST_LIMIT } from './list-merge';
import type { RowOp } from './merge';
import {
  cleanString,
  describeIssues,
  ElementState,
  META_FIELDS,
  SeenBase,
  TABLE_NAMES,
  TABLES,
  type TableName,
} from './schemas';

/**
 * 2: a free-text `base` is a version vector (a list of HLCs) and list fields merge per element.
 * 1 (a single-HLC base, whole-array lists) is still read in stored rows and queued outbox
 * entries, but a version-1 client cannot read version-2 rows, so the server refuses its pushes.
 */
export const SCHEMA_VERSION = 2;
export const MAX_MUTATIONS = 100;
export const MAX_BODY_BYTES = 512 * 1024;
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;
export const MAX_PULL_LIMIT = 5000;

const hlc = z.string().check(z.regex(HLC_PATTERN, 'a hybrid logical clock value'));

export const Op = z.strictObject({
  table: z.enum(TABLE_NAMES as [TableName, ...TableName[]]),
  id: z.string().check(z.regex(/^[0-9a-f-]{36}$/, 'a UUID')),
  set: z.record(cleanString, z.unknown()),
  base: z.optional(z.record(cleanString, SeenBase)),
  /** List fields element by element (schema version 2): written elements, removals with what they saw. */
  lists: z.optional(
    z.record(
      cleanString,
      z.strictObject({
        put: z.optional(z.array(z.unknown())),
        del: z.optional(z.record(cleanString, z.array(hlc).check(z.maxLength(1000)))),
        /** Element states joined in as they are: a whole list re-sent after a purge. */
        elements: z.optional(z.record(cleanString, ElementState)),
      }),
    ),
  ),
});

export const Mutation = z.strictObject({
  id: z.number().check(z.int(), z.positive()),
  hlc,
  ops: z.array(Op).check(z.minLength(1), z.maxLength(200, 'at most 200 ops a mutation')),
});

export const PushRequest = z.strictObject({
  clientId: z.string().check(z.regex(/^[0-9a-z_-]{1,40}$/, '1–40 chars of [0-9a-z_-]')),
  schemaVersion: z.number().check(z.int()),
  mutations: z.array(Mutation).check(z.maxLength(MAX_MUTATIONS, `at most ${MAX_MUTATIONS} mutations a push`)),
});

export type Mutation = z.infer<typeof Mutation>;
export type PushRequest = z.infer<typeof PushRequest>;

export interface PushResponse {
  /** The highest mutation id of this client the server has applied. */
  lastMutationId: number;
  /** The workspace's sequence number after this push. */
  seq: number;
}

/** 409: the server has applied up to `expectedId - 1`; resend from `expectedId`. */
export interface GapResponse {
  error: 'mutation-gap';
  message: string;
  expectedId: number;
}

export interface Change {
  table: TableName;
  seq: number;
  row: Record<string, unknown> & { id: string; fieldHlc: Record<string, string> };
}

export interface PullResponse {
  changes: Change[];
  nextCursor: string;
  hasMore: boolean;
}

export interface MeResponse {
  workspace: { id: string; name: string };
  member: { id: string; name: string; role: 'admin' | 'member' };
}

export interface ErrorResponse {
  error: string;
  message: string;
}

/**
 * Checks every field an op writes against its table's schema, so a push cannot store a value
 * the extension would refuse to read. Returns a readable reason, or null when valid.
 */
export function opProblem(op: RowOp): string | null {
  const schema = TABLES[op.table as TableName];
  if (!schema) return `unknown table ${op.table}`;
  const shape = schema.shape as Record<string, z.ZodMiniType>;
  for (const [field, value] of Object.entries(op.set)) {
    if ((META_FIELDS as readonly string[]).includes(field) || field === 'fieldHlc')
      return `${field}: not writable`;
    // Own fields only: `constructor` or `toString` must not find Object.prototype's.
    const fieldSchema = Object.hasOwn(shape, field) ? shape[field] : undefined;
    if (!fieldSchema) return `${op.table}.${field}: unknown field`;
    const parsed = fieldSchema.safeParse(value);
    if (!parsed.success) return describeIssues(parsed.error, `${op.table}.${field}`);
  }
  return listProblem(op, shape);
}

/** A list delta writes elements its field's schema accepts, to a list field not also in `set`. */
function listProblem(op: RowOp, shape: Record<string, z.ZodMiniType>): string | null {
  for (const [field, delta] of Object.entries(op.lists ?? {})) {
    const fieldSchema = Object.hasOwn(shape, field) && isListField(field) ? shape[field] : undefined;
    if (!fieldSchema) return `lists.${field}: not a list field of ${op.table}`;
    if (Object.hasOwn(op.set, field)) return `lists.${field}: also written whole in set`;
    const parsed = fieldSchema.safeParse(delta.put ?? []);
    if (!parsed.success) return describeIssues(parsed.error, `${op.table}.${field}`);
    // Exact element states: each value valid as an element of the field, under its own key.
    const states = Object.entries(delta.elements ?? {});
    for (const [key, e] of states) {
      if (e.v !== undefined && elementKey(field, e.v) !== key)
        return `lists.${field}.elements.${key}: the key is not the element's`;
    }
    const values = states.filter(([, e]) => e.v !== undefined).map(([, e]) => e.v);
    for (let i = 0; i < values.length; i += LIST_LIMIT) {
      const chunk = fieldSchema.safeParse(values.slice(i, i + LIST_LIMIT));
      if (!chunk.success) return describeIssues(chunk.error, `${op.table}.${field}`);
    }
  }
  return null;
}

/** Every HLC in a list's exact element states, which must not be after the mutation's. */
export function elementHlcs(op: {
  lists?: Record<string, { elements?: Record<string, unknown> }>;
}): string[] {
  const out: string[] = [];
  for (const delta of Object.values(op.lists ?? {})) {
    for (const e of Object.values(delta.elements ?? {}) as { h?: string; a: string[]; r?: string[] }[]) {
      if (e.h) out.push(e.h);
      out.push(...e.a, ...(e.r ?? []));
    }
  }
  return out;
}

/** A pull position: the last sequence number seen, and the compaction epoch it was issued in. */
export interface Cursor {
  seq: number;
  epoch: number;
}

/**
 * Cursors are opaque to clients: `s<seq>` in epoch 0 (what servers before epochs issued), then
 * `s<seq>e<epoch>`.
 */
export const encodeCursor = ({ seq, epoch }: Cursor): string => (epoch ? `s${seq}e${epoch}` : `s${seq}`);
export function decodeCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) return { seq: 0, epoch: 0 };
  const m = /^s(\d{1,15})(?:e(\d{1,15}))?$/.exec(cursor);
  return m ? { seq: Number(m[1]), epoch: Number(m[2] ?? 0) } : null;
}

/** Ops a mutation may carry, and the bytes one outbox entry aims to stay under. */
export const MAX_OPS_PER_MUTATION = 200;
const ENTRY_OPS = 100;
const ENTRY_BYTES = 200 * 1024;

/**
 * Cuts the ops of one local change into mutations a push accepts (each carries the same HLC, so
 * the merge result is the same as for one mutation). A push carries at least one mutation whole.
 */
export function chunkOps<T>(
  ops: readonly T[],
  size: (op: T) => number = (op) => JSON.stringify(op).length,
): T[][] {
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let bytes = 0;
  for (const op of ops) {
    const n = size(op);
    if (chunk.length && (chunk.length >= ENTRY_OPS || bytes + n > ENTRY_BYTES)) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(op);
    bytes += n;
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}
