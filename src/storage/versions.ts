// The database's versions, oldest first. A schema change is a new entry with an upgrade function,
// never an edit of an old one: test/unit/storage/migrations.test.ts opens every older version
// with data and checks the upgrade keeps it.
import type { Transaction } from 'dexie';
import { withDerived } from './derived';

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
  {
    // Deleted decisions by deletion time (`_deleted`, derived): the options page counts live
    // decisions and lists recent deletions from an index. Scanning every decision on each
    // change starved the writes of a first sync. The follow-ups of deleted decisions also
    // leave the due index (see due-index.ts), so totals and the badge count only live ones.
    version: 3,
    stores: { decisions: 'id, status, updatedAt, _review, supersedes, _deleted' },
    upgrade: async (tx) => {
      const deleted = new Set<string>();
      await tx
        .table('decisions')
        .toCollection()
        .modify((d: Record<string, unknown>) => {
          const { _deleted } = withDerived('decisions', d) as { _deleted?: string };
          if (!_deleted) return;
          d._deleted = _deleted;
          deleted.add(String(d.id));
        });
      if (!deleted.size) return;
      await tx
        .table('followUps')
        .filter((f: { decisionId: string }) => deleted.has(f.decisionId))
        .modify((f: Record<string, unknown>) => {
          delete f._due;
        });
    },
  },
  {
    // Pulled rows this version cannot read (written by a newer client): kept, one per row, until
    // an upgraded extension can apply them (src/sync/apply.ts). Nothing to reshape.
    version: 4,
    stores: { quarantine: 'key, table' },
  },
];

export const LATEST_VERSION = DB_VERSIONS.at(-1)?.version ?? 1;
