// The toolbar badge: overdue plus due today in the user's local day, mine when set, empty at zero.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { badgeText, updateBadge } from '../../../src/background/badge';
import { setFollowUpDone } from '../../../src/storage/follow-ups';
import { createFakeBrowser } from './fake-browser';
import { type Seeded, seed } from './seed';

const fake = vi.hoisted(() => ({ current: undefined as unknown as ReturnType<typeof createFakeBrowser> }));
vi.mock('../../../src/messaging/browser-api', () => ({
  get api() {
    return fake.current.api;
  },
}));

let s: Seeded;
beforeEach(async () => {
  fake.current = createFakeBrowser();
  s = await seed();
});
afterEach(async () => {
  await s.db.delete();
});

describe('badgeText', () => {
  it('is empty at zero and caps long numbers', () => {
    expect([0, 1, 42, 99, 100, 5000].map(badgeText)).toEqual(['', '1', '42', '99', '99+', '99+']);
  });
});

describe('updateBadge', () => {
  it('counts overdue and due-today items, not tomorrow’s, in the local day', async () => {
    const d = await s.decision('D');
    await s.followUp(d, 'yesterday', '2026-03-09T09:00:00.000Z');
    await s.followUp(d, 'tonight', '2026-03-10T22:30:00.000Z'); // 23:30 Berlin
    await s.followUp(d, 'after midnight', '2026-03-10T23:30:00.000Z'); // 00:30 Berlin tomorrow
    await s.followUp(d, 'next morning', '2026-03-11T09:30:00.000Z'); // 10:30 Berlin tomorrow
    const now = new Date('2026-03-10T12:00:00.000Z');
    expect(await updateBadge(s.db, now, 'Europe/Berlin', null)).toBe(2);
    expect(fake.current.badge.text).toBe('2');
    // In New York the same instants fall on other local days: 00:30 Berlin is still 19:30 "today".
    expect(await updateBadge(s.db, now, 'America/New_York', null)).toBe(3);
    // Kiritimati (UTC+14) is already on 11 March, until 10:00 UTC: "next morning" is its today.
    expect(await updateBadge(s.db, now, 'Pacific/Kiritimati', null)).toBe(4);
  });

  it('counts reviews that are due, and only mine when "me" is set', async () => {
    const me = await s.person('Me');
    const other = await s.person('Other');
    const d1 = await s.decision('Mine');
    const d2 = await s.decision('Theirs');
    await s.review(d1, me, '2026-03-10T08:00:00.000Z');
    await s.review(d2, other, '2026-03-10T08:00:00.000Z');
    await s.followUp(d2, 'my task', '2026-03-10T08:00:00.000Z', me);
    const now = new Date('2026-03-10T12:00:00.000Z');
    expect(await updateBadge(s.db, now, 'UTC', me)).toBe(2);
    expect(await updateBadge(s.db, now, 'UTC', null)).toBe(3);
  });

  it('clears the badge when nothing is left', async () => {
    const d = await s.decision('D');
    const f = await s.followUp(d, 'due', '2026-03-10T08:00:00.000Z');
    const now = new Date('2026-03-10T12:00:00.000Z');
    await updateBadge(s.db, now, 'UTC', null);
    expect(fake.current.badge).toMatchObject({ text: '1', title: 'Decidedly — 1 due today or overdue' });
    await setFollowUpDone(s.ctx, f, true);
    await updateBadge(s.db, now, 'UTC', null);
    expect(fake.current.badge).toMatchObject({ text: '', title: 'Decidedly' });
  });
});
