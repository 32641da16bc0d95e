// Reads what the log shows. `loadLog` reads everything in one read transaction, so a live query
// re-runs (and the log re-derives) once per change anywhere in the extension; `loadRecent` reads
// just the newest decisions and their rows, so a large log shows its first rows at once.
import type { Table } from 'dexie';
import type { LogData } from '../core/log';
import type { Stakeholder } from '../core/schemas';
import type { DecidedlyDb, PageRecord } from '../storage/db';

export async function loadLog(db: DecidedlyDb): Promise<LogData> {
  const tables = [db.decisions, db.stakeholders, db.roles, db.anchors, db.followUps, db.pages];
  return db.transaction('r', tables, async () => {
    const [decisions, stakeholders, roles, anchors, followUps, pages] = await Promise.all([
      readAll(db.decisions),
      readAll(db.stakeholders),
      readAll(db.roles),
      readAll(db.anchors),
      readAll(db.followUps),
      db.pages.toArray(),
    ]);
    return { decisions, stakeholders, roles, anchors, followUps, pages };
  });
}

const CHUNK = 2000;

/**
 * Every row of a table, read in primary-key chunks. Turning rows back into objects is most of the
 * cost of a large log, and one getAll of 30,000 roles is one long task; between chunks the page
 * still paints and answers keys (each IndexedDB result arrives as a task of its own).
 */
async function readAll<T extends { id: string }, I>(table: Table<T, string, I>): Promise<T[]> {
  const out: T[] = [];
  for (let last: string | undefined; ; ) {
    const rows = await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last))
      .limit(CHUNK)
      .toArray();
    for (const row of rows) out.push(row);
    if (rows.length < CHUNK) return out;
    last = rows[rows.length - 1]?.id;
  }
}

/** The `limit` most recently changed live decisions with their roles, pages and follow-ups. */
export async function loadRecent(db: DecidedlyDb, limit: number): Promise<LogData> {
  const decisions = await db.decisions
    .orderBy('updatedAt')
    .reverse()
    .filter((d) => !d.deleted)
    .limit(limit)
    .toArray();
  const ids = decisions.map((d) => d.id);
  const [roles, anchors, followUps] = await Promise.all([
    db.roles.where('decisionId').anyOf(ids).toArray(),
    db.anchors.where('decisionId').anyOf(ids).toArray(),
    db.followUps.where('decisionId').anyOf(ids).toArray(),
  ]);
  const [stakeholders, pages] = await Promise.all([
    db.stakeholders.bulkGet([...new Set(roles.map((r) => r.stakeholderId))]),
    db.pages.bulkGet([...new Set(anchors.map((a) => a.pageKey))]),
  ]);
  return {
    decisions,
    roles,
    anchors,
    followUps,
    stakeholders: stakeholders.filter((s): s is Stakeholder => !!s),
    pages: pages.filter((p): p is PageRecord => !!p),
  };
}
