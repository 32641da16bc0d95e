// Natural-language due dates ("fri", "next friday at 3pm", "in 2 weeks", "Dec 1") resolved in the user's
// time zone. English only; anything unclear returns null rather than a guess.
import { DEFAULT_DUE_HOUR, formatDueLabel } from './dates-format';
import { AMOUNT_WORDS, MONTHS, normalize, splitTime, UNITS, type Unit, WEEKDAYS } from './dates-words';
import {
  addCivilDays,
  addCivilMonths,
  type CivilDate,
  civilWeekday,
  daysInMonth,
  instantAt,
  isValidCivil,
  isValidTimeZone,
  localParts,
  startOfLocalDayAfter,
} from './dates-zone';

export type DueDate = { date: Date; label: string };
export type ParseDueOptions = { weekStartsOn?: 0 | 1 };

/** "tonight" without a time means this local hour. */
export const TONIGHT_HOUR = 20;

const MAX_INPUT_LENGTH = 80;
const MAX_AMOUNT = 5000;
const FRIDAY = 5;
const MONDAY = 1;

/** A day (with the hour used when no time is given), an exact instant, or "the next time the clock shows …". */
type Resolved =
  | { kind: 'day'; date: CivilDate; defaultHour: number; evening?: boolean }
  | { kind: 'instant'; t: number }
  | { kind: 'clock' };

/** Days from weekday `from` forward to weekday `to`, 0 when they are the same day. */
const daysForward = (from: number, to: number): number => (to - from + 7) % 7;

/**
 * "next <day>" is that day in the NEXT calendar week (weeks start on `weekStartsOn`), the reading most
 * people and chrono-style parsers share: said on Monday, "next friday" is 11 days later, not 4. Said on
 * Sunday with Monday-start weeks, next week begins tomorrow, so "next friday" is 5 days later.
 */
function nextWeeksDay(today: CivilDate, weekday: number, weekStartsOn: number): CivilDate {
  const intoWeek = daysForward(weekStartsOn, civilWeekday(today));
  return addCivilDays(today, 7 - intoWeek + daysForward(weekStartsOn, weekday));
}

function resolveRelative(amount: number, unit: Unit, today: CivilDate, now: Date): Resolved {
  switch (unit) {
    case 'minute':
      return { kind: 'instant', t: now.getTime() + amount * 60_000 };
    case 'hour':
      return { kind: 'instant', t: now.getTime() + amount * 3_600_000 };
    case 'day':
      return { kind: 'day', date: addCivilDays(today, amount), defaultHour: DEFAULT_DUE_HOUR };
    case 'week':
      return { kind: 'day', date: addCivilDays(today, 7 * amount), defaultHour: DEFAULT_DUE_HOUR };
    case 'month':
      return { kind: 'day', date: addCivilMonths(today, amount), defaultHour: DEFAULT_DUE_HOUR };
    case 'year':
      return { kind: 'day', date: addCivilMonths(today, 12 * amount), defaultHour: DEFAULT_DUE_HOUR };
  }
}

/** A month and day with no year is the next time that date comes round, today included. */
function nextMonthDay(today: CivilDate, month: number, day: number): CivilDate | null {
  // Eight years always reach a leap year (2096 → 2104), so 29 Feb resolves; 30 Feb never does.
  for (let year = today.year; year <= today.year + 8; year++) {
    const date = { year, month, day };
    if (
      isValidCivil(date) &&
      (year > today.year || month > today.month || (month === today.month && day >= today.day))
    )
      return date;
  }
  return null;
}

function resolveAbsolute(s: string, today: CivilDate): CivilDate | null {
  const wd = '(?:([a-z]+)\\s+)?';
  const iso = new RegExp(`^${wd}(\\d{4})-(\\d{2})-(\\d{2})$`).exec(s);
  const named = new RegExp(
    `^${wd}(?:([a-z]+)\\s+(\\d{1,2})|(\\d{1,2})\\s+(?:of\\s+)?([a-z]+))(?:\\s+(\\d{4}))?$`,
  ).exec(s);
  let date: CivilDate | null = null;
  let weekdayWord: string | undefined;
  if (iso) {
    weekdayWord = iso[1];
    date = { year: Number(iso[2]), month: Number(iso[3]), day: Number(iso[4]) };
    if (!isValidCivil(date)) return null;
  } else if (named) {
    weekdayWord = named[1];
    const month = MONTHS[named[2] ?? named[5] ?? ''];
    const day = Number(named[3] ?? named[4]);
    if (month === undefined) return null;
    if (named[6] === undefined) date = nextMonthDay(today, month, day);
    else {
      date = { year: Number(named[6]), month, day };
      if (!isValidCivil(date)) return null;
    }
  }
  if (!date) return null;
  // "Fri 27 Nov" must really be a Friday: a mismatch means the user has the wrong date in mind.
  if (weekdayWord !== undefined && WEEKDAYS[weekdayWord] !== civilWeekday(date)) return null;
  return date;
}

// "eod"/"cob" said with a day ("tomorrow eod", "eod fri") only repeats the default hour.
const END_OF_DAY = /^(?:(.+)\s+)?(?:eod|cob|end of (?:the )?day|close of business)(?:\s+(.+))?$/;

function resolveDay(s: string, today: CivilDate, now: Date, weekStartsOn: number): Resolved | null {
  const day = (date: CivilDate): Resolved => ({ kind: 'day', date, defaultHour: DEFAULT_DUE_HOUR });
  const weekday = civilWeekday(today);
  const endOfDay = END_OF_DAY.exec(s);
  if (endOfDay) {
    const [, before, after] = endOfDay;
    if (before && after) return null;
    return before || after ? resolveDay(before ?? after ?? '', today, now, weekStartsOn) : day(today);
  }
  switch (s) {
    case '':
      return { kind: 'clock' };
    case 'today':
      return day(today);
    case 'yesterday':
    case 'yday':
      // Logging something that fell due yesterday: it is born overdue, as it really is.
      return day(addCivilDays(today, -1));
    case 'tonight':
      return { kind: 'day', date: today, defaultHour: TONIGHT_HOUR, evening: true };
    case 'tomorrow':
    case 'tmrw':
    case 'tmr':
      return day(addCivilDays(today, 1));
    case 'next week':
      return day(nextWeeksDay(today, MONDAY, weekStartsOn));
    case 'next month':
      return day(addCivilMonths({ ...today, day: 1 }, 1));
    case 'end of week':
    case 'end of the week':
    case 'eow':
      // The working week ends on Friday; at the weekend that is the coming Friday.
      return day(addCivilDays(today, daysForward(weekday, FRIDAY)));
    case 'end of month':
    case 'end of the month':
    case 'eom':
      return day({ ...today, day: daysInMonth(today.year, today.month) });
  }
  const named = /^(this\s+|next\s+)?([a-z]+)$/.exec(s);
  const target = named ? WEEKDAYS[named[2] ?? ''] : undefined;
  if (named && target !== undefined) {
    const modifier = named[1]?.trim();
    if (modifier === 'next') return day(nextWeeksDay(today, target, weekStartsOn));
    // "this fri" is the coming Friday, today included; a bare "fri" on a Friday means next week's,
    // because someone who meant today would have said "today".
    const ahead = daysForward(weekday, target);
    return day(addCivilDays(today, modifier === 'this' ? ahead : ahead || 7));
  }
  const relative = /^(?:in\s+)?(\d+|[a-z]+)\s+([a-z]+)$/.exec(
    s.replace(/^(in\s+)?(\d+)([a-z]+)$/, '$1$2 $3'),
  );
  if (relative) {
    const amount = /^\d+$/.test(relative[1] ?? '') ? Number(relative[1]) : AMOUNT_WORDS[relative[1] ?? ''];
    const unit = UNITS[relative[2] ?? ''];
    if (amount !== undefined && unit !== undefined && amount <= MAX_AMOUNT)
      return resolveRelative(amount, unit, today, now);
  }
  const absolute = resolveAbsolute(s, today);
  return absolute ? day(absolute) : null;
}

/**
 * Reads a due date typed by a person, relative to `now` in `timeZone`; null for anything malformed or
 * ambiguous (it never throws). Rules a user can rely on:
 * - A date with no time is due at 17:00 local, so "due today" is not overdue in the morning. If that
 *   day is today and 17:00 has passed, it is due at the end of today instead of being born overdue.
 * - "today", "tomorrow", "yesterday" (due in the past: logging what already fell due); "eod" or
 *   "cob" is today at that hour, and with a day ("tomorrow eod") changes nothing.
 * - "fri"/"friday" is the next Friday after today; "this fri" includes today; "next fri" is the Friday
 *   of next week (see nextWeeksDay); "next week" is Monday of next week; "eow" the coming Friday;
 *   "eom" the month's last day; "next month" the 1st of next month.
 * - "in 3 days", "in 2 weeks", "in a month" (clamped: 31 Jan + 1 month = 28/29 Feb), "3d", "2w";
 *   "in 2 hours" is an exact instant and takes no time of day.
 * - "2026-12-01", "Dec 1", "1 Dec", "December 1 2026", "Fri 27 Nov". A date without a year is its next
 *   occurrence. Numeric "12/1" is rejected: it is 1 December in the US and 12 January elsewhere.
 * - A time: "at 3pm", "3:30 pm", "15:00", "at 15", "noon". A time alone is its next occurrence; a date
 *   with a time is taken as given, even if already past ("today at 9am" typed at 10:00).
 */
export function parseDueDate(
  text: string,
  now: Date,
  timeZone: string,
  opts: ParseDueOptions = {},
): DueDate | null {
  try {
    if (typeof text !== 'string' || text.length > MAX_INPUT_LENGTH) return null;
    if (!(now instanceof Date) || Number.isNaN(now.getTime()) || !isValidTimeZone(timeZone)) return null;
    const split = splitTime(normalize(text));
    if (!split) return null;
    const rest = split.rest[0] === 'on' || split.rest[0] === 'by' ? split.rest.slice(1) : split.rest;
    const { time } = split;
    const today = localParts(now, timeZone);
    const resolved = resolveDay(rest.join(' '), today, now, opts.weekStartsOn ?? 1);
    if (!resolved) return null;
    let at: Date;
    if (resolved.kind === 'instant') {
      if (time) return null;
      at = new Date(resolved.t);
    } else if (resolved.kind === 'clock') {
      if (!time) return null;
      at = instantAt(today, time, timeZone);
      if (at <= now) at = instantAt(addCivilDays(today, 1), time, timeZone);
    } else if (time) {
      // "tonight at 9" means 21:00.
      const hour = resolved.evening && !time.meridiem && time.hour < 12 ? time.hour + 12 : time.hour;
      at = instantAt(resolved.date, { hour, minute: time.minute }, timeZone);
    } else {
      at = instantAt(resolved.date, { hour: resolved.defaultHour, minute: 0 }, timeZone);
      const isToday =
        resolved.date.year === today.year &&
        resolved.date.month === today.month &&
        resolved.date.day === today.day;
      if (isToday && at <= now) at = new Date(startOfLocalDayAfter(now, 1, timeZone).getTime() - 1);
    }
    if (Number.isNaN(at.getTime())) return null;
    return { date: at, label: formatDueLabel(at, now, timeZone) };
  } catch {
    // Intl throws RangeError for dates outside its range; malformed input must not crash a keystroke handler.
    return null;
  }
}
