// The list's rules, pure: which cards pass the filters and the search, in which order and group,
// and what a card says about its next step.
import { statusRank } from '../core/lifecycle';
import type { FollowUp, Status } from '../core/schemas';
import type { CardData } from './page-summary';

export interface ListFilter {
  status: Status | '';
  stakeholderId: string;
  query: string;
}

export const NO_FILTER: ListFilter = { status: '', stakeholderId: '', query: '' };

export const isFiltered = (f: ListFilter): boolean => !!(f.status || f.stakeholderId || f.query.trim());

/** The search covers titles, quoted passages and rationale; every word must appear somewhere. */
export function matchesQuery(card: CardData, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const haystack = [
    card.decision.title,
    card.decision.rationale,
    ...card.anchors.map((a) => a.selectors?.quote.exact ?? ''),
  ]
    .join('\n')
    .toLowerCase();
  return words.every((w) => haystack.includes(w));
}

export function filterCards(cards: CardData[], f: ListFilter): CardData[] {
  return cards.filter(
    (c) =>
      (!f.status || c.decision.status === f.status) &&
      (!f.stakeholderId || c.roles.some((r) => r.stakeholderId === f.stakeholderId)) &&
      matchesQuery(c, f.query),
  );
}

/** Open first, then decided (the list); rejected and superseded apart (collapsed). Newest first within. */
export function groupCards(cards: CardData[]): { active: CardData[]; settled: CardData[] } {
  const sorted = [...cards].sort(
    (a, b) =>
      statusRank(a.decision.status) - statusRank(b.decision.status) ||
      (a.decision.updatedAt < b.decision.updatedAt
        ? 1
        : a.decision.updatedAt > b.decision.updatedAt
          ? -1
          : 0),
  );
  return {
    active: sorted.filter((c) => statusRank(c.decision.status) < 2),
    settled: sorted.filter((c) => statusRank(c.decision.status) >= 2),
  };
}

/** The pending follow-up due first (undated ones after every dated one). */
export function nextFollowUp(followUps: FollowUp[]): FollowUp | undefined {
  const pending = followUps.filter((f) => !f.deleted && !f.doneAt);
  return pending.sort((a, b) => (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff'))[0];
}
