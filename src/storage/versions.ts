// The database's versions, oldest first. A schema change is a new entry with an upgrade function,
// never an edit of an old one: test/unit/storage/migrations.test.ts opens every older version
// with data and checks the upgrade keeps it.
import type { Transaction } from 'dexie';

export interface DbVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const DB_VERSIONS: DbVersion[] = [
  {
    version: 1,
    stores: {
      // `_review` and `_due` are local, derived index keys (see derived.ts): set only while the
      // item is due, so the due list is an index range, not a scan.
      decisions: 'id, status, updatedAt, _review, supersedes',
      stakeholders: 'id, name, memberId',
      roles: 'id, decisionId, stakeholderId',
      anchors: 'id, decisionId, pageKey',
      followUps: 'id, decisionId, ownerId, _due',
      events: 'id, decisionId, [decisionId+at]',
      outbox: '++seq',
      pages: 'pageKey, site, lastSeenAt',
      meta: 'key',
    },
  },
  {
    // "Mine" in the popup and the badge: my pending follow-ups by due date as one index range,
    // instead of every key in a due window filtered by owner.
    version: 2,
    stores: { followUps: 'id, decisionId, ownerId, _due, [ownerId+_due]' },
  },
];

export const LATEST_VERSION = DB_VERSIONS.at(-1)?.version ?? 1;
