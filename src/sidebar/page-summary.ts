// The live query behind the list: each decision of the page with what its card shows (the
// Accountable, the next follow-up, the alignment, the quotes) and the people involved.
import type { Anchor, Decision, FollowUp, Role, Stakeholder } from '../core/schemas';
import type { DecidedlyDb } from '../storage/db';
import { pageDecisions } from '../storage/queries';

export interface CardData {
  decision: Decision;
  roles: Role[];
  followUps: FollowUp[];
  anchors: Anchor[];
}

export interface PageSummary {
  cards: CardData[];
  anchors: Anchor[];
  /** Everyone with a role on one of the page's decisions, by id. */
  people: Map<string, Stakeholder>;
}

export const EMPTY_SUMMARY: PageSummary = { cards: [], anchors: [], people: new Map() };

const live = <T extends { deleted: boolean }>(rows: T[]) => rows.filter((r) => !r.deleted);

export async function pageSummary(db: DecidedlyDb, pageKey: string): Promise<PageSummary> {
  if (!pageKey) return EMPTY_SUMMARY;
  const { anchors, decisions } = await pageDecisions(db, pageKey);
  const ids = decisions.map((d) => d.id);
  const [roles, followUps] = await Promise.all([
    db.roles.where('decisionId').anyOf(ids).toArray(),
    db.followUps.where('decisionId').anyOf(ids).toArray(),
  ]);
  const liveRoles = live(roles);
  const stakeholders = await db.stakeholders.bulkGet([...new Set(liveRoles.map((r) => r.stakeholderId))]);
  const people = new Map<string, Stakeholder>();
  for (const s of stakeholders) if (s && !s.deleted) people.set(s.id, s);
  const cards = decisions.map((decision) => ({
    decision,
    roles: liveRoles.filter((r) => r.decisionId === decision.id && people.has(r.stakeholderId)),
    followUps: live(followUps).filter((f) => f.decisionId === decision.id),
    anchors: anchors.filter((a) => a.decisionId === decision.id),
  }));
  return { cards, anchors, people };
}
