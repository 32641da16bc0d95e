// Human-readable due dates: the absolute label ("Fri 27 Nov, 15:00") and the relative one ("in 3 days").
import { localDayDiff, localParts } from './dates-zone';

/** A due date given without a time falls due at this local hour (see parseDueDate). */
export const DEFAULT_DUE_HOUR = 17;

const WEEKDAYS_SHORT = 'Sun Mon Tue Wed Thu Fri Sat'.split(' ');
const MONTHS_SHORT = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * "Fri 27 Nov"; the year is added when it is not the current local year, and the time (24-hour, so it
 * reads the same everywhere) when it is not the default 17:00. The label parses back to the same date.
 */
export function formatDueLabel(due: Date, now: Date, timeZone: string): string {
  const p = localParts(due, timeZone);
  let label = `${WEEKDAYS_SHORT[p.weekday]} ${p.day} ${MONTHS_SHORT[p.month - 1]}`;
  if (p.year !== localParts(now, timeZone).year) label += ` ${p.year}`;
  if (p.hour !== DEFAULT_DUE_HOUR || p.minute !== 0) label += `, ${pad2(p.hour)}:${pad2(p.minute)}`;
  return label;
}

const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

// Past two weeks a day count stops being useful; whole weeks, months and years are what people say.
function span(days: number): string {
  if (days < 14) return plural(days, 'day');
  if (days < 31) return plural(Math.floor(days / 7), 'week');
  if (days < 365) return plural(Math.floor(days / 30), 'month');
  return plural(Math.floor(days / 365), 'year');
}

/**
 * Where `due` is relative to `now` in local calendar days: "today", "tomorrow", "in 3 days", "in 2 weeks",
 * "yesterday", "3 days overdue". Something due earlier today is "earlier today", so an item that is
 * already overdue never reads as if there were time left.
 */
export function formatRelative(due: Date, now: Date, timeZone: string): string {
  const days = localDayDiff(now, due, timeZone);
  if (days === 0) return due.getTime() < now.getTime() ? 'earlier today' : 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${span(days)}` : `${span(-days)} overdue`;
}
