// Joining a workspace: local records take its id, the outbox is rebuilt from the rows (with their
// own field HLCs, so joining never makes old local values look newer than a teammate's), and the
// member is linked to a stakeholder — "me" in pickers and "Mine" in the popup.
import type { Table } from 'dexie';
import { newClientId } from '../core/ids';
import { PURGED_MARK, type RowOp, type SyncRow } from '../core/merge';
import { chunkOps, type MeResponse } from '../core/protocol';
import { META_FIELDS, type TableName } from '../core/schemas';
import { metaValue, setMetaValue } from '../storage/context';
import type { DecidedlyDb } from '../storage/db';
import { createStakeholder, updateStakeholder } from '../storage/people';
import type { WriteContext } from '../storage/write';
import { cursorKey } from './apply';
import { resetMutationIds } from './outbox';

const SYNCED: TableName[] = ['stakeholders', 'decisions', 'roles', 'anchors', 'followUps', 'events'];
const JOINED_KEY = 'sync:joinedWorkspace';
const MEMBER_KEY = 'sync:member';

/** Groups every field of every row by the HLC that wrote it: one mutation per HLC, oldest first. */
export function snapshotMutations(
  rows: { table: TableName; row: SyncRow }[],
): { hlc: string; ops: RowOp[] }[] {
  const byHlc = new Map<string, Map<string, RowOp>>();
  for (const { table, row } of rows) {
    for (const [field, hlc] of Object.entries(row.fieldHlc)) {
      // The purge mark is the server's; no op may write it.
      if ((META_FIELDS as readonly string[]).includes(field) || field === PURGED_MARK) continue;
      const ops = byHlc.get(hlc) ?? new Map<string, RowOp>();
      byHlc.set(hlc, ops);
      const key = `${table}:${row.id}`;
      const op = ops.get(key) ?? { table, id: row.id, set: {} };
      op.set[field] = row[field];
      ops.set(key, op);
    }
  }
  return [...byHlc.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([hlc, ops]) => ({ hlc, ops: [...ops.values()] }));
}

/** Makes the local data part of `workspaceId`; a first join queues everything for the push. */
export async function joinWorkspace(db: DecidedlyDb, workspaceId: string, memberId?: string): Promise<void> {
  const joined = await metaValue<string>(db, JOINED_KEY);
  const lastMember = await metaValue<string>(db, MEMBER_KEY);
  await db.transaction('rw', [...SYNCED.map((t) => db[t]), db.outbox, db.meta], async () => {
    const rows: { table: TableName; row: SyncRow }[] = [];
    for (const table of SYNCED) {
      const t = db[table] as unknown as Table<SyncRow, string>;
      await t.toCollection().modify((row) => {
        row.workspaceId = workspaceId;
      });
      if (joined !== workspaceId) for (const row of await t.toArray()) rows.push({ table, row });
    }
    if (joined === workspaceId) return; // Reconnecting: the outbox holds what changed meanwhile.
    await db.outbox.clear();
    for (const { hlc, ops } of snapshotMutations(rows)) {
      for (const chunk of chunkOps(ops)) await db.outbox.add({ hlc, ops: chunk });
    }
    await setMetaValue(db, 'workspaceId', workspaceId);
    await setMetaValue(db, JOINED_KEY, workspaceId);
    await db.meta.delete(cursorKey(workspaceId));
  });
  // A fresh join, or joining as another member, gets a fresh client id: the server remembers
  // mutation ids per client (a repeated id is skipped as a retry) and a client id belongs to the
  // member who first pushed with it. Pending entries are numbered again for the new id.
  if (
    joined !== workspaceId ||
    (memberId !== undefined && lastMember !== undefined && lastMember !== memberId)
  ) {
    await resetMutationIds(db, workspaceId);
    await db.outbox.toCollection().modify((entry) => {
      delete (entry as { mutationId?: number }).mutationId;
    });
    await setMetaValue(db, 'clientId', newClientId());
  }
  if (memberId !== undefined) await setMetaValue(db, MEMBER_KEY, memberId);
  await setMetaValue(db, 'workspaceId', workspaceId);
}

/** Links the member to a stakeholder: the one already marked "me", else a new one. */
export async function linkMember(ctx: WriteContext, me: MeResponse): Promise<string> {
  const { db } = ctx;
  const linked = await db.stakeholders.where('memberId').equals(me.member.id).first();
  if (linked && !linked.deleted) {
    await setMetaValue(db, 'meStakeholderId', linked.id);
    return linked.id;
  }
  const current = await metaValue<string>(db, 'meStakeholderId');
  const mine = current ? await db.stakeholders.get(current) : undefined;
  if (mine && !mine.deleted && !mine.memberId) {
    await updateStakeholder(ctx, mine.id, { memberId: me.member.id });
    return mine.id;
  }
  const id = await createStakeholder(ctx, { name: me.member.name, memberId: me.member.id });
  await setMetaValue(db, 'meStakeholderId', id);
  return id;
}

/** Removes the workspace's local copy (after Disconnect, on an explicit, confirmed request). */
export async function removeLocalCopy(db: DecidedlyDb): Promise<void> {
  await db.transaction(
    'rw',
    [...SYNCED.map((t) => db[t]), db.outbox, db.pages, db.meta, db.quarantine],
    async () => {
      for (const table of SYNCED) await db[table].clear();
      await db.quarantine.clear();
      await db.outbox.clear();
      await db.pages.clear();
      // Cursors, mutation counters and status too: a later reconnect starts from nothing.
      const keys = (await db.meta.toCollection().primaryKeys()).filter((k) => String(k).startsWith('sync:'));
      await db.meta.bulkDelete([...keys, 'workspaceId', 'meStakeholderId']);
    },
  );
}
