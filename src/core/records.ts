// Building complete records: each table's defaults, and a new row with every field stamped, so
// storage, import and tests all create records the same way.
import type { Hlc } from './hlc';
import { newId } from './ids';
import { META_FIELDS, type RowOf, type TableName } from './schemas';

type UserFields<T extends TableName> = Omit<
  RowOf[T],
  (typeof META_FIELDS)[number] | 'createdAt' | 'updatedAt'
>;

/** Defaults of each table's user fields; required fields without a sensible default are absent. */
export const DEFAULTS: { [T in TableName]: Partial<UserFields<T>> } = {
  decisions: {
    status: 'proposed',
    context: '',
    rationale: '',
    consequences: '',
    options: [],
    tradeoffs: [],
    risks: '',
    tags: [],
    decidedAt: null,
    reviewAt: null,
    supersedes: null,
    supersededBy: null,
    locked: false,
    deleted: false,
  },
  stakeholders: {
    email: null,
    function: '',
    interests: '',
    power: false,
    legitimacy: false,
    urgency: false,
    memberId: null,
    deleted: false,
  },
  roles: { stance: 'unknown', note: '', deleted: false },
  anchors: { selectors: null, pageTitle: '', site: 'generic', deleted: false },
  followUps: { ownerId: null, dueAt: null, doneAt: null, snoozedUntil: null, deleted: false },
  events: { detail: {}, deleted: false },
};

export interface NewRowContext {
  workspaceId: string;
  hlc: Hlc;
  now: Date;
  id?: string;
}

/** A complete new row of `table`: defaults, then `fields`, every field stamped with `hlc`. */
export function makeRow<T extends TableName>(
  table: T,
  fields: Partial<UserFields<T>> & Record<string, unknown>,
  ctx: NewRowContext,
): RowOf[T] {
  const at = ctx.now.toISOString();
  const values: Record<string, unknown> = { ...DEFAULTS[table], createdAt: at, updatedAt: at, ...fields };
  const fieldHlc: Record<string, Hlc> = {};
  for (const field of Object.keys(values)) fieldHlc[field] = ctx.hlc;
  return {
    ...values,
    id: ctx.id ?? newId(ctx.now.getTime()),
    workspaceId: ctx.workspaceId,
    fieldHlc,
  } as RowOf[T];
}

/** The user fields of a row (what an op carries), without bookkeeping. */
export function userFields(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!(META_FIELDS as readonly string[]).includes(k)) out[k] = v;
  return out;
}
