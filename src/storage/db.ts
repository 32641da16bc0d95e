// The one Dexie database of the extension. Extension pages and the service worker open it;
// content scripts never do (they ask the background).
import Dexie, { type EntityTable } from 'dexie';
import type { RowOp } from '../core/merge';
import type { Anchor, Decision, DecisionEvent, FollowUp, Role, Stakeholder } from '../core/schemas';
import { compactHlcMiddleware } from './compact-hlc';
import type { Stored } from './derived';
import { DB_VERSIONS, type DbVersion } from './versions';

export const DB_NAME = 'decidedly';
/** The tables whose rows sync (and carry per-field HLCs, stored folded: see compact-hlc.ts). */
const SYNCED_TABLES = ['decisions', 'stakeholders', 'roles', 'anchors', 'followUps', 'events'] as const;

/** A local change waiting to be pushed: one mutation of the sync protocol. */
export interface OutboxEntry {
  seq?: number;
  hlc: string;
  ops: RowOp[];
}

/** A page seen with decisions, so lists can say "ACME-7 · Fix the login timeout". */
export interface PageRecord {
  pageKey: string;
  site: string;
  title: string;
  url: string;
  lastSeenAt: string;
}

/** A pulled row that failed validation here (a newer client wrote it), kept for after an upgrade. */
export interface QuarantineRecord {
  /** `${table}:${id}` */
  key: string;
  table: string;
  id: string;
  /** The server's state of the row (later pulls merged in). */
  row: Record<string, unknown> & { id: string; fieldHlc: Record<string, string> };
  /** Why this version refused it, for diagnostics. */
  reason: string;
  /** When it was first kept (ISO). */
  at: string;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export type DecidedlyDb = Dexie & {
  decisions: EntityTable<Stored<Decision>, 'id'>;
  stakeholders: EntityTable<Stakeholder, 'id'>;
  roles: EntityTable<Role, 'id'>;
  anchors: EntityTable<Anchor, 'id'>;
  followUps: EntityTable<Stored<FollowUp>, 'id'>;
  events: EntityTable<DecisionEvent, 'id'>;
  outbox: EntityTable<OutboxEntry, 'seq'>;
  pages: EntityTable<PageRecord, 'pageKey'>;
  meta: EntityTable<MetaRecord, 'key'>;
  quarantine: EntityTable<QuarantineRecord, 'key'>;
};

/** Opens the database with `versions` (all of them unless a migration test asks for fewer). */
export function openDb(name = DB_NAME, versions: DbVersion[] = DB_VERSIONS): DecidedlyDb {
  const db = new Dexie(name) as DecidedlyDb;
  for (const v of versions) {
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
  db.use(compactHlcMiddleware(SYNCED_TABLES));
  return db;
}

let shared: DecidedlyDb | undefined;

/** The database of this context, opened once. */
export function database(): DecidedlyDb {
  shared ??= openDb();
  return shared;
}
