// The weekly backup reminder: only after a week without a backup, only while nothing syncs, only
// with decisions to lose, never when turned off, and its click opens the options' data section.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ALARM_BACKUP,
  BACKUP_NOTIFICATION,
  checkBackupReminder,
  initBackup,
} from '../../../src/background/backup';
import { loadBackupState, updateBackupState } from '../../../src/storage/backup-state';
import { writeContext } from '../../../src/storage/context';
import { database } from '../../../src/storage/db';
import { createDecision, deleteDecision } from '../../../src/storage/decisions';
import { createFakeBrowser } from './fake-browser';

const fake = vi.hoisted(() => ({ current: undefined as unknown as ReturnType<typeof createFakeBrowser> }));
vi.mock('../../../src/messaging/browser-api', () => ({
  get api() {
    return fake.current.api;
  },
}));

const DAY = 24 * 60 * 60 * 1000;
const start = new Date('2026-03-02T09:00:00Z');
const later = (days: number) => new Date(start.getTime() + days * DAY);
let decisionId: string;

beforeEach(async () => {
  fake.current = createFakeBrowser();
  const alarms = fake.current.alarmsSet;
  Object.assign(fake.current.api.alarms, { get: async (name: string) => alarms.get(name) });
  await Promise.all(database().tables.map((t) => t.clear()));
  decisionId = await createDecision(await writeContext(), { title: 'Move sessions to Redis' });
  // The first check (at install) starts the week.
  expect(await checkBackupReminder(start)).toBe(false);
});
afterEach(() => vi.restoreAllMocks());

describe('backup reminder', () => {
  it('waits a week from the install, then reminds once a week', async () => {
    expect(await checkBackupReminder(later(6))).toBe(false);
    expect(await checkBackupReminder(later(7))).toBe(true);
    expect(fake.current.shown.get(BACKUP_NOTIFICATION)?.message).toMatch(
      /1 decision live only in this browser/,
    );
    expect(await checkBackupReminder(later(10))).toBe(false);
    expect(await checkBackupReminder(later(14))).toBe(true);
  });

  it('counts a week from the last backup', async () => {
    await updateBackupState({ lastExportAt: later(5).toISOString() });
    expect(await checkBackupReminder(later(8))).toBe(false);
    expect(await checkBackupReminder(later(12))).toBe(true);
  });

  it('stays quiet while syncing, when turned off, or with nothing to lose', async () => {
    await fake.current.api.storage.local.set({ syncConfig: { url: 'https://sync.example.com' } });
    expect(await checkBackupReminder(later(8))).toBe(false);
    await fake.current.api.storage.local.remove('syncConfig');
    await updateBackupState({ reminder: false });
    expect(await checkBackupReminder(later(8))).toBe(false);
    await updateBackupState({ reminder: true });
    await deleteDecision(await writeContext(), decisionId);
    expect(await checkBackupReminder(later(8))).toBe(false);
    expect(fake.current.shown.size).toBe(0);
  });

  it('sets a daily alarm on install, checks when it rings, and opens the data section on click', async () => {
    initBackup();
    const { api } = fake.current;
    await api.storage.local.remove('backup');
    await api.runtime.onInstalled.fire({ reason: 'install' });
    await vi.waitFor(async () => {
      expect(fake.current.alarmsSet.has(ALARM_BACKUP)).toBe(true);
      expect((await loadBackupState()).since).not.toBeNull();
    });
    expect(fake.current.shown.size).toBe(0);
    await updateBackupState({ since: new Date(Date.now() - 8 * DAY).toISOString() });
    await api.alarms.onAlarm.fire({ name: ALARM_BACKUP });
    await vi.waitFor(() => expect(fake.current.shown.has(BACKUP_NOTIFICATION)).toBe(true));
    expect((await loadBackupState()).lastReminderAt).not.toBeNull();
    await api.notifications.onClicked.fire(BACKUP_NOTIFICATION);
    await vi.waitFor(() =>
      expect(fake.current.tabList.map((t) => t.url)).toEqual([
        'chrome-extension://ext/src/options/index.html#data',
      ]),
    );
    expect(fake.current.shown.has(BACKUP_NOTIFICATION)).toBe(false);
  });
});
