// Dates as the sidebar shows them: in the browser's time zone, through the core's labels, so the
// sidebar, the popup and the log say the same thing about the same date.
import { formatDueLabel, formatRelative } from '../core/dates';

export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export interface DueText {
  /** "Fri 27 Nov" */
  label: string;
  /** "in 3 days", "2 days overdue" */
  relative: string;
  overdue: boolean;
}

export function dueText(iso: string, now = new Date()): DueText {
  const due = new Date(iso);
  const zone = localTimeZone();
  return {
    label: formatDueLabel(due, now, zone),
    relative: formatRelative(due, now, zone),
    overdue: due.getTime() < now.getTime(),
  };
}

const STAMP = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** When something happened, for the history: "27 Nov 2026, 15:04". */
export function timestamp(iso: string): string {
  return STAMP.format(new Date(iso));
}
