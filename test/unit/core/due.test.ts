import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  badgeCount,
  type DueGroups,
  dueBounds,
  followUpDueItem,
  groupDue,
  isMine,
  msUntilNextLocalMidnight,
  nextReview,
  nextWakeUp,
  reviewDueItem,
  snooze,
} from '../../../src/core/due';
import { dueMs, sortedIndex } from '../../../src/core/due-order';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const KIRITIMATI = 'Pacific/Kiritimati'; // UTC+14
const PAGO_PAGO = 'Pacific/Pago_Pago'; // UTC−11

type Item = { id: string; dueAt: string; ownerId?: string | null };
const item = (id: string, dueAt: string, ownerId: string | null = null): Item => ({ id, dueAt, ownerId });
const utc = (iso: string): Date => new Date(iso);
const ids = (groups: DueGroups<Item>) => ({
  overdue: groups.overdue.map((i) => i.id),
  today: groups.today.map((i) => i.id),
  thisWeek: groups.thisWeek.map((i) => i.id),
  later: groups.later.map((i) => i.id),
});
const wall = (d: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);

describe('groupDue', () => {
  it('groups around local midnight: 23:59 and 00:01 are different days', () => {
    const items = [
      item('past-today', '2026-11-23T22:30:00Z'), // 23:30 local, already past
      item('last-minute', '2026-11-23T22:59:30Z'), // 23:59:30 local
      item('just-after-midnight', '2026-11-23T23:01:00Z'), // 00:01 Tuesday
      item('sunday-night', '2026-11-29T22:59:00Z'), // 23:59 Sunday, the sixth day after today
      item('next-monday', '2026-11-29T23:00:00Z'), // 00:00 the Monday after: outside the 7 days
      item('yesterday', '2026-11-22T16:00:00Z'),
    ];
    expect(ids(groupDue(items, utc('2026-11-23T22:59:00Z'), BERLIN))).toEqual({
      overdue: ['yesterday', 'past-today'],
      today: ['last-minute'],
      thisWeek: ['just-after-midnight', 'sunday-night'],
      later: ['next-monday'],
    });
    // Two minutes later it is Tuesday 00:01 local; 00:01 itself is due now, so still "today".
    expect(ids(groupDue(items, utc('2026-11-23T23:01:00Z'), BERLIN))).toEqual({
      overdue: ['yesterday', 'past-today', 'last-minute'],
      today: ['just-after-midnight'],
      thisWeek: ['sunday-night', 'next-monday'],
      later: [],
    });
  });

  it('keeps the whole 23-hour and 25-hour DST days in "today" (Berlin)', () => {
    // 29 Mar 2026: midnight to midnight is 22:00Z; a naive "+24 h" would end it at 23:00Z.
    const spring = [item('late', '2026-03-29T21:30:00Z'), item('after-midnight', '2026-03-29T22:30:00Z')];
    expect(ids(groupDue(spring, utc('2026-03-29T06:00:00Z'), BERLIN))).toMatchObject({
      today: ['late'],
      thisWeek: ['after-midnight'],
    });
    // 25 Oct 2026: the day ends at 23:00Z, an hour later than a 24-hour day would.
    const fall = [item('late', '2026-10-25T22:30:00Z'), item('after-midnight', '2026-10-25T23:30:00Z')];
    expect(ids(groupDue(fall, utc('2026-10-25T06:00:00Z'), BERLIN))).toMatchObject({
      today: ['late'],
      thisWeek: ['after-midnight'],
    });
  });

  it('keeps the whole DST days in "today" (New York)', () => {
    const spring = [item('late', '2026-03-09T03:30:00Z'), item('after-midnight', '2026-03-09T04:30:00Z')];
    expect(ids(groupDue(spring, utc('2026-03-08T14:00:00Z'), NEW_YORK))).toMatchObject({
      today: ['late'],
      thisWeek: ['after-midnight'],
    });
    const fall = [item('late', '2026-11-02T04:30:00Z'), item('after-midnight', '2026-11-02T05:30:00Z')];
    expect(ids(groupDue(fall, utc('2026-11-01T14:00:00Z'), NEW_YORK))).toMatchObject({
      today: ['late'],
      thisWeek: ['after-midnight'],
    });
  });

  it('ends the seven-day window at a local midnight across a DST change', () => {
    // Wednesday 25 Mar; the window ends at 00:00 Wed 1 Apr CEST = 22:00Z on 31 Mar.
    const items = [item('tue-late', '2026-03-31T21:30:00Z'), item('wed-early', '2026-03-31T22:30:00Z')];
    expect(ids(groupDue(items, utc('2026-03-25T11:00:00Z'), BERLIN))).toMatchObject({
      thisWeek: ['tue-late'],
      later: ['wed-early'],
    });
  });

  it('shows next week\'s items under "this week" on a Friday (a rolling seven days)', () => {
    const monday = item('monday', '2026-11-30T16:00:00Z');
    expect(groupDue([monday], utc('2026-11-27T09:00:00Z'), BERLIN).thisWeek).toEqual([monday]);
  });

  it('groups the same instant by the user zone either side of the date line', () => {
    const now = utc('2026-11-23T09:00:00Z'); // 23:00 Mon in Kiritimati, 22:00 Sun in Pago Pago
    const items = [item('a', '2026-11-23T09:30:00Z'), item('b', '2026-11-23T10:30:00Z')];
    expect(ids(groupDue(items, now, KIRITIMATI))).toMatchObject({ today: ['a'], thisWeek: ['b'] });
    expect(ids(groupDue(items, now, PAGO_PAGO))).toMatchObject({ today: ['a', 'b'], thisWeek: [] });
    expect(ids(groupDue(items, now, 'UTC'))).toMatchObject({ today: ['a', 'b'] });
  });

  it('sorts by due time whatever the ISO offset, ties in input order', () => {
    const items = [
      item('c', '2026-11-25T12:00:00Z'),
      item('a', '2026-11-25T12:00:00+02:00'), // 10:00Z
      item('b1', '2026-11-25T11:00:00Z'),
      item('b2', '2026-11-25T11:00:00.000Z'),
    ];
    expect(groupDue(items, utc('2026-11-23T09:00:00Z'), BERLIN).thisWeek.map((i) => i.id)).toEqual([
      'a',
      'b1',
      'b2',
      'c',
    ]);
  });

  it('keeps items with an unreadable dueAt, last in "later"', () => {
    const items = [item('bad', 'not a date'), item('far', '2030-01-01T00:00:00Z')];
    expect(groupDue(items, utc('2026-11-23T09:00:00Z'), BERLIN).later.map((i) => i.id)).toEqual([
      'far',
      'bad',
    ]);
  });

  it('keeps the extra fields of the caller type', () => {
    const groups = groupDue(
      [{ dueAt: '2026-11-20T00:00:00Z', title: 'x' }],
      utc('2026-11-23T09:00:00Z'),
      BERLIN,
    );
    expect(groups.overdue[0]?.title).toBe('x');
  });

  describe('laws', () => {
    const zone = fc.constantFrom('UTC', BERLIN, NEW_YORK, KIRITIMATI, PAGO_PAGO, 'Asia/Kathmandu');
    const t = fc.integer({
      min: Date.parse('2026-01-01T00:00:00Z'),
      max: Date.parse('2027-01-01T00:00:00Z'),
    });
    const items = fc
      .array(
        t.map((ms) => new Date(ms).toISOString()),
        { maxLength: 40 },
      )
      .map((dues) => dues.map((dueAt, i) => item(String(i), dueAt, i % 3 === 0 ? 'me' : null)));
    const rank = (g: DueGroups<Item>, id: string) =>
      [g.overdue, g.today, g.thisWeek, g.later].findIndex((list) => list.some((i) => i.id === id));

    it('partitions the input into sorted groups that respect the boundaries', () => {
      fc.assert(
        fc.property(items, t, zone, (list, nowMs, tz) => {
          const now = new Date(nowMs);
          const g = groupDue(list, now, tz);
          const all = [...g.overdue, ...g.today, ...g.thisWeek, ...g.later];
          expect(all.map((i) => i.id).sort()).toEqual(list.map((i) => i.id).sort());
          const b = dueBounds(now, tz);
          const within = (group: Item[], lo: number, hi: number) => {
            const times = group.map((i) => Date.parse(i.dueAt));
            expect(times).toEqual([...times].sort((x, y) => x - y));
            for (const time of times) expect(time >= lo && time < hi).toBe(true);
          };
          within(g.overdue, Number.NEGATIVE_INFINITY, b.now);
          within(g.today, b.now, b.tomorrow);
          within(g.thisWeek, b.tomorrow, b.windowEnd);
          within(g.later, b.windowEnd, Number.POSITIVE_INFINITY);
          expect(badgeCount(list, now, tz, null)).toBe(g.overdue.length + g.today.length);
        }),
      );
    });

    it('only ever moves an item towards "overdue" as time passes', () => {
      fc.assert(
        fc.property(
          items,
          t,
          fc.integer({ min: 0, max: 10 * 86_400_000 }),
          zone,
          (list, nowMs, later, tz) => {
            const before = groupDue(list, new Date(nowMs), tz);
            const after = groupDue(list, new Date(nowMs + later), tz);
            for (const i of list) expect(rank(after, i.id)).toBeLessThanOrEqual(rank(before, i.id));
          },
        ),
      );
    });

    it('the next wake-up is the first item to become overdue', () => {
      fc.assert(
        fc.property(items, t, zone, (list, nowMs, tz) => {
          const now = new Date(nowMs);
          const wake = nextWakeUp(list, now);
          const notYetDue = groupDue(list, now, tz);
          // Due exactly now is "today" but not in the future, so the alarm skips it.
          const first = [...notYetDue.today, ...notYetDue.thisWeek, ...notYetDue.later].find(
            (i) => Date.parse(i.dueAt) > nowMs,
          );
          expect(wake?.getTime() ?? null).toBe(first ? Date.parse(first.dueAt) : null);
        }),
      );
    });
  });
});

describe('badge count and "mine"', () => {
  const now = utc('2026-11-23T09:00:00Z'); // 10:00 Monday in Berlin
  const items = [
    item('mine-overdue', '2026-11-20T16:00:00Z', 'me'),
    item('mine-today', '2026-11-23T16:00:00Z', 'me'),
    item('mine-tomorrow', '2026-11-24T16:00:00Z', 'me'),
    item('theirs-today', '2026-11-23T16:00:00Z', 'dana'),
    item('unowned-overdue', '2026-11-21T16:00:00Z', null),
  ];

  it('counts overdue and due today', () => {
    expect(badgeCount(items, now, BERLIN, null)).toBe(4);
    expect(badgeCount(items, now, BERLIN, 'me')).toBe(2);
    expect(badgeCount(items, now, BERLIN, 'dana')).toBe(1);
    expect(badgeCount([], now, BERLIN, 'me')).toBe(0);
  });

  it('counts by the user local day', () => {
    // 16:00Z Monday is 06:00 Tuesday in Kiritimati: tomorrow there when it is 23:00 Monday.
    expect(badgeCount([item('x', '2026-11-23T16:00:00Z')], now, KIRITIMATI, null)).toBe(0);
    expect(badgeCount([item('x', '2026-11-23T16:00:00Z')], now, PAGO_PAGO, null)).toBe(0);
    expect(badgeCount([item('x', '2026-11-23T10:30:00Z')], now, PAGO_PAGO, null)).toBe(1);
  });

  it("treats everything as mine without an identity, and unowned items as nobody's with one", () => {
    expect(isMine({ ownerId: 'dana' }, null)).toBe(true);
    expect(isMine({ ownerId: 'me' }, 'me')).toBe(true);
    expect(isMine({ ownerId: 'dana' }, 'me')).toBe(false);
    expect(isMine({ ownerId: null }, 'me')).toBe(false);
    expect(isMine({}, 'me')).toBe(false);
  });
});

describe('snooze', () => {
  const now = utc('2026-11-23T22:30:00Z'); // 23:30 Monday in Berlin

  it('brings an item back tomorrow at 09:00 local', () => {
    expect(wall(snooze('tomorrow', now, BERLIN), BERLIN)).toBe('2026-11-24 09:00');
    // 00:30 Tuesday in Kiritimati: tomorrow is Wednesday.
    expect(snooze('tomorrow', utc('2026-11-23T10:30:00Z'), KIRITIMATI).toISOString()).toBe(
      '2026-11-24T19:00:00.000Z',
    );
    expect(snooze('tomorrow', utc('2026-11-23T10:30:00Z'), PAGO_PAGO).toISOString()).toBe(
      '2026-11-23T20:00:00.000Z',
    );
  });

  it('brings an item back next Monday at 09:00 local', () => {
    expect(wall(snooze('next-week', now, BERLIN), BERLIN)).toBe('2026-11-30 09:00');
    expect(wall(snooze('next-week', utc('2026-11-28T09:00:00Z'), BERLIN), BERLIN)).toBe('2026-11-30 09:00');
    expect(wall(snooze('next-week', utc('2026-11-29T20:00:00Z'), BERLIN), BERLIN)).toBe('2026-11-30 09:00');
  });

  it('keeps 09:00 local across a DST change', () => {
    expect(snooze('tomorrow', utc('2026-03-28T12:00:00Z'), BERLIN).toISOString()).toBe(
      '2026-03-29T07:00:00.000Z',
    );
    expect(snooze('tomorrow', utc('2026-10-24T12:00:00Z'), BERLIN).toISOString()).toBe(
      '2026-10-25T08:00:00.000Z',
    );
    expect(snooze('next-week', utc('2026-03-05T12:00:00Z'), NEW_YORK).toISOString()).toBe(
      '2026-03-09T13:00:00.000Z',
    );
  });

  it('snoozes to a picked day at 09:00 local, or by hours', () => {
    expect(wall(snooze({ date: utc('2026-12-03T15:00:00Z') }, now, BERLIN), BERLIN)).toBe('2026-12-03 09:00');
    expect(snooze({ hours: 2 }, now, BERLIN).toISOString()).toBe('2026-11-24T00:30:00.000Z');
    expect(() => snooze({ hours: 0 }, now, BERLIN)).toThrow(RangeError);
    expect(() => snooze({ hours: Number.NaN }, now, BERLIN)).toThrow(RangeError);
  });
});

describe('nextReview', () => {
  const from = utc('2026-03-25T09:00:00Z'); // 10:00 CET

  it('schedules by calendar, keeping the local time across DST', () => {
    expect(wall(nextReview(from, 'week', BERLIN), BERLIN)).toBe('2026-04-01 10:00');
    expect(wall(nextReview(from, 'month', BERLIN), BERLIN)).toBe('2026-04-25 10:00');
    expect(wall(nextReview(from, 'quarter', BERLIN), BERLIN)).toBe('2026-06-25 10:00');
    expect(wall(nextReview(from, { days: 10 }, BERLIN), BERLIN)).toBe('2026-04-04 10:00');
  });

  it('clamps to the end of shorter months', () => {
    expect(wall(nextReview(utc('2026-01-31T09:00:00Z'), 'month', BERLIN), BERLIN)).toBe('2026-02-28 10:00');
    expect(wall(nextReview(utc('2026-11-30T09:00:00Z'), 'quarter', BERLIN), BERLIN)).toBe('2027-02-28 10:00');
  });

  it('rejects a cadence that is not a whole positive number of days', () => {
    expect(() => nextReview(from, { days: 0 }, BERLIN)).toThrow(RangeError);
    expect(() => nextReview(from, { days: 1.5 }, BERLIN)).toThrow(RangeError);
  });
});

describe('alarms', () => {
  it('wakes at the earliest due time strictly after now', () => {
    const now = utc('2026-11-23T09:00:00Z');
    const items = [
      item('now', '2026-11-23T09:00:00Z'),
      item('past', '2026-11-22T09:00:00Z'),
      item('second', '2026-11-25T09:00:00Z'),
      item('first', '2026-11-24T09:00:00Z'),
      item('bad', 'soon'),
    ];
    expect(nextWakeUp(items, now)?.toISOString()).toBe('2026-11-24T09:00:00.000Z');
    expect(nextWakeUp(items.slice(0, 2), now)).toBeNull();
    expect(nextWakeUp([], now)).toBeNull();
  });

  it('measures the time to the next local midnight, 23 or 25 hours on DST days', () => {
    const hour = 3_600_000;
    expect(msUntilNextLocalMidnight(utc('2026-11-23T22:59:00Z'), BERLIN)).toBe(60_000);
    expect(msUntilNextLocalMidnight(utc('2026-03-28T23:00:00Z'), BERLIN)).toBe(23 * hour);
    expect(msUntilNextLocalMidnight(utc('2026-10-24T22:00:00Z'), BERLIN)).toBe(25 * hour);
    expect(msUntilNextLocalMidnight(utc('2026-11-01T04:00:00Z'), NEW_YORK)).toBe(25 * hour);
    expect(msUntilNextLocalMidnight(utc('2026-11-23T10:00:00Z'), KIRITIMATI)).toBe(24 * hour);
    expect(msUntilNextLocalMidnight(utc('2026-11-23T10:00:00Z'), PAGO_PAGO)).toBe(hour);
  });
});

describe('due items from records', () => {
  const followUp = {
    id: 'f1',
    decisionId: 'd1',
    title: 'Benchmark sync',
    ownerId: 'dana',
    dueAt: '2026-11-27T16:00:00Z',
    doneAt: null,
    snoozedUntil: null,
  };

  it('lists open follow-ups with a due date, moved by a later snooze', () => {
    expect(followUpDueItem(followUp)).toEqual({
      kind: 'followup',
      id: 'f1',
      decisionId: 'd1',
      title: 'Benchmark sync',
      ownerId: 'dana',
      dueAt: '2026-11-27T16:00:00Z',
    });
    expect(followUpDueItem({ ...followUp, snoozedUntil: '2026-11-30T08:00:00Z' })?.dueAt).toBe(
      '2026-11-30T08:00:00Z',
    );
    expect(followUpDueItem({ ...followUp, snoozedUntil: '2026-11-01T08:00:00Z' })?.dueAt).toBe(
      '2026-11-27T16:00:00Z',
    );
  });

  it('leaves out done, deleted and undated follow-ups', () => {
    expect(followUpDueItem({ ...followUp, doneAt: '2026-11-24T10:00:00Z' })).toBeNull();
    expect(followUpDueItem({ ...followUp, deleted: true })).toBeNull();
    expect(followUpDueItem({ ...followUp, dueAt: null })).toBeNull();
  });

  it('lists reviews of decisions that are not settled', () => {
    const decision = { id: 'd1', title: 'Use Postgres', status: 'decided', reviewAt: '2027-01-01T09:00:00Z' };
    expect(reviewDueItem(decision, 'dana')).toEqual({
      kind: 'review',
      id: 'review:d1',
      decisionId: 'd1',
      title: 'Use Postgres',
      ownerId: 'dana',
      dueAt: '2027-01-01T09:00:00Z',
    });
    expect(reviewDueItem({ ...decision, status: 'superseded' })).toBeNull();
    expect(reviewDueItem({ ...decision, status: 'rejected' })).toBeNull();
    expect(reviewDueItem({ ...decision, reviewAt: null })).toBeNull();
  });
});

describe('due ordering internals', () => {
  it('reads ISO strings exactly as Date.parse does', () => {
    const canonical = fc
      .integer({ min: Date.parse('0001-01-01T00:00:00Z'), max: Date.parse('9999-12-31T23:59:59Z') })
      .map((t) => new Date(t).toISOString());
    const mangled = fc
      .tuple(canonical, fc.nat({ max: 23 }), fc.constantFrom(...'0123456789-:.TZx '))
      .map(([s, i, c]) => s.slice(0, i) + c + s.slice(i + 1));
    const odd = fc.constantFrom(
      '2026-02-30T00:00:00.000Z',
      '2026-04-31T12:00:00.000Z',
      '2026-01-01T24:00:00.000Z',
      '2026-01-01T23:59:60.000Z',
      '2026-11-23T10:00:00+01:00',
      '2026-11-23T09:00:00Z',
      '',
    );
    fc.assert(
      fc.property(fc.oneof(canonical, mangled, odd, fc.string()), (s) => {
        expect(Object.is(dueMs(s), Date.parse(s))).toBe(true);
      }),
    );
  });

  it('orders indexes like a stable sort by time', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }).map((n) => n * 1000)), (values) => {
        const expected = values
          .map((_, i) => i)
          .sort((a, b) => (values[a] as number) - (values[b] as number));
        expect([...sortedIndex(Float64Array.from(values))]).toEqual(expected);
      }),
    );
    const big = Float64Array.from({ length: 5000 }, (_, i) => (i * 7919) % 1000);
    const order = [...sortedIndex(big)];
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [order[i - 1] as number, order[i] as number];
      expect((big[a] as number) < (big[b] as number) || (big[a] === big[b] && a < b)).toBe(true);
    }
  });
});
