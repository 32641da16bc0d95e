// The one write path (DESIGN.md §5): in a single transaction it writes rows, stamps every changed
// field with one HLC, appends the domain's Events and appends the mutation to the outbox. A
// failure anywhere leaves nothing behind.
import type { Table } from 'dexie';
import type { HlcClock } from '../core/hlc';
import { newId } from '../core/ids';
import { isListField, type ListDelta, listDelta } from '../core/list-merge';
import { applyOp, fieldFrontier, isFreeText, type RowOp, type SyncRow } from '../core/merge';
import { chunkOps } from '../core/protocol';
import { DEFAULTS } from '../core/records';
import type { EventKind, RowOf, TableName } from '../core/schemas';
import type { DecidedlyDb } from './db';
import { withDerived } from './derived';
import { reindexDue, type WrittenRow } from './due-index';

export interface WriteContext {
  db: DecidedlyDb;
  clock: HlcClock;
  workspaceId: string;
  /** Who is writing, as recorded in Events: the "me" stakeholder id, or "local". */
  actor: string;
  now?: () => Date;
}

const SYNCED: TableName[] = ['decisions', 'stakeholders', 'roles', 'anchors', 'followUps', 'events'];

interface Intent {
  table: TableName;
  id: string;
  set: Record<string, unknown>;
  create: boolean;
}

/** What a write callback may do: read current rows, then declare creates, patches and events. */
export class Tx {
  readonly intents: Intent[] = [];
  private readonly seen = new Map<string, SyncRow | undefined>();

  constructor(
    private readonly ctx: WriteContext,
    readonly at: Date,
  ) {}

  get actor(): string {
    return this.ctx.actor;
  }

  /** The current row (as this transaction will change it), or undefined. */
  async get<T extends TableName>(table: T, id: string): Promise<RowOf[T] | undefined> {
    const key = `${table}:${id}`;
    if (!this.seen.has(key)) {
      const row = await (this.ctx.db[table] as unknown as Table<SyncRow, string>).get(id);
      this.seen.set(key, row);
    }
    return this.seen.get(key) as RowOf[T] | undefined;
  }

  /** Creates a row with defaults; returns its id. */
  create<T extends TableName>(
    table: T,
    fields: Partial<RowOf[T]> & Record<string, unknown>,
    id = newId(),
  ): string {
    const at = this.at.toISOString();
    const set = { ...DEFAULTS[table], createdAt: at, updatedAt: at, ...fields };
    this.intents.push({ table, id, set, create: true });
    return id;
  }

  /** Changes some fields of a row; fields equal to the stored value are left alone. */
  patch<T extends TableName>(table: T, id: string, fields: Partial<RowOf[T]> & Record<string, unknown>) {
    this.intents.push({ table, id, set: { ...fields }, create: false });
  }

  /** Appends an Event to a decision's history. */
  event(decisionId: string, kind: EventKind, detail: Record<string, unknown> = {}) {
    this.create('events', { decisionId, kind, detail, at: this.at.toISOString(), actor: this.ctx.actor });
  }

  /** The live roles of a decision. */
  async rolesOf(decisionId: string): Promise<RowOf['roles'][]> {
    return (await this.ctx.db.roles.where('decisionId').equals(decisionId).toArray()).filter(
      (r) => !r.deleted,
    );
  }

  /** The live anchors of a decision. */
  async anchorsOf(decisionId: string): Promise<RowOf['anchors'][]> {
    return (await this.ctx.db.anchors.where('decisionId').equals(decisionId).toArray()).filter(
      (a) => !a.deleted,
    );
  }

  /** The newest history entry of a decision. */
  lastEvent(decisionId: string): Promise<RowOf['events'] | undefined> {
    return this.ctx.db.events
      .where('[decisionId+at]')
      .between([decisionId, ''], [decisionId, '\uffff'])
      .last();
  }
}

export class WriteError extends Error {
  constructor(
    message: string,
    readonly code: 'not-found' | 'invalid' | 'locked' | 'quota' | 'failed',
  ) {
    super(message);
  }
}

/** Runs `fn` and commits what it declared atomically. Returns fn's result. */
export async function write<R>(ctx: WriteContext, fn: (tx: Tx) => Promise<R> | R): Promise<R> {
  const { db } = ctx;
  try {
    return await db.transaction('rw', [...SYNCED.map((t) => db[t]), db.outbox], async () => {
      const tx = new Tx(ctx, ctx.now?.() ?? new Date());
      const result = await fn(tx);
      await commit(ctx, tx);
      return result;
    });
  } catch (error) {
    throw asWriteError(error);
  }
}

async function commit(ctx: WriteContext, tx: Tx) {
  if (!tx.intents.length) return;
  // One HLC for the whole mutation, later than every version of every row it touches, so a
  // local edit always wins over what this device has already seen (whichever context wrote it).
  let latest = '';
  for (const intent of tx.intents) {
    const row = intent.create ? undefined : await tx.get(intent.table, intent.id);
    if (!intent.create && !row) throw new WriteError(`No ${intent.table} record ${intent.id}`, 'not-found');
    for (const h of Object.values(row?.fieldHlc ?? {})) if (h > latest) latest = h;
  }
  const hlc = latest ? ctx.clock.receive(latest) : ctx.clock.now();
  const ops: RowOp[] = [];
  const written: WrittenRow[] = [];
  const updatedAt = tx.at.toISOString();
  for (const intent of tx.intents) {
    const table = ctx.db[intent.table] as unknown as Table<SyncRow, string>;
    const current = intent.create ? undefined : ((await tx.get(intent.table, intent.id)) as SyncRow);
    const set = changedFields(current, intent.set);
    // Lists travel element by element, so a teammate's concurrent additions are kept.
    const lists: Record<string, ListDelta> = {};
    for (const field of Object.keys(set)) {
      if (!isListField(field) || !Array.isArray(set[field])) continue;
      const delta = listDelta(current, field, set[field] as unknown[]);
      if (delta || !current) lists[field] = delta ?? {};
      delete set[field];
    }
    if (!Object.keys(set).length && !Object.keys(lists).length) continue;
    if (current && intent.table !== 'events') set.updatedAt = updatedAt;
    const base: Record<string, string[]> = {};
    for (const field of Object.keys(set)) {
      const frontier = current && isFreeText(field) ? fieldFrontier(current, field) : undefined;
      if (frontier) base[field] = frontier;
    }
    const op: RowOp = {
      table: intent.table,
      id: intent.id,
      set,
      ...(Object.keys(base).length ? { base } : {}),
      ...(Object.keys(lists).length ? { lists } : {}),
    };
    const next = { ...applyOp(current, op, hlc), workspaceId: current?.workspaceId ?? ctx.workspaceId };
    const row = withDerived(intent.table, next);
    await table.put(row);
    written.push({ table: intent.table, row, before: current });
    ops.push(op);
  }
  await reindexDue(ctx.db, written);
  // A bulk change (a tag on 500 decisions) becomes several mutations a push accepts.
  for (const chunk of chunkOps(ops)) await ctx.db.outbox.add({ hlc, ops: chunk });
}

function changedFields(current: SyncRow | undefined, set: Record<string, unknown>) {
  if (!current) return { ...set };
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(set)) {
    const differs = JSON.stringify(current[field]) !== JSON.stringify(value);
    // A write to a field with kept conflict versions resolves them, even with the same text.
    if (differs || current.conflicts?.[field]?.length) out[field] = value;
  }
  return out;
}

function asWriteError(error: unknown): Error {
  if (error instanceof WriteError) return error;
  const name = (error as { name?: string; inner?: { name?: string } })?.name ?? '';
  const inner = (error as { inner?: { name?: string } })?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return new WriteError(
      'The browser refused to store more data (storage is full). Nothing of this change was saved.',
      'quota',
    );
  }
  return error instanceof Error ? error : new WriteError(String(error), 'failed');
}
