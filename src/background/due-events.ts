// Keeps the badge, the popup's first screen and the reminder alarms current: after every local
// change, when sync brings rows (`refreshDue`), on alarms, on browser start and install, and when
// the settings change. Nothing is kept in memory between runs but the queue that keeps two
// refreshes from overlapping.
import { localTimeZone } from '../core/due-popup';
import { api } from '../messaging/browser-api';
import { database } from '../storage/db';
import { resolveMe } from '../storage/due-query';
import { writeDueSnapshot } from '../storage/due-snapshot';
import { loadSettings, onSettingsChanged } from '../storage/settings';
import { updateBadge } from './badge';
import { onDataChanged } from './changes';
import { onNotificationClicked } from './due-notifications';
import { openDecision } from './due-open';
import { ALARM_DUE, ALARM_MIDNIGHT, checkReminders, scheduleReminders } from './reminders';

let queue: Promise<void> = Promise.resolve();
let queued: Promise<void> | null = null;

/**
 * Repaints the badge, keeps the popup's first screen, sends the reminders that fell due and
 * reschedules the alarms. Call after anything changes due dates outside the repositories' local
 * path (the sync engine after a pull). Calls during a run coalesce into one more run.
 */
export function refreshDue(at?: number): Promise<void> {
  if (queued) return queued;
  const run = async () => {
    queued = null;
    // An alarm may fire a hair before its time: its own time is the "now" it stands for.
    const now = new Date(Math.max(Date.now(), at ?? 0));
    const db = database();
    const timeZone = localTimeZone();
    const [me, settings] = await Promise.all([resolveMe(db), loadSettings()]);
    const input = { db, now, timeZone, me, settings };
    await updateBadge(db, now, timeZone, me);
    await writeDueSnapshot(db, now, timeZone, me);
    await checkReminders(input);
    await scheduleReminders(input);
  };
  const next = queue.then(run, run);
  queued = next;
  queue = next.catch((error) => console.warn('Decidedly: updating due items failed', error));
  return next;
}

/** Wires the due items into the worker's events. Called once from the background's init(). */
export function initDue(): void {
  const refresh = (at?: number) => void refreshDue(at).catch(() => {});
  onDataChanged(() => refreshDue());
  api.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM_DUE || alarm.name === ALARM_MIDNIGHT) refresh(alarm.scheduledTime);
  });
  api.notifications.onClicked.addListener(
    (id) => void onNotificationClicked(id, (decisionId) => openDecision(decisionId)).catch(console.warn),
  );
  // Alarms do not always survive a browser restart, and never an update: set them again.
  api.runtime.onStartup.addListener(() => refresh());
  api.runtime.onInstalled.addListener(() => refresh());
  onSettingsChanged(() => refresh());
}
