// Reminders: which items are newly due, that each is notified once, quiet hours, the off switch,
// and the alarms that wake the worker.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ALARM_DUE,
  ALARM_MIDNIGHT,
  checkReminders,
  scheduleReminders,
} from '../../../src/background/reminders';
import { SETTINGS_DEFAULTS, type Settings } from '../../../src/storage/settings';
import { createFakeBrowser } from './fake-browser';
import { type Seeded, seed } from './seed';

const fake = vi.hoisted(() => ({ current: undefined as unknown as ReturnType<typeof createFakeBrowser> }));
vi.mock('../../../src/messaging/browser-api', () => ({
  get api() {
    return fake.current.api;
  },
}));

const TZ = 'Europe/Berlin';
let s: Seeded;
beforeEach(async () => {
  fake.current = createFakeBrowser();
  s = await seed();
});
afterEach(async () => {
  await s.db.delete();
});

const settings = (patch: Partial<Settings['notifications']> = {}): Settings => ({
  ...SETTINGS_DEFAULTS,
  notifications: { ...SETTINGS_DEFAULTS.notifications, ...patch },
});
const at = (iso: string, me: string | null = null, st = settings()) => ({
  db: s.db,
  now: new Date(iso),
  timeZone: TZ,
  me,
  settings: st,
});
const shownTitles = () => [...fake.current.shown.values()].map((n) => n.title).sort();

describe('checkReminders', () => {
  it('only sets its mark the first time: nothing already due floods in on install', async () => {
    const d = await s.decision('D');
    await s.followUp(d, 'long overdue', '2026-03-01T09:00:00.000Z');
    expect(await checkReminders(at('2026-03-10T09:00:00.000Z'))).toEqual([]);
    expect(fake.current.shown.size).toBe(0);
  });

  it('notifies each item that fell due since the last check, once', async () => {
    const d = await s.decision('Move sessions to Redis', {
      key: 'jira:acme:ACME-7',
      title: 'ACME-7 · Fix the login timeout',
    });
    await checkReminders(at('2026-03-10T09:00:00.000Z'));
    const f = await s.followUp(d, 'Send the migration plan', '2026-03-10T09:05:00.000Z');
    await s.followUp(d, 'Not yet', '2026-03-10T12:00:00.000Z');
    expect(await checkReminders(at('2026-03-10T09:06:00.000Z'))).toEqual([f]);
    expect([...fake.current.shown.values()]).toEqual([
      {
        title: 'Send the migration plan',
        message: 'Decision: Move sessions to Redis\nJira · ACME-7 · Fix the login timeout',
      },
    ]);
    fake.current.shown.clear();
    expect(await checkReminders(at('2026-03-10T09:07:00.000Z'))).toEqual([]);
    expect(await checkReminders(at('2026-03-10T09:06:00.000Z'))).toEqual([]);
    expect(fake.current.shown.size).toBe(0);
  });

  it('notifies a snoozed item again when its snooze ends', async () => {
    const d = await s.decision('D');
    await checkReminders(at('2026-03-10T09:00:00.000Z'));
    const f = await s.followUp(d, 'Ping legal', '2026-03-10T09:05:00.000Z');
    expect(await checkReminders(at('2026-03-10T09:10:00.000Z'))).toEqual([f]);
    const { snoozeFollowUp } = await import('../../../src/storage/follow-ups');
    await snoozeFollowUp(s.ctx, f, new Date('2026-03-11T08:00:00.000Z'));
    expect(await checkReminders(at('2026-03-11T08:00:01.000Z'))).toEqual([f]);
  });

  it('notifies only my items when "me" is set', async () => {
    const me = await s.person('Me');
    const d = await s.decision('D');
    await checkReminders(at('2026-03-10T09:00:00.000Z', me));
    await s.followUp(d, 'mine', '2026-03-10T09:05:00.000Z', me);
    await s.followUp(d, 'theirs', '2026-03-10T09:05:00.000Z', null);
    await checkReminders(at('2026-03-10T09:10:00.000Z', me));
    expect(shownTitles()).toEqual(['mine']);
  });

  it('holds reminders during quiet hours and sends them when they end', async () => {
    const quiet = settings({ quietHours: { enabled: true, start: '22:00', end: '07:30' } });
    const d = await s.decision('D');
    await checkReminders(at('2026-03-10T20:00:00.000Z', null, quiet)); // 21:00 Berlin
    await s.followUp(d, 'Night item', '2026-03-10T23:00:00.000Z'); // midnight Berlin
    expect(await checkReminders(at('2026-03-10T23:01:00.000Z', null, quiet))).toEqual([]);
    expect(await checkReminders(at('2026-03-11T06:00:00.000Z', null, quiet))).toEqual([]); // 07:00
    expect(fake.current.shown.size).toBe(0);
    await checkReminders(at('2026-03-11T06:30:00.000Z', null, quiet)); // 07:30: over
    expect(shownTitles()).toEqual(['Night item']);
  });

  it('announces nothing old when notifications are turned back on', async () => {
    const d = await s.decision('D');
    await checkReminders(at('2026-03-10T09:00:00.000Z'));
    await s.followUp(d, 'While off', '2026-03-10T09:05:00.000Z');
    await checkReminders(at('2026-03-10T09:10:00.000Z', null, settings({ enabled: false })));
    await checkReminders(at('2026-03-10T09:20:00.000Z'));
    expect(fake.current.shown.size).toBe(0);
  });

  it('sums up past a handful instead of a wall of notifications', async () => {
    const d = await s.decision('D');
    await checkReminders(at('2026-03-10T09:00:00.000Z'));
    for (let i = 0; i < 7; i++) await s.followUp(d, `item ${i}`, `2026-03-10T09:0${i}:30.000Z`);
    await checkReminders(at('2026-03-10T10:00:00.000Z'));
    expect(shownTitles()).toEqual(['3 more due', 'item 0', 'item 1', 'item 2', 'item 3']);
  });
});

describe('scheduleReminders', () => {
  it('wakes at the next item falling due and at the next local midnight', async () => {
    const d = await s.decision('D');
    await s.followUp(d, 'soon', '2026-03-10T09:00:02.000Z');
    const when = await scheduleReminders(at('2026-03-10T09:00:00.000Z'));
    expect(when).toBe(Date.parse('2026-03-10T09:00:02.000Z'));
    expect(fake.current.alarmsSet.get(ALARM_DUE)?.scheduledTime).toBe(when);
    // Midnight in Berlin is 23:00 UTC in winter.
    expect(fake.current.alarmsSet.get(ALARM_MIDNIGHT)?.scheduledTime).toBe(
      Date.parse('2026-03-10T23:00:00.000Z'),
    );
  });

  it('finds local midnight across a daylight-saving change', async () => {
    // Berlin springs forward on 29 March 2026: midnight is 23:00 UTC before it and 22:00 UTC after.
    await scheduleReminders(at('2026-03-28T12:00:00.000Z'));
    expect(fake.current.alarmsSet.get(ALARM_MIDNIGHT)?.scheduledTime).toBe(
      Date.parse('2026-03-28T23:00:00.000Z'),
    );
    await scheduleReminders(at('2026-03-29T12:00:00.000Z'));
    expect(fake.current.alarmsSet.get(ALARM_MIDNIGHT)?.scheduledTime).toBe(
      Date.parse('2026-03-29T22:00:00.000Z'),
    );
  });

  it('clears the due alarm when nothing is ahead, or notifications are off', async () => {
    const d = await s.decision('D');
    expect(await scheduleReminders(at('2026-03-10T09:00:00.000Z'))).toBeNull();
    expect(fake.current.alarmsSet.has(ALARM_DUE)).toBe(false);
    await s.followUp(d, 'soon', '2026-03-10T10:00:00.000Z');
    expect(
      await scheduleReminders(at('2026-03-10T09:00:00.000Z', null, settings({ enabled: false }))),
    ).toBeNull();
  });

  it('wakes when quiet hours end if reminders are waiting for it', async () => {
    const quiet = settings({ quietHours: { enabled: true, start: '22:00', end: '07:30' } });
    const d = await s.decision('D');
    await checkReminders(at('2026-03-10T20:00:00.000Z', null, quiet));
    await s.followUp(d, 'Night item', '2026-03-10T23:00:00.000Z');
    await s.followUp(d, 'Next afternoon', '2026-03-11T14:00:00.000Z');
    const now = at('2026-03-10T23:30:00.000Z', null, quiet);
    await checkReminders(now);
    expect(await scheduleReminders(now)).toBe(Date.parse('2026-03-11T06:30:00.000Z'));
  });
});
