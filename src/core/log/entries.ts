// The decision log's precomputed view of the data: one entry per live decision, with its people,
// pages, next step, alignment and a lowercase search index, built once per data change so that
// searching and filtering while typing only scan memory.
import { isOpen } from '../lifecycle';
import { type Alignment, alignmentOf } from '../raci';
import type { Anchor, Decision, FollowUp, Role, Stakeholder } from '../schemas';

/** A page seen with decisions (the storage `pages` table), so lists can name it readably. */
export interface PageRef {
  pageKey: string;
  site: string;
  title: string;
  url: string;
}

/** Everything the log reads, tombstones included (they are filtered here, once). */
export interface LogData {
  decisions: Decision[];
  stakeholders: Stakeholder[];
  roles: Role[];
  anchors: Anchor[];
  followUps: FollowUp[];
  pages: PageRef[];
}

export interface EntryRole {
  role: Role;
  person: Stakeholder;
}

export interface LogEntry {
  decision: Decision;
  /** Live roles whose stakeholder is live too. */
  roles: EntryRole[];
  /** One per page key, titled from the page as last seen. */
  pages: PageRef[];
  anchors: Anchor[];
  accountable: Stakeholder | undefined;
  accountableCount: number;
  /** The open follow-up due first (undated ones after dated ones). */
  nextFollowUp: FollowUp | undefined;
  /** Whether some open follow-up has an owner and a due date (the clarity check's next step). */
  hasNextStep: boolean;
  alignment: Alignment;
  /** Some Consulted stakeholder has not said where they stand (precomputed: filters test it often). */
  unheard: boolean;
  /** Rejected or superseded: nothing is pending on it any more, so alignment gaps do not apply. */
  settled: boolean;
  open: boolean;
  updatedMs: number;
  decidedMs: number | null;
  /** When it was decided, or logged when not decided yet: the timeline's and date range's time. */
  whenMs: number;
  nextDueMs: number;
  reviewMs: number | null;
  /** Lowercase title, quotes, context, rationale, consequences, tags, page titles and names, NUL-separated. */
  text: string;
}

const byDecision = <T extends { decisionId: string; deleted: boolean }>(rows: T[]) => {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    if (row.deleted) continue;
    const list = out.get(row.decisionId);
    if (list) list.push(row);
    else out.set(row.decisionId, [row]);
  }
  return out;
};

const dueOf = (f: FollowUp) => (f.dueAt ? Date.parse(f.dueAt) : Number.POSITIVE_INFINITY);

function nextOf(followUps: FollowUp[]): FollowUp | undefined {
  let best: FollowUp | undefined;
  for (const f of followUps) if (!f.doneAt && (!best || dueOf(f) < dueOf(best))) best = f;
  return best;
}

/** One entry per live decision, in storage order. */
export function buildEntries(data: LogData): LogEntry[] {
  const people = new Map<string, Stakeholder>();
  for (const s of data.stakeholders) if (!s.deleted) people.set(s.id, s);
  const seenPages = new Map(data.pages.map((p) => [p.pageKey, p]));
  const roles = byDecision(data.roles);
  const anchors = byDecision(data.anchors);
  const followUps = byDecision(data.followUps);
  const out: LogEntry[] = [];
  for (const decision of data.decisions) {
    if (decision.deleted) continue;
    const own: EntryRole[] = [];
    for (const role of roles.get(decision.id) ?? []) {
      const person = people.get(role.stakeholderId);
      if (person) own.push({ role, person });
    }
    const ownAnchors = anchors.get(decision.id) ?? [];
    const pages = new Map<string, PageRef>();
    for (const a of ownAnchors) {
      if (pages.has(a.pageKey)) continue;
      const seen = seenPages.get(a.pageKey);
      pages.set(a.pageKey, {
        pageKey: a.pageKey,
        site: a.site || seen?.site || 'generic',
        title: seen?.title || a.pageTitle || a.url,
        url: a.url || seen?.url || '',
      });
    }
    const pageList = [...pages.values()];
    const ownFollowUps = followUps.get(decision.id) ?? [];
    const next = nextOf(ownFollowUps);
    let accountable: Stakeholder | undefined;
    let accountableCount = 0;
    let unheard = false;
    for (const { role, person } of own) {
      if (role.raci === 'A') {
        accountable = person;
        accountableCount += 1;
      } else if (role.raci === 'C' && role.stance === 'unknown') unheard = true;
    }
    const decidedMs = decision.decidedAt ? Date.parse(decision.decidedAt) : null;
    out.push({
      decision,
      roles: own,
      pages: pageList,
      anchors: ownAnchors,
      accountable: accountableCount === 1 ? accountable : undefined,
      accountableCount,
      nextFollowUp: next,
      hasNextStep: ownFollowUps.some((f) => !f.doneAt && f.ownerId && f.dueAt),
      alignment: alignmentOf(own.map((r) => r.role)),
      unheard,
      settled: decision.status === 'rejected' || decision.status === 'superseded',
      open: isOpen(decision.status),
      updatedMs: Date.parse(decision.updatedAt),
      decidedMs,
      whenMs: decidedMs ?? Date.parse(decision.createdAt),
      nextDueMs: next ? dueOf(next) : Number.POSITIVE_INFINITY,
      reviewMs: decision.reviewAt ? Date.parse(decision.reviewAt) : null,
      text: searchText(decision, ownAnchors, pageList, own),
    });
  }
  return out;
}

function searchText(d: Decision, anchors: Anchor[], pages: PageRef[], roles: EntryRole[]): string {
  const parts = [d.title, d.context, d.rationale, d.consequences, d.tags.join(' ')];
  for (const a of anchors) if (a.selectors) parts.push(a.selectors.quote.exact);
  for (const p of pages) parts.push(p.title);
  for (const r of roles) parts.push(r.person.name);
  // NUL never occurs in a query, so a term cannot match across two fields.
  return parts.join('\u0000').toLowerCase();
}
