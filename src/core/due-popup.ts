// Pure helpers of the due list and its reminders that due.ts does not cover: (readable site names,
// re-exported,) and quiet hours across midnight and DST.
import { addCivilDays, instantAt, localParts } from './dates-zone';

export { siteName } from './site-names';

/** The IANA zone of this browser or worker: "today" is the user's local day. */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const _pad = (n: number) => String(n).padStart(2, '0');

/** A daily window of local wall-clock time, `HH:MM` each; it may span midnight (22:00–08:00). */
export interface QuietHours {
  enabled: boolean;
  start: string;
  end: string;
}

const minutesOf = (hhmm: string): number | null => {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

export const isClockTime = (hhmm: string): boolean => minutesOf(hhmm) !== null;

/**
 * Whether `now` falls in the quiet hours, and if so the instant they end (when held-back
 * reminders go out). The end is computed on the local calendar, so a window across a DST change
 * still ends at its wall-clock time. Equal or unreadable bounds mean no quiet hours.
 */
export function quietUntil(now: Date, timeZone: string, quiet: QuietHours): Date | null {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (!quiet.enabled || start === null || end === null || start === end) return null;
  const p = localParts(now, timeZone);
  const minute = p.hour * 60 + p.minute;
  const overnight = start > end;
  const inside = overnight ? minute >= start || minute < end : minute >= start && minute < end;
  if (!inside) return null;
  // Overnight and already past the start: the window ends on the next local day.
  const endDay = overnight && minute >= start ? addCivilDays(p, 1) : p;
  return instantAt(endDay, { hour: Math.floor(end / 60), minute: end % 60 }, timeZone);
}
