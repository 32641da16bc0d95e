// Keeping the decision log safe on this device: a gentle weekly reminder to export a backup while
// no sync server keeps a copy, and a note of whether the browser may clear the storage.
//
// Persistent storage: a service worker has no `navigator.storage.persist()` (it is Window-only;
// checked in Chromium 156), and in Chromium an extension page's request always answers false —
// Chromium grants extensions durability through the `unlimitedStorage` permission instead, whose
// origins its quota manager never evicts. Firefox grants persistence with that permission too.
// So nothing here can ask; the options page asks whenever it opens and shows the answer.
import { api } from '../messaging/browser-api';
import { loadBackupState, updateBackupState } from '../storage/backup-state';
import { database } from '../storage/db';
import { loadConfig } from '../sync/config';

export const ALARM_BACKUP = 'decidedly:backup-reminder';
export const BACKUP_NOTIFICATION = 'decidedly-backup';
export const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** The options page's data section, where the backup button is. */
export const DATA_SECTION_PATH = 'src/options/index.html#data';

const latest = (...isos: (string | null)[]) =>
  Math.max(0, ...isos.filter((x): x is string => !!x).map((x) => Date.parse(x)));

/**
 * Shows the reminder when it is on, nothing syncs, there are decisions to lose, and a week has
 * passed since the last backup, the last reminder, and the install. Returns whether it showed.
 */
export async function checkBackupReminder(now = new Date()): Promise<boolean> {
  const state = await loadBackupState();
  if (!state.since) {
    // The first check starts the week: nobody is reminded on the day they install.
    await updateBackupState({ since: now.toISOString() });
    return false;
  }
  if (!state.reminder || (await loadConfig())) return false;
  if (now.getTime() - latest(state.since, state.lastExportAt, state.lastReminderAt) < WEEK_MS) return false;
  const decisions = await database()
    .decisions.filter((d) => !d.deleted)
    .count();
  if (!decisions) return false;
  await updateBackupState({ lastReminderAt: now.toISOString() });
  await api.notifications.create(BACKUP_NOTIFICATION, {
    type: 'basic',
    iconUrl: api.runtime.getURL('public/icons/icon-128.png'),
    title: 'Time to back up your decisions?',
    message: `${decisions} decision${decisions === 1 ? '' : 's'} live only in this browser. Click to export a backup file.`,
  });
  return true;
}

/** Opens the options page at its data section. */
export async function openDataSection(): Promise<void> {
  await api.tabs.create({ url: api.runtime.getURL(DATA_SECTION_PATH) });
}

/** A daily look is enough for a weekly reminder; an existing alarm keeps its schedule. */
async function ensureAlarm(): Promise<void> {
  const existing = await api.alarms.get(ALARM_BACKUP);
  if (!existing) await api.alarms.create(ALARM_BACKUP, { periodInMinutes: 24 * 60, delayInMinutes: 60 });
}

const warn = (what: string) => (error: unknown) => console.warn(`Decidedly: ${what} failed`, error);

/** Wires the reminder into the worker's events. Called once from the background's init(). */
export function initBackup(): void {
  api.runtime.onInstalled.addListener(() => {
    void ensureAlarm().catch(warn('the backup alarm'));
    void checkBackupReminder().catch(warn('the backup reminder'));
  });
  api.runtime.onStartup.addListener(() => {
    void ensureAlarm().catch(warn('the backup alarm'));
    void checkBackupReminder().catch(warn('the backup reminder'));
  });
  api.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM_BACKUP) void checkBackupReminder().catch(warn('the backup reminder'));
  });
  api.notifications.onClicked.addListener((id) => {
    if (id !== BACKUP_NOTIFICATION) return;
    void api.notifications.clear(id).then(openDataSection).catch(warn('opening the data section'));
  });
}
