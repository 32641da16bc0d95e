// Calendar arithmetic in a named IANA time zone with nothing but Intl.DateTimeFormat: local parts of an
// instant, the instant of a local wall time (DST gaps and folds resolved), local days and months.

const MS_PER_DAY = 86_400_000;

/** A calendar date: month 1–12, day 1–31. */
export type CivilDate = { year: number; month: number; day: number };

/** What a wall clock in a time zone shows at an instant. `weekday` is 0 = Sunday … 6 = Saturday. */
export type LocalParts = CivilDate & {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
};

/** A wall-clock time of day. */
export type WallTime = { hour: number; minute: number; second?: number; millisecond?: number };

// Building a DateTimeFormat costs far more than using one, and the due list formats per render.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-US with numeric fields gives ASCII digits; h23 avoids the "24" hour some ICU versions print.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the IANA zone name (e.g. `Europe/Berlin`, `UTC`). */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The date `days` after 1970-01-01 (inverse of daysFromCivil). */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export const addCivilDays = (date: CivilDate, n: number): CivilDate => civilFromDays(daysFromCivil(date) + n);

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export const civilWeekday = (date: CivilDate): number => (((daysFromCivil(date) + 4) % 7) + 7) % 7;

export function daysInMonth(year: number, month: number): number {
  return daysFromCivil(addCivilMonthStart(year, month, 1)) - daysFromCivil({ year, month, day: 1 });
}

function addCivilMonthStart(year: number, month: number, n: number): CivilDate {
  const index = year * 12 + (month - 1) + n;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1, day: 1 };
}

/** `n` months after `date`, the day clamped to the month's length (31 Jan + 1 month = 28/29 Feb). */
export function addCivilMonths(date: CivilDate, n: number): CivilDate {
  const { year, month } = addCivilMonthStart(date.year, date.month, n);
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export const isValidCivil = ({ year, month, day }: CivilDate): boolean =>
  Number.isInteger(year) &&
  Number.isInteger(month) &&
  Number.isInteger(day) &&
  month >= 1 &&
  month <= 12 &&
  day >= 1 &&
  day <= daysInMonth(year, month);

/** The local wall clock at `instant` in `timeZone`. Throws RangeError on an unknown zone or invalid date. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const t = instant.getTime();
  const fields: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(t)) fields[p.type] = p.value;
  const yearOfEra = Number(fields.year);
  const year = fields.era === 'BC' || fields.era === 'B' ? 1 - yearOfEra : yearOfEra;
  const date = { year, month: Number(fields.month), day: Number(fields.day) };
  return {
    ...date,
    hour: Number(fields.hour) % 24,
    minute: Number(fields.minute),
    second: Number(fields.second),
    millisecond: ((t % 1000) + 1000) % 1000,
    weekday: civilWeekday(date),
  };
}

const wallMs = (date: CivilDate, time: WallTime): number =>
  daysFromCivil(date) * MS_PER_DAY +
  ((time.hour * 60 + time.minute) * 60 + (time.second ?? 0)) * 1000 +
  (time.millisecond ?? 0);

/** Milliseconds the zone's wall clock is ahead of UTC at `t` (e.g. +3_600_000 for CET). */
export function zoneOffsetMs(t: number, timeZone: string): number {
  const p = localParts(new Date(t), timeZone);
  return wallMs(p, p) - t;
}

/**
 * The instant a wall clock in `timeZone` shows `date` at `time`.
 * A time skipped by a DST gap moves forward by the gap (02:30 → 03:30), as Temporal's "compatible"
 * does, so a day's start is its first existing instant. A time that occurs twice (a fold) gives the
 * earlier one, unless `preferOffsetMs` names the other — used to keep the same side of a fold.
 */
export function instantAt(date: CivilDate, time: WallTime, timeZone: string, preferOffsetMs?: number): Date {
  const local = wallMs(date, time);
  // Zones change offset at most once in any two days, so the offsets a day either side bracket it.
  const before = zoneOffsetMs(local - MS_PER_DAY, timeZone);
  const after = zoneOffsetMs(local + MS_PER_DAY, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => local - offset)
    .filter((t) => zoneOffsetMs(t, timeZone) === local - t)
    .sort((a, b) => a - b);
  if (candidates.length === 0) return new Date(local - before);
  const preferred = candidates.find((t) => local - t === preferOffsetMs);
  return new Date(preferred ?? (candidates[0] as number));
}

/** The instant the local day containing `instant` begins (its midnight, or the first instant after a gap). */
export function startOfLocalDay(instant: Date, timeZone: string): Date {
  return instantAt(localParts(instant, timeZone), { hour: 0, minute: 0 }, timeZone);
}

/** The instant the local day `n` days after the one containing `instant` begins. */
export function startOfLocalDayAfter(instant: Date, n: number, timeZone: string): Date {
  return instantAt(addCivilDays(localParts(instant, timeZone), n), { hour: 0, minute: 0 }, timeZone);
}

/**
 * `n` calendar days later at the same local wall time, so 09:00 stays 09:00 across a DST change
 * (the elapsed time is then 23 or 25 hours, not 24).
 */
export function addLocalDays(instant: Date, n: number, timeZone: string): Date {
  const p = localParts(instant, timeZone);
  const offset = zoneOffsetMs(instant.getTime(), timeZone);
  return instantAt(addCivilDays(p, n), p, timeZone, offset);
}

/** `n` calendar months later at the same local wall time, the day clamped to the month's length. */
export function addLocalMonths(instant: Date, n: number, timeZone: string): Date {
  const p = localParts(instant, timeZone);
  const offset = zoneOffsetMs(instant.getTime(), timeZone);
  return instantAt(addCivilMonths(p, n), p, timeZone, offset);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The local calendar date as `YYYY-MM-DD`: the key to group or compare days by. */
export function localDateKey(instant: Date, timeZone: string): string {
  const { year, month, day } = localParts(instant, timeZone);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Whole local calendar days from the day of `from` to the day of `to` (negative when `to` is earlier). */
export function localDayDiff(from: Date, to: Date, timeZone: string): number {
  return daysFromCivil(localParts(to, timeZone)) - daysFromCivil(localParts(from, timeZone));
}
