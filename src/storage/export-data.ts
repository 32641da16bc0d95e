// Reading records out for exports: every table for a backup (tombstones and sync metadata
// included, so a restore loses nothing), or the rows of chosen decisions; and the backup's text.
import type { Table } from 'dexie';
import { type TableRows, toBackup } from '../core/export';
import type { SyncRow } from '../core/merge';
import { SCHEMA_VERSION } from '../core/protocol';
import { TABLE_NAMES, type TableName } from '../core/schemas';
import { clientIdOf, LOCAL_WORKSPACE, metaValue } from './context';
import type { DecidedlyDb } from './db';

/** A stored row without storage's local index keys (`_review`, `_due`): the record itself. */
export function recordOf<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([k]) => !k.startsWith('_'))) as T;
}

const tableOf = (db: DecidedlyDb, t: TableName) => db[t] as unknown as Table<SyncRow, string>;
const syncedTables = (db: DecidedlyDb) => TABLE_NAMES.map((t) => tableOf(db, t));

/** Every row of every synced table, read in one transaction so the snapshot is consistent. */
export function readAllTables(db: DecidedlyDb): Promise<TableRows> {
  return db.transaction('r', syncedTables(db), async () => {
    const out = {} as Record<TableName, SyncRow[]>;
    for (const t of TABLE_NAMES) out[t] = (await tableOf(db, t).toArray()).map(recordOf);
    return out as unknown as TableRows;
  });
}

/**
 * The rows of decisions `ids` and of everything hanging off them, tombstones of their parts
 * included (a JSON export stays lossless; the other formats skip tombstones themselves).
 */
export function readDecisionTables(db: DecidedlyDb, ids: readonly string[]): Promise<TableRows> {
  return db.transaction('r', syncedTables(db), async () => {
    const list = [...ids];
    const [decisions, roles, anchors, followUps, events] = await Promise.all([
      db.decisions.bulkGet(list),
      db.roles.where('decisionId').anyOf(list).toArray(),
      db.anchors.where('decisionId').anyOf(list).toArray(),
      db.followUps.where('decisionId').anyOf(list).toArray(),
      db.events.where('decisionId').anyOf(list).toArray(),
    ]);
    const people = new Set([
      ...roles.map((r) => r.stakeholderId),
      ...followUps.flatMap((f) => (f.ownerId ? [f.ownerId] : [])),
    ]);
    const stakeholders = await db.stakeholders.bulkGet([...people]);
    const present = <T extends object>(rows: (T | undefined)[]) =>
      rows.filter((r): r is T => r !== undefined).map(recordOf);
    return {
      decisions: present(decisions),
      stakeholders: present(stakeholders),
      roles: present(roles),
      anchors: present(anchors),
      followUps: present(followUps),
      events: present(events),
    };
  });
}

/** The JSON backup of `tables`, with this device's client id and workspace for the record. */
export async function backupText(
  db: DecidedlyDb,
  tables: TableRows,
  options: { now?: Date; appVersion?: string } = {},
): Promise<string> {
  const workspaceId = (await metaValue<string>(db, 'workspaceId')) ?? LOCAL_WORKSPACE;
  return toBackup(tables, {
    exportedAt: (options.now ?? new Date()).toISOString(),
    schemaVersion: SCHEMA_VERSION,
    clientId: await clientIdOf(db),
    workspaceId,
    ...(options.appVersion ? { appVersion: options.appVersion } : {}),
  });
}
