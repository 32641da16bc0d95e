// The popup's due list over the database: groups in the user's local day (around midnight, across
// a DST change, in a far-off zone), "later" read only when opened, and the rows joined for display.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dueList, type GroupName } from '../../../src/storage/due-list';
import { type Seeded, seed } from '../background/seed';

let s: Seeded;
beforeEach(async () => {
  s = await seed();
});
afterEach(async () => {
  await s.db.delete();
});

const ALL: Record<GroupName, number> = { overdue: 50, today: 50, thisWeek: 50, later: 50 };
const CLOSED: Record<GroupName, number> = { ...ALL, later: 0 };
const titles = (list: Awaited<ReturnType<typeof dueList>>) => ({
  overdue: list.overdue.entries.map((e) => e.title),
  today: list.today.entries.map((e) => e.title),
  thisWeek: list.thisWeek.entries.map((e) => e.title),
  later: list.later.entries.map((e) => e.title),
});

describe('dueList', () => {
  it('groups around local midnight in the user’s zone, not UTC’s', async () => {
    const d = await s.decision('D');
    await s.followUp(d, '23:30 today', '2026-11-23T22:30:00.000Z'); // Berlin
    await s.followUp(d, '00:30 tomorrow', '2026-11-23T23:30:00.000Z');
    await s.followUp(d, 'an hour ago', '2026-11-23T21:00:00.000Z');
    const now = new Date('2026-11-23T22:00:00.000Z'); // 23:00 in Berlin
    expect(titles(await dueList(s.db, { now, timeZone: 'Europe/Berlin', me: null, show: ALL }))).toEqual({
      overdue: ['an hour ago'],
      today: ['23:30 today'],
      thisWeek: ['00:30 tomorrow'],
      later: [],
    });
    // In Kiritimati (UTC+14) the same instant is noon of the next day: both are "today".
    const far = await dueList(s.db, { now, timeZone: 'Pacific/Kiritimati', me: null, show: ALL });
    expect(titles(far).today).toEqual(['23:30 today', '00:30 tomorrow']);
  });

  it('keeps "this week" to seven local days across a daylight-saving change', async () => {
    const d = await s.decision('D');
    // New York falls back on 1 November 2026: that week has a 25-hour day, so seven days of 24
    // hours would end at 23:00 on Friday and push Friday night into "later".
    await s.followUp(d, 'Fri 6 Nov 23:30', '2026-11-07T04:30:00.000Z');
    await s.followUp(d, 'Sat 7 Nov 00:30', '2026-11-07T05:30:00.000Z');
    const now = new Date('2026-10-31T16:00:00.000Z'); // Sat 31 Oct, 12:00 EDT
    const list = await dueList(s.db, { now, timeZone: 'America/New_York', me: null, show: ALL });
    expect(titles(list)).toMatchObject({ thisWeek: ['Fri 6 Nov 23:30'], later: ['Sat 7 Nov 00:30'] });
  });

  it('reads "later" only when it is opened', async () => {
    const d = await s.decision('D');
    await s.followUp(d, 'next month', '2026-12-20T09:00:00.000Z');
    const now = new Date('2026-11-23T12:00:00.000Z');
    const closed = await dueList(s.db, { now, timeZone: 'UTC', me: null, show: CLOSED });
    expect(closed.later).toEqual({ entries: [], total: null });
    const open = await dueList(s.db, { now, timeZone: 'UTC', me: null, show: ALL });
    expect(open.later.total).toBe(1);
    expect(titles(open).later).toEqual(['next month']);
  });

  it('counts every item but joins only those shown', async () => {
    const d = await s.decision('D');
    for (let i = 0; i < 5; i++) await s.followUp(d, `item ${i}`, `2026-11-20T0${i}:00:00.000Z`);
    const now = new Date('2026-11-23T12:00:00.000Z');
    const list = await dueList(s.db, { now, timeZone: 'UTC', me: null, show: { ...CLOSED, overdue: 2 } });
    expect(list.overdue.total).toBe(5);
    expect(titles(list).overdue).toEqual(['item 0', 'item 1']);
  });

  it('shows the decision, the owner and the page as last seen', async () => {
    const dana = await s.person('Dana Okafor');
    const d = await s.decision('Move sessions to Redis', {
      key: 'jira:acme:ACME-7',
      title: '[ACME-7] old title',
    });
    await s.followUp(d, 'Send the plan', '2026-11-23T10:00:00.000Z', dana);
    const now = new Date('2026-11-23T12:00:00.000Z');
    const first = (await dueList(s.db, { now, timeZone: 'UTC', me: null, show: ALL })).overdue.entries[0];
    expect(first).toMatchObject({
      decisionTitle: 'Move sessions to Redis',
      ownerName: 'Dana Okafor',
      page: { site: 'jira', title: '[ACME-7] old title' },
    });
    await s.db.pages.put({
      pageKey: 'jira:acme:ACME-7',
      site: 'jira',
      title: 'ACME-7 · Fix the login timeout',
      url: 'https://acme.atlassian.net/browse/ACME-7',
      lastSeenAt: now.toISOString(),
    });
    const again = (await dueList(s.db, { now, timeZone: 'UTC', me: null, show: ALL })).overdue.entries[0];
    expect(again?.page?.title).toBe('ACME-7 · Fix the login timeout');
    expect(again?.anchorId).toEqual(expect.any(String));
  });

  it('lists only my items when "me" is given', async () => {
    const me = await s.person('Me');
    const d = await s.decision('D');
    await s.followUp(d, 'mine', '2026-11-23T10:00:00.000Z', me);
    await s.followUp(d, 'theirs', '2026-11-23T10:00:00.000Z');
    const now = new Date('2026-11-23T12:00:00.000Z');
    expect(titles(await dueList(s.db, { now, timeZone: 'UTC', me, show: ALL })).overdue).toEqual(['mine']);
  });
});
