// What sync is doing, kept in the meta table so every page shows it live: "Synced 12 s ago",
// "Offline — 3 changes waiting", or an error with what to do.

import { metaValue, setMetaValue } from '../storage/context';
import type { DecidedlyDb } from '../storage/db';
import { IDLE, STATUS_KEY, type SyncStatus } from './status-text';

export * from './status-text';

export async function readStatus(db: DecidedlyDb): Promise<SyncStatus> {
  return { ...IDLE, ...((await metaValue<SyncStatus>(db, STATUS_KEY)) ?? {}) };
}

export async function writeStatus(db: DecidedlyDb, patch: Partial<SyncStatus>): Promise<SyncStatus> {
  const next = { ...(await readStatus(db)), ...patch };
  await setMetaValue(db, STATUS_KEY, next);
  return next;
}
