// The popup's due list: one bounded index query per group of the user's local days (overdue,
// today, this week, later), and only the rows shown joined with their decision, owner and page.
// Its cost follows how much is shown, not how much is due (DESIGN §7: 20 ms at 30,000 follow-ups).
import { dueBounds } from '../core/due';
import type { Decision } from '../core/schemas';
import type { DecidedlyDb } from './db';
import { type DueEntry, dueSection, joinEntries, mineOf, type SectionRange } from './due-query';

export const GROUPS = ['overdue', 'today', 'thisWeek', 'later'] as const;
export type GroupName = (typeof GROUPS)[number];

/** How many items each group shows when the popup opens (about what it fits); "Later" is closed. */
export const FIRST_SCREEN: Readonly<Record<GroupName, number>> = {
  overdue: 5,
  today: 5,
  thisWeek: 5,
  later: 0,
};

export interface DueSection {
  entries: DueEntry[];
  /** How many items the group holds; null for "later" until it is asked for. */
  total: number | null;
}

export type DueList = Record<GroupName, DueSection>;

export interface DueListOptions {
  now: Date;
  timeZone: string;
  me: string | null;
  /** How many entries of each group to read and show; "later" is read only when above 0. */
  show: Record<GroupName, number>;
}

/** Where each group starts and ends, in the user's local days (see groupDue in core/due). */
export function groupRanges(now: Date, timeZone: string): Record<GroupName, SectionRange> {
  const b = dueBounds(now, timeZone);
  return {
    overdue: { to: b.now },
    today: { from: b.now, to: b.tomorrow },
    thisWeek: { from: b.tomorrow, to: b.windowEnd },
    later: { from: b.windowEnd },
  };
}

/** The due list as the popup shows it. */
export async function dueList(db: DecidedlyDb, o: DueListOptions): Promise<DueList> {
  const tables = [db.followUps, db.decisions, db.roles, db.anchors, db.pages, db.stakeholders];
  // One read transaction for the dozen small requests, rather than one each.
  return db.transaction('r', tables, async () => {
    const ranges = groupRanges(o.now, o.timeZone);
    const mine = o.me ? await mineOf(db, o.me) : null;
    const sections = await Promise.all(
      GROUPS.map((g) =>
        g === 'later' && o.show.later <= 0 ? null : dueSection(db, ranges[g], o.show[g], mine),
      ),
    );
    const decisions = new Map<string, Decision>();
    for (const s of sections) for (const [id, d] of s?.decisions ?? []) decisions.set(id, d);
    const joined = await joinEntries(
      db,
      sections.flatMap((s) => s?.items ?? []),
      decisions,
    );
    const section = (i: number): DueSection => {
      const s = sections[i];
      return s
        ? { entries: s.items.map((item) => joined.get(item.id) as DueEntry), total: s.total }
        : { entries: [], total: null };
    };
    return { overdue: section(0), today: section(1), thisWeek: section(2), later: section(3) };
  });
}
