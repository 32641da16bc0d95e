// Read helpers shared by the pages (through liveQuery) and the background.
import type { DecisionBundle } from '../core/export/bundle';
import type { Anchor, Decision, Stakeholder } from '../core/schemas';
import type { DecidedlyDb } from './db';

const live = <T extends { deleted: boolean }>(rows: T[]) => rows.filter((r) => !r.deleted);

/** The live anchors on a page and their decisions. */
export async function pageDecisions(
  db: DecidedlyDb,
  pageKey: string,
): Promise<{ anchors: Anchor[]; decisions: Decision[] }> {
  const anchors = live(await db.anchors.where('pageKey').equals(pageKey).toArray());
  const ids = [...new Set(anchors.map((a) => a.decisionId))];
  const decisions = live((await db.decisions.bulkGet(ids)).filter((d): d is Decision => !!d));
  const alive = new Set(decisions.map((d) => d.id));
  return { anchors: anchors.filter((a) => alive.has(a.decisionId)), decisions };
}

export type { DecisionBundle };

/** Everything about one decision: what the record view and exports need. */
export async function decisionBundle(db: DecidedlyDb, id: string): Promise<DecisionBundle | undefined> {
  const decision = await db.decisions.get(id);
  if (!decision) return undefined;
  const [roles, anchors, followUps, events] = await Promise.all([
    db.roles.where('decisionId').equals(id).toArray(),
    db.anchors.where('decisionId').equals(id).toArray(),
    db.followUps.where('decisionId').equals(id).toArray(),
    db.events.where('[decisionId+at]').between([id, ''], [id, '\uffff']).toArray(),
  ]);
  const liveRoles = live(roles);
  const stakeholders = (await db.stakeholders.bulkGet(liveRoles.map((r) => r.stakeholderId))).filter(
    (s): s is Stakeholder => !!s,
  );
  return {
    decision,
    roles: liveRoles,
    stakeholders,
    anchors: live(anchors),
    followUps: live(followUps),
    events,
  };
}
