// The wiring of the due items into the worker: data changes, alarms, browser start, settings and
// notification clicks each lead to the right badge, notifications, alarms and tabs.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { notifyDataChanged } from '../../../src/background/changes';
import { initDue, refreshDue } from '../../../src/background/due-events';
import { ALARM_DUE } from '../../../src/background/reminders';
import { localTimeZone } from '../../../src/core/due-popup';
import { database } from '../../../src/storage/db';
import { dueList, FIRST_SCREEN } from '../../../src/storage/due-list';
import { readDueSnapshot } from '../../../src/storage/due-snapshot';
import { SETTINGS_DEFAULTS, saveSettings } from '../../../src/storage/settings';
import { createFakeBrowser } from './fake-browser';
import { type Seeded, seed } from './seed';

const fake = vi.hoisted(() => ({ current: undefined as unknown as ReturnType<typeof createFakeBrowser> }));
vi.mock('../../../src/messaging/browser-api', () => ({
  get api() {
    return fake.current.api;
  },
}));

let s: Seeded;
const NOW = new Date('2026-03-10T12:00:00.000Z');
const TEN_SECONDS_LATER = Date.parse('2026-03-10T12:00:10.000Z');

beforeEach(async () => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  fake.current = createFakeBrowser();
  const db = database();
  await db.open();
  await Promise.all(db.tables.map((t) => t.clear()));
  s = await seed(db);
  initDue();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('initDue', () => {
  it('after a data change: badge repainted and the alarm set for the next item', async () => {
    const d = await s.decision('Move sessions to Redis', {
      key: 'jira:acme:ACME-7',
      title: 'ACME-7 · Fix it',
    });
    await s.followUp(d, 'Overdue', '2026-03-09T12:00:00.000Z');
    await s.followUp(d, 'Soon', new Date(TEN_SECONDS_LATER).toISOString());
    await notifyDataChanged();
    expect(fake.current.badge.text).toBe('2');
    expect(fake.current.alarmsSet.get(ALARM_DUE)?.scheduledTime).toBe(TEN_SECONDS_LATER);
  });

  it('when the alarm fires: a notification for the item, whose click opens the decision', async () => {
    const d = await s.decision('Move sessions to Redis', {
      key: 'jira:acme:ACME-7',
      title: 'ACME-7 · Fix it',
    });
    await refreshDue(); // the first check only sets its mark
    await s.followUp(d, 'Soon', new Date(TEN_SECONDS_LATER).toISOString());
    await notifyDataChanged();
    vi.setSystemTime(TEN_SECONDS_LATER + 5);
    await fake.current.api.alarms.onAlarm.fire({ name: ALARM_DUE, scheduledTime: TEN_SECONDS_LATER });
    await refreshDue(); // waits for the alarm's run, which is queued
    const [id] = [...fake.current.shown.keys()];
    expect([...fake.current.shown.values()].map((n) => n.title)).toEqual(['Soon']);
    expect(fake.current.alarmsSet.has(ALARM_DUE)).toBe(false);

    await fake.current.api.notifications.onClicked.fire(id);
    await vi.waitFor(() => expect(fake.current.tabList).toHaveLength(1));
    expect(fake.current.tabList[0]?.url).toBe('https://example.test/jira%3Aacme%3AACME-7');
    expect(fake.current.shown.size).toBe(0);
  });

  it('reschedules after a browser restart and when settings change', async () => {
    const d = await s.decision('D');
    await s.followUp(d, 'Soon', new Date(TEN_SECONDS_LATER).toISOString());
    await fake.current.api.runtime.onStartup.fire();
    await refreshDue();
    expect(fake.current.alarmsSet.get(ALARM_DUE)?.scheduledTime).toBe(TEN_SECONDS_LATER);
    await saveSettings({
      ...SETTINGS_DEFAULTS,
      notifications: { ...SETTINGS_DEFAULTS.notifications, enabled: false },
    });
    await refreshDue();
    expect(fake.current.alarmsSet.has(ALARM_DUE)).toBe(false);
  });

  it("keeps the popup's first screen, valid until an item changes group", async () => {
    const d = await s.decision('Move sessions to Redis', {
      key: 'jira:acme:ACME-7',
      title: 'ACME-7 · Fix it',
    });
    await s.followUp(d, 'Overdue', '2026-03-09T12:00:00.000Z');
    await s.followUp(d, 'Soon', new Date(TEN_SECONDS_LATER).toISOString());
    await notifyDataChanged();
    const timeZone = localTimeZone();
    const kept = await readDueSnapshot(NOW.getTime(), timeZone);
    const live = await dueList(database(), { now: NOW, timeZone, me: null, show: { ...FIRST_SCREEN } });
    expect(kept?.list).toEqual(JSON.parse(JSON.stringify(live)));
    expect(kept?.list.overdue.entries.map((e) => e.title)).toEqual(['Overdue']);
    expect(kept?.scope).toBe('everyone');
    // "Soon" falls due ten seconds from now and moves to Overdue: the snapshot no longer holds.
    expect(kept?.validUntil).toBe(TEN_SECONDS_LATER);
    expect(await readDueSnapshot(TEN_SECONDS_LATER, timeZone)).toBeNull();
    expect(await readDueSnapshot(NOW.getTime(), timeZone === 'Asia/Tokyo' ? 'UTC' : 'Asia/Tokyo')).toBeNull();
  });

  it('coalesces a burst of changes into few runs', async () => {
    const spy = vi.spyOn(fake.current.api.action, 'setBadgeText');
    await Promise.all(Array.from({ length: 10 }, () => refreshDue()));
    expect(spy.mock.calls.length).toBeLessThanOrEqual(2);
  });
});
