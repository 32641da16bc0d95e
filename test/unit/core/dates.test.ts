import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addLocalDays,
  addLocalMonths,
  formatDueLabel,
  formatRelative,
  instantAt,
  isValidTimeZone,
  localDateKey,
  localDayDiff,
  localParts,
  parseDueDate,
  startOfLocalDay,
  startOfLocalDayAfter,
} from '../../../src/core/dates';
import { parseQuickAdd } from '../../../src/core/quick-add';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const KIRITIMATI = 'Pacific/Kiritimati'; // UTC+14
const PAGO_PAGO = 'Pacific/Pago_Pago'; // UTC−11
const ZONES = [
  'UTC',
  BERLIN,
  NEW_YORK,
  KIRITIMATI,
  PAGO_PAGO,
  'America/Santiago', // DST starts at midnight: some days begin at 01:00
  'Australia/Lord_Howe', // 30-minute DST shift
  'Asia/Kolkata', // +05:30
  'Asia/Kathmandu', // +05:45
  'America/St_Johns', // −03:30 with DST
];

// An oracle independent of the code under test: Intl's own Swedish format is "YYYY-MM-DD HH:MM:SS".
const wallClock = (d: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(d);
const wall = (d: Date | undefined, timeZone: string): string | undefined =>
  d && wallClock(d, timeZone).slice(0, 16);
const utc = (iso: string): Date => new Date(iso);
const due = (text: string, now: Date, tz = BERLIN, opts?: { weekStartsOn?: 0 | 1 }) =>
  wall(parseDueDate(text, now, tz, opts)?.date, tz);

// Monday 23 Nov 2026, 10:00 in Berlin (CET, UTC+1).
const MON = utc('2026-11-23T09:00:00Z');
const FRI = utc('2026-11-27T09:00:00Z');
const SAT = utc('2026-11-28T09:00:00Z');
const SUN = utc('2026-11-29T09:00:00Z');

describe('local calendar helpers', () => {
  it('reads the local date in zones either side of the date line', () => {
    const t = utc('2026-01-01T00:00:00Z');
    expect(localDateKey(t, KIRITIMATI)).toBe('2026-01-01');
    expect(localParts(t, KIRITIMATI).hour).toBe(14);
    expect(localDateKey(t, PAGO_PAGO)).toBe('2025-12-31');
    expect(localParts(t, PAGO_PAGO)).toMatchObject({ hour: 13, weekday: 3 });
  });

  it('finds the start of days 23 and 25 hours long (Berlin and New York DST changes)', () => {
    const cases: [string, string, string, string][] = [
      [BERLIN, '2026-03-29T12:00:00Z', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z'],
      [BERLIN, '2026-10-25T12:00:00Z', '2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z'],
      [NEW_YORK, '2026-03-08T12:00:00Z', '2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z'],
      [NEW_YORK, '2026-11-01T12:00:00Z', '2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z'],
    ];
    for (const [tz, at, start, next] of cases) {
      expect(startOfLocalDay(utc(at), tz).toISOString()).toBe(start);
      expect(startOfLocalDayAfter(utc(at), 1, tz).toISOString()).toBe(next);
    }
  });

  it('starts a day whose midnight does not exist at its first instant (Santiago, 01:00)', () => {
    const start = startOfLocalDay(utc('2026-09-06T15:00:00Z'), 'America/Santiago');
    expect(wall(start, 'America/Santiago')).toBe('2026-09-06 01:00');
    expect(localDateKey(new Date(start.getTime() - 1), 'America/Santiago')).toBe('2026-09-05');
  });

  it('adds calendar days keeping the wall time across DST', () => {
    // 09:00 CET on Saturday → 09:00 CEST on Sunday: 23 hours later, not 24.
    expect(wall(addLocalDays(utc('2026-03-28T08:00:00Z'), 1, BERLIN), BERLIN)).toBe('2026-03-29 09:00');
    expect(wall(addLocalDays(utc('2026-10-24T07:00:00Z'), 1, BERLIN), BERLIN)).toBe('2026-10-25 09:00');
    expect(wall(addLocalDays(utc('2026-03-07T14:00:00Z'), 1, NEW_YORK), NEW_YORK)).toBe('2026-03-08 09:00');
    expect(wall(addLocalDays(utc('2026-11-02T14:00:00Z'), -1, NEW_YORK), NEW_YORK)).toBe('2026-11-01 09:00');
  });

  it('moves a wall time that falls in a DST gap forward, and keeps the side of a fold', () => {
    expect(wall(addLocalDays(utc('2026-03-28T01:30:00Z'), 1, BERLIN), BERLIN)).toBe('2026-03-29 03:30');
    // 02:30 happens twice on 25 Oct: 00:30Z (CEST) and 01:30Z (CET).
    expect(addLocalDays(utc('2026-10-25T01:30:00Z'), 0, BERLIN).toISOString()).toBe(
      '2026-10-25T01:30:00.000Z',
    );
    expect(addLocalDays(utc('2026-10-18T00:30:00Z'), 7, BERLIN).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(instantAt({ year: 2026, month: 10, day: 25 }, { hour: 2, minute: 30 }, BERLIN).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('adds months clamping to the end of shorter months', () => {
    expect(wall(addLocalMonths(utc('2026-01-31T09:00:00Z'), 1, BERLIN), BERLIN)).toBe('2026-02-28 10:00');
    expect(wall(addLocalMonths(utc('2028-01-31T09:00:00Z'), 1, BERLIN), BERLIN)).toBe('2028-02-29 10:00');
    expect(wall(addLocalMonths(utc('2026-11-30T09:00:00Z'), 3, BERLIN), BERLIN)).toBe('2027-02-28 10:00');
    expect(wall(addLocalMonths(utc('2026-03-15T09:00:00Z'), -3, BERLIN), BERLIN)).toBe('2025-12-15 10:00');
  });

  it('counts local calendar days, not 24-hour periods', () => {
    expect(localDayDiff(utc('2026-11-23T22:59:00Z'), utc('2026-11-23T23:01:00Z'), BERLIN)).toBe(1);
    expect(localDayDiff(utc('2026-11-23T23:01:00Z'), utc('2026-11-23T22:59:00Z'), BERLIN)).toBe(-1);
    expect(localDayDiff(utc('2026-03-28T12:00:00Z'), utc('2026-03-30T11:00:00Z'), BERLIN)).toBe(2);
  });

  it('knows valid zone names', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  describe('laws', () => {
    const instant = fc.date({
      min: new Date('1990-01-01T00:00:00Z'),
      max: new Date('2100-01-01T00:00:00Z'),
      noInvalidDate: true,
    });
    const zone = fc.constantFrom(...ZONES);

    it('startOfLocalDay is idempotent and brackets the instant: start ≤ t < start of the next day', () => {
      fc.assert(
        fc.property(instant, zone, (t, tz) => {
          const start = startOfLocalDay(t, tz);
          const next = startOfLocalDayAfter(t, 1, tz);
          expect(startOfLocalDay(start, tz).getTime()).toBe(start.getTime());
          expect(start.getTime()).toBeLessThanOrEqual(t.getTime());
          expect(t.getTime()).toBeLessThan(next.getTime());
          expect(localDateKey(start, tz)).toBe(localDateKey(t, tz));
          expect(localDateKey(new Date(start.getTime() - 1), tz)).not.toBe(localDateKey(t, tz));
        }),
      );
    });

    it('localDateKey agrees with Intl', () => {
      fc.assert(
        fc.property(instant, zone, (t, tz) => {
          expect(localDateKey(t, tz)).toBe(wallClock(t, tz).slice(0, 10));
        }),
      );
    });

    it('addLocalDays moves exactly n calendar days and keeps the wall time away from DST hours', () => {
      fc.assert(
        fc.property(instant, fc.integer({ min: -400, max: 400 }), zone, (t, n, tz) => {
          const moved = addLocalDays(t, n, tz);
          expect(localDayDiff(t, moved, tz)).toBe(n);
          const hour = localParts(t, tz).hour;
          if (hour >= 4 && hour <= 22)
            expect(wallClock(moved, tz).slice(11)).toBe(wallClock(t, tz).slice(11));
        }),
      );
    });

    it('a due label parses back to the same instant', () => {
      const now = utc('2026-06-15T10:00:00Z');
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 700 }),
          fc.integer({ min: 0, max: 23 }),
          fc.constantFrom(0, 15, 30, 45),
          zone,
          (days, hour, minute, tz) => {
            const day = startOfLocalDayAfter(now, days, tz);
            const at = instantAt(localParts(day, tz), { hour, minute }, tz);
            const parsed = parseDueDate(formatDueLabel(at, now, tz), now, tz);
            expect(parsed?.date.toISOString()).toBe(at.toISOString());
          },
        ),
      );
    });

    it('parseDueDate never throws and returns a valid date or null', () => {
      const words = fc.constantFrom(
        'next',
        'in',
        'at',
        'fri',
        'dec',
        '3',
        '3pm',
        '12:00',
        'a',
        'week',
        '2026-02-29',
        'on',
      );
      const text = fc.oneof(
        fc.string(),
        fc.array(words, { maxLength: 6 }).map((w) => w.join(' ')),
      );
      fc.assert(
        fc.property(text, instant, zone, (s, now, tz) => {
          const r = parseDueDate(s, now, tz);
          if (r) expect(Number.isNaN(r.date.getTime())).toBe(false);
        }),
      );
    });
  });
});

describe('parseDueDate', () => {
  it('puts a date without a time at 17:00 local', () => {
    expect(due('today', MON)).toBe('2026-11-23 17:00');
    expect(due('tomorrow', MON)).toBe('2026-11-24 17:00');
    expect(due('tmrw', MON)).toBe('2026-11-24 17:00');
    expect(parseDueDate('tomorrow', MON, BERLIN)?.label).toBe('Tue 24 Nov');
  });

  it('reads yesterday, today, tomorrow, eod and eow as people write them', () => {
    expect(due('yesterday', MON)).toBe('2026-11-22 17:00');
    expect(due('Yesterday', utc('2026-11-23T18:30:00Z'))).toBe('2026-11-22 17:00');
    expect(due('Today!', MON)).toBe('2026-11-23 17:00');
    expect(due('EOD', MON)).toBe('2026-11-23 17:00');
    expect(due('cob', MON)).toBe('2026-11-23 17:00');
    expect(due('end of the day', MON)).toBe('2026-11-23 17:00');
    expect(due('tomorrow eod', MON)).toBe('2026-11-24 17:00');
    expect(due('eod tomorrow', MON)).toBe('2026-11-24 17:00');
    expect(due('eod fri', MON)).toBe('2026-11-27 17:00');
    expect(due('EOW', MON)).toBe('2026-11-27 17:00');
    expect(due('end of the week', FRI)).toBe('2026-11-27 17:00');
    expect(due('tomorrow eod fri', MON)).toBeUndefined();
    expect(parseQuickAdd('Ship it due:yesterday', MON, BERLIN).due?.label).toBe('Sun 22 Nov');
    expect(parseQuickAdd('Ship it due:tomorrow eod @Dana', MON, BERLIN).due?.label).toBe('Tue 24 Nov');
  });

  it('does not make "today" overdue when typed after 17:00: it is due at the end of today', () => {
    const evening = utc('2026-11-23T18:30:00Z'); // 19:30 local
    const r = parseDueDate('today', evening, BERLIN);
    expect(wallClock(r?.date as Date, BERLIN)).toBe('2026-11-23 23:59:59');
    expect(r?.date.getTime()).toBeGreaterThan(evening.getTime());
    expect(r?.label).toBe('Mon 23 Nov, 23:59');
  });

  it('reads "tonight" as 20:00, and "tonight at 9" as 21:00', () => {
    expect(due('tonight', MON)).toBe('2026-11-23 20:00');
    expect(due('tonight at 9', MON)).toBe('2026-11-23 21:00');
    expect(due('tonight at 22:30', MON)).toBe('2026-11-23 22:30');
  });

  it('reads a bare weekday as the next such day, today excluded', () => {
    expect(due('fri', MON)).toBe('2026-11-27 17:00');
    expect(due('Friday', MON)).toBe('2026-11-27 17:00');
    expect(due('mon', MON)).toBe('2026-11-30 17:00');
    expect(due('fri', FRI)).toBe('2026-12-04 17:00');
    expect(due('thurs', FRI)).toBe('2026-12-03 17:00');
  });

  it('reads "this <day>" as the coming one, today included', () => {
    expect(due('this fri', MON)).toBe('2026-11-27 17:00');
    expect(due('this friday', FRI)).toBe('2026-11-27 17:00');
    expect(due('this mon', FRI)).toBe('2026-11-30 17:00');
  });

  it('reads "next <day>" as that day of next week', () => {
    expect(due('next friday', MON)).toBe('2026-12-04 17:00'); // 11 days, not 4
    expect(due('next fri', FRI)).toBe('2026-12-04 17:00');
    expect(due('next monday', MON)).toBe('2026-11-30 17:00');
    // On Sunday, with weeks starting Monday, next week starts tomorrow.
    expect(due('next fri', SUN)).toBe('2026-12-04 17:00');
    expect(due('next mon', SUN)).toBe('2026-11-30 17:00');
    // With weeks starting Sunday, Sunday is already in the new week.
    expect(due('next fri', SUN, BERLIN, { weekStartsOn: 0 })).toBe('2026-12-11 17:00');
    expect(due('next fri', SAT, BERLIN, { weekStartsOn: 0 })).toBe('2026-12-04 17:00');
  });

  it('reads week and month phrases', () => {
    expect(due('next week', MON)).toBe('2026-11-30 17:00');
    expect(due('next week', SUN)).toBe('2026-11-30 17:00');
    expect(due('next week', SUN, BERLIN, { weekStartsOn: 0 })).toBe('2026-12-07 17:00');
    expect(due('end of week', MON)).toBe('2026-11-27 17:00');
    expect(due('eow', SAT)).toBe('2026-12-04 17:00');
    expect(due('eom', MON)).toBe('2026-11-30 17:00');
    expect(due('end of month', utc('2027-02-03T09:00:00Z'))).toBe('2027-02-28 17:00');
    expect(due('next month', MON)).toBe('2026-12-01 17:00');
    expect(due('next month', utc('2026-12-15T09:00:00Z'))).toBe('2027-01-01 17:00');
  });

  it('reads relative amounts', () => {
    expect(due('in 3 days', MON)).toBe('2026-11-26 17:00');
    expect(due('3 days', MON)).toBe('2026-11-26 17:00');
    expect(due('3d', MON)).toBe('2026-11-26 17:00');
    expect(due('in 2 weeks', MON)).toBe('2026-12-07 17:00');
    expect(due('2w', MON)).toBe('2026-12-07 17:00');
    expect(due('in a week', MON)).toBe('2026-11-30 17:00');
    expect(due('in a month', MON)).toBe('2026-12-23 17:00');
    expect(due('in a month', utc('2027-01-31T09:00:00Z'))).toBe('2027-02-28 17:00');
    expect(due('in one year', MON)).toBe('2027-11-23 17:00');
    expect(due('in 3 days at 9am', MON)).toBe('2026-11-26 09:00');
    expect(parseDueDate('in 2 hours', MON, BERLIN)?.date.toISOString()).toBe('2026-11-23T11:00:00.000Z');
    expect(parseDueDate('in 90 minutes', MON, BERLIN)?.date.toISOString()).toBe('2026-11-23T10:30:00.000Z');
    expect(parseDueDate('in 2 hours at 3pm', MON, BERLIN)).toBeNull();
  });

  it('reads absolute dates, a missing year meaning the next occurrence', () => {
    expect(due('2026-12-01', MON)).toBe('2026-12-01 17:00');
    expect(due('2026-12-01T15:00', MON)).toBe('2026-12-01 15:00');
    expect(due('Dec 1', MON)).toBe('2026-12-01 17:00');
    expect(due('1 Dec', MON)).toBe('2026-12-01 17:00');
    expect(due('1st of December', MON)).toBe('2026-12-01 17:00');
    expect(due('December 1 2026', MON)).toBe('2026-12-01 17:00');
    expect(due('Dec 1st, 2026', MON)).toBe('2026-12-01 17:00');
    expect(due('Nov 23', MON)).toBe('2026-11-23 17:00');
    expect(due('Nov 22', MON)).toBe('2027-11-22 17:00');
    expect(due('feb 29', MON)).toBe('2028-02-29 17:00');
    expect(due('Fri 27 Nov', MON)).toBe('2026-11-27 17:00');
    expect(due('Friday, November 27', MON)).toBe('2026-11-27 17:00');
    // A date given with its year is taken as given, even in the past (backfilling a follow-up).
    expect(due('2026-01-05', MON)).toBe('2026-01-05 17:00');
  });

  it('rejects ambiguous or impossible dates', () => {
    for (const text of [
      '12/1',
      '1/12',
      '12-1',
      '1.12.',
      '2026-02-30',
      '2026-13-01',
      'feb 30',
      'Sat 27 Nov',
      'Dec 1 26',
    ])
      expect(parseDueDate(text, MON, BERLIN), text).toBeNull();
  });

  it('reads a time of day in its common spellings', () => {
    expect(due('fri at 3pm', MON)).toBe('2026-11-27 15:00');
    expect(due('fri 3 pm', MON)).toBe('2026-11-27 15:00');
    expect(due('fri 3:30 p.m.', MON)).toBe('2026-11-27 15:30');
    expect(due('friday 15:00', MON)).toBe('2026-11-27 15:00');
    expect(due('fri at 15', MON)).toBe('2026-11-27 15:00');
    expect(due('on friday at noon', MON)).toBe('2026-11-27 12:00');
    expect(due('3pm tomorrow', MON)).toBe('2026-11-24 15:00');
    expect(due('at 9 tomorrow', MON)).toBe('2026-11-24 09:00');
    expect(due('tomorrow 12am', MON)).toBe('2026-11-24 00:00');
    expect(due('by fri', MON)).toBe('2026-11-27 17:00');
  });

  it('reads a time alone as its next occurrence', () => {
    expect(due('at 3pm', MON)).toBe('2026-11-23 15:00');
    expect(due('9am', MON)).toBe('2026-11-24 09:00');
    expect(due('at 10:00', MON)).toBe('2026-11-24 10:00'); // exactly now is not the future
  });

  it('rejects malformed times and phrases', () => {
    const bad = [
      '',
      '   ',
      'someday',
      'next',
      'in',
      'in days',
      'in -3 days',
      'fri fri',
      'tomorrow 9',
      'fri 25:00',
    ];
    bad.push(
      '13pm',
      '0am',
      'fri at 99',
      'at',
      'ad',
      'aweek',
      'in 99999 days',
      'tomorrow at 3pm at 4pm',
      'x'.repeat(200),
    );
    for (const text of bad) expect(parseDueDate(text, MON, BERLIN), text).toBeNull();
  });

  it('returns null for an unknown zone or an invalid now, never throws', () => {
    expect(parseDueDate('fri', MON, 'Nowhere/Special')).toBeNull();
    expect(parseDueDate('fri', new Date(Number.NaN), BERLIN)).toBeNull();
    // The last representable Date: a year later is out of range, and that is null, not a RangeError.
    expect(parseDueDate('in 1 year', new Date(8.64e15), BERLIN)).toBeNull();
  });

  it('lands on existing times across DST changes', () => {
    const sat = utc('2026-03-28T11:00:00Z');
    expect(due('tomorrow', sat)).toBe('2026-03-29 17:00');
    expect(parseDueDate('tomorrow', sat, BERLIN)?.date.toISOString()).toBe('2026-03-29T15:00:00.000Z');
    expect(due('tomorrow at 2:30am', sat)).toBe('2026-03-29 03:30'); // 02:30 does not exist
    expect(due('tomorrow', utc('2026-10-31T15:00:00Z'), NEW_YORK)).toBe('2026-11-01 17:00');
    expect(parseDueDate('tomorrow', utc('2026-10-31T15:00:00Z'), NEW_YORK)?.date.toISOString()).toBe(
      '2026-11-01T22:00:00.000Z',
    );
  });

  it('resolves days in the user zone, not UTC', () => {
    // 10:30 UTC Monday is 00:30 Tuesday in Kiritimati and 23:30 Sunday in Pago Pago.
    const t = utc('2026-11-23T10:30:00Z');
    expect(due('today', t, KIRITIMATI)).toBe('2026-11-24 17:00');
    expect(due('today', t, PAGO_PAGO)).toBe('2026-11-22 23:59'); // its 17:00 has passed
    expect(due('tomorrow', t, PAGO_PAGO)).toBe('2026-11-23 17:00');
    expect(due('next week', t, KIRITIMATI)).toBe('2026-11-30 17:00');
    expect(due('next week', t, PAGO_PAGO)).toBe('2026-11-23 17:00');
  });
});

describe('labels', () => {
  it('shows the weekday and date, the year only when it differs, the time only when not 17:00', () => {
    expect(formatDueLabel(utc('2026-11-27T16:00:00Z'), MON, BERLIN)).toBe('Fri 27 Nov');
    expect(formatDueLabel(utc('2027-01-08T16:00:00Z'), MON, BERLIN)).toBe('Fri 8 Jan 2027');
    expect(formatDueLabel(utc('2026-11-27T14:05:00Z'), MON, BERLIN)).toBe('Fri 27 Nov, 15:05');
  });

  it('says how far away a due date is in local days', () => {
    const now = utc('2026-11-23T09:00:00Z');
    const cases: [string, string][] = [
      ['2026-11-23T15:00:00Z', 'today'],
      ['2026-11-23T08:00:00Z', 'earlier today'],
      ['2026-11-23T23:30:00Z', 'tomorrow'], // 00:30 local on Tuesday
      ['2026-11-26T16:00:00Z', 'in 3 days'],
      ['2026-12-07T16:00:00Z', 'in 2 weeks'],
      ['2027-02-23T16:00:00Z', 'in 3 months'],
      ['2026-11-22T16:00:00Z', 'yesterday'],
      ['2026-11-21T16:00:00Z', '2 days overdue'],
      ['2026-11-02T16:00:00Z', '3 weeks overdue'],
      ['2028-12-01T16:00:00Z', 'in 2 years'],
    ];
    for (const [at, text] of cases) expect(formatRelative(utc(at), now, BERLIN), at).toBe(text);
  });
});
