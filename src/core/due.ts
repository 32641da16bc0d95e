// The popup's due list: which follow-ups and reviews are overdue, due today, this week or later in the
// user's local day, the badge count, snoozing, review cadence and when to wake up next.
import {
  addCivilDays,
  addLocalDays,
  addLocalMonths,
  civilWeekday,
  instantAt,
  localParts,
  startOfLocalDayAfter,
} from './dates-zone';
import { dueMs, sortedIndex } from './due-order';

export { type DueItem, type DueKind, followUpDueItem, reviewDueItem } from './due-items';

/** Snoozed items come back at this local hour, the start of a working day. */
export const SNOOZE_HOUR = 9;
/** "This week" is the rest of a rolling window of this many local days, today being the first. */
export const DUE_WINDOW_DAYS = 7;

export type DueGroups<T> = { overdue: T[]; today: T[]; thisWeek: T[]; later: T[] };

/** The instants that separate the groups, computed once per render rather than per item. */
export type DueBounds = { now: number; tomorrow: number; windowEnd: number };

export function dueBounds(now: Date, timeZone: string): DueBounds {
  return {
    now: now.getTime(),
    tomorrow: startOfLocalDayAfter(now, 1, timeZone).getTime(),
    windowEnd: startOfLocalDayAfter(now, DUE_WINDOW_DAYS, timeZone).getTime(),
  };
}

/**
 * Splits items by when they fall due, each group sorted by due time (ties keep input order):
 * - overdue: due before now — including earlier today, since 10:00 has passed at 11:00;
 * - today: from now to the end of the local day;
 * - thisWeek: tomorrow through the sixth day after today. A rolling seven days rather than the calendar
 *   week, so on a Friday "this week" still shows Monday's items instead of only the weekend;
 * - later: everything after, and (last) any item whose dueAt does not parse, so nothing is dropped.
 * The groups partition the input.
 */
export function groupDue<T extends { dueAt: string }>(
  items: readonly T[],
  now: Date,
  timeZone: string,
): DueGroups<T> {
  const b = dueBounds(now, timeZone);
  const times = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const t = dueMs((items[i] as T).dueAt);
    times[i] = Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
  }
  // One sort of everything: the groups are consecutive time ranges, so each comes out sorted.
  const groups: DueGroups<T> = { overdue: [], today: [], thisWeek: [], later: [] };
  for (const i of sortedIndex(times)) {
    const t = times[i] as number;
    const group = t < b.now ? 'overdue' : t < b.tomorrow ? 'today' : t < b.windowEnd ? 'thisWeek' : 'later';
    groups[group].push(items[i] as T);
  }
  return groups;
}

export type SnoozeOption = 'tomorrow' | 'next-week' | { date: Date } | { hours: number };

/**
 * When a snoozed item comes back. Day options land at 09:00 local: "tomorrow"; "next-week" is the next
 * Monday after today (tomorrow when today is Sunday); `{ date }` is that date's local day. `{ hours }`
 * is exact elapsed time. A `{ date }` whose 09:00 has passed gives that past instant: the picker offers
 * future days only, and an item snoozed into the past is simply due again.
 */
export function snooze(option: SnoozeOption, now: Date, timeZone: string): Date {
  const at9 = { hour: SNOOZE_HOUR, minute: 0 };
  if (option === 'tomorrow') return instantAt(addCivilDays(localParts(now, timeZone), 1), at9, timeZone);
  if (option === 'next-week') {
    const today = localParts(now, timeZone);
    const ahead = (1 - civilWeekday(today) + 7) % 7 || 7;
    return instantAt(addCivilDays(today, ahead), at9, timeZone);
  }
  if ('hours' in option) {
    if (!Number.isFinite(option.hours) || option.hours <= 0) throw new RangeError('snooze hours must be > 0');
    return new Date(now.getTime() + option.hours * 3_600_000);
  }
  return instantAt(localParts(option.date, timeZone), at9, timeZone);
}

export type ReviewCadence = 'week' | 'month' | 'quarter' | { days: number };

/**
 * The next review after `from`, in calendar terms at the same local wall time (a review at 10:00 stays
 * at 10:00 across DST). Months clamp to the month's end: 31 Jan + 1 month = 28/29 Feb.
 */
export function nextReview(from: Date, cadence: ReviewCadence, timeZone: string): Date {
  if (cadence === 'week') return addLocalDays(from, 7, timeZone);
  if (cadence === 'month') return addLocalMonths(from, 1, timeZone);
  if (cadence === 'quarter') return addLocalMonths(from, 3, timeZone);
  if (!Number.isInteger(cadence.days) || cadence.days < 1)
    throw new RangeError('review cadence must be ≥ 1 day');
  return addLocalDays(from, cadence.days, timeZone);
}

/**
 * Whether the item belongs in "mine". With no identity set (`me` null) everything is mine; otherwise
 * only items owned by me — an unowned item is nobody's, and the clarity check flags it instead.
 */
export function isMine(item: { ownerId?: string | null }, me: string | null): boolean {
  return me === null || item.ownerId === me;
}

/** The toolbar badge: overdue plus due today (before the next local midnight), only mine when `me` is set. */
export function badgeCount(
  items: readonly { dueAt: string; ownerId?: string | null }[],
  now: Date,
  timeZone: string,
  me: string | null,
): number {
  const tomorrow = startOfLocalDayAfter(now, 1, timeZone).getTime();
  let count = 0;
  for (const item of items) if (isMine(item, me) && dueMs(item.dueAt) < tomorrow) count++;
  return count;
}

/** The earliest dueAt strictly after `now`, to schedule the alarm that notifies when it falls due. */
export function nextWakeUp(items: readonly { dueAt: string }[], now: Date): Date | null {
  const from = now.getTime();
  let next = Number.POSITIVE_INFINITY;
  for (const item of items) {
    const t = dueMs(item.dueAt);
    if (t > from && t < next) next = t;
  }
  return next === Number.POSITIVE_INFINITY ? null : new Date(next);
}

/**
 * Milliseconds until the next local midnight, when "today" items of tomorrow join the badge. Not
 * always 24 h away from the same wall time: a DST day is 23 or 25 hours long.
 */
export function msUntilNextLocalMidnight(now: Date, timeZone: string): number {
  return startOfLocalDayAfter(now, 1, timeZone).getTime() - now.getTime();
}
