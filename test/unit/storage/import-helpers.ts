// Helpers of the import tests: separate databases per "device", a byte-for-byte dump, and the
// rows a teammate would build from the outbox.
import { vi } from 'vitest';
import type { Backup } from '../../../src/core/export';
import { HlcClock } from '../../../src/core/hlc';
import { applyOp, type SyncRow } from '../../../src/core/merge';
import { type DecidedlyDb, openDb } from '../../../src/storage/db';
import { backupText, readAllTables } from '../../../src/storage/export-data';
import { readBackup } from '../../../src/storage/import';
import type { WriteContext } from '../../../src/storage/write';

const dbs: DecidedlyDb[] = [];

/** A browser profile of its own: a database and a clock (with a fixed wall time when given). */
export async function device(
  node: string,
  workspaceId = 'local',
  wall?: () => number,
): Promise<WriteContext> {
  const db = openDb(`import-${crypto.randomUUID()}`);
  await db.open();
  dbs.push(db);
  return { db, clock: new HlcClock(node, wall), workspaceId, actor: 'me' };
}
/** Deletes the databases `device` opened; call from afterEach. */
export async function closeDevices(): Promise<void> {
  vi.restoreAllMocks();
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
}

/** Every store of the database, outbox, pages and meta included, as one comparable string. */
export async function dump(db: DecidedlyDb): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return JSON.stringify(out);
}

export async function backupOf(ctx: WriteContext): Promise<Backup> {
  const parsed = readBackup(await backupText(ctx.db, await readAllTables(ctx.db)));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.backup;
}

/** A teammate's view: the rows the outbox's mutations build when applied in HLC order. */
export async function replayOutbox(db: DecidedlyDb, known: SyncRow[] = []): Promise<Map<string, SyncRow>> {
  const rows = new Map<string, SyncRow>(known.map((r) => [`decisions:${r.id}`, r]));
  const entries = (await db.outbox.toArray()).sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  for (const e of entries)
    for (const op of e.ops)
      rows.set(`${op.table}:${op.id}`, applyOp(rows.get(`${op.table}:${op.id}`), op, e.hlc));
  return rows;
}

/** A row as sync compares it: no workspace, no local index keys, keys sorted. */
export const synced = ({ workspaceId: _w, ...row }: SyncRow) =>
  JSON.stringify(
    Object.fromEntries(
      Object.entries(row)
        .filter(([k]) => !k.startsWith('_'))
        .sort(),
    ),
  );
