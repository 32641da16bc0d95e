// The list's data: each decision of the page with what its card shows (the Accountable, the
// next follow-up, the alignment, the quotes) and the people involved. The background builds it
// (src/background/frame-queries.ts) and pushes it as JSON; this gives the people back their Map.
import type { Anchor, Decision, FollowUp, Role, Stakeholder } from '../core/schemas';
import type { PageSummaryWire } from '../messaging/frame-port';

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

export function summaryFromWire(wire: PageSummaryWire): PageSummary {
  return { cards: wire.cards, anchors: wire.anchors, people: new Map(wire.people.map((p) => [p.id, p])) };
}
