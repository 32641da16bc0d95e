// Short, readable times for the log's rows: "3 days ago", "in 2 weeks", "Jan 2024".
import { formatRelative } from '../core/dates';

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** How long ago `ms` was: "just now", "5 min ago", "3 hours ago", "2 days ago", "4 months ago". */
export function formatAgo(ms: number, nowMs: number): string {
  const minutes = Math.floor((nowMs - ms) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${plural(hours, 'hour')} ago`;
  const days = Math.floor(hours / 24);
  if (days < 14) return days === 1 ? 'yesterday' : `${days} days ago`;
  if (days < 60) return `${plural(Math.floor(days / 7), 'week')} ago`;
  if (days < 365) return `${plural(Math.floor(days / 30), 'month')} ago`;
  return `${plural(Math.floor(days / 365), 'year')} ago`;
}

/** When a follow-up is due, relative to now in the user's zone ("tomorrow", "3 days overdue"). */
export const formatDue = (ms: number, nowMs: number, timeZone: string): string =>
  formatRelative(new Date(ms), new Date(nowMs), timeZone);

// One formatter for every row: toLocaleDateString builds a new one per call, which shows when scrolling.
const DAY_FORMAT = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** A date for tooltips and screen readers, in the user's locale. */
export const formatDate = (ms: number): string => DAY_FORMAT.format(ms);

export const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
