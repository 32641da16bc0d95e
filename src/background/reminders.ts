// Reminders: a notification for each item that fell due since the last check (mine when "who am
// I" is set), held back during quiet hours, and the alarms that wake the worker for the next one.
// The last check is kept in storage.local, so a restarted worker or browser neither repeats nor
// loses reminders.
import { msUntilNextLocalMidnight } from '../core/due';
import { quietUntil } from '../core/due-popup';
import { api } from '../messaging/browser-api';
import type { DecidedlyDb } from '../storage/db';
import { dueItemsIn, joinEntries, nextDueAfter } from '../storage/due-query';
import type { Settings } from '../storage/settings';
import { showDueNotifications } from './due-notifications';

export const ALARM_DUE = 'decidedly:due';
export const ALARM_MIDNIGHT = 'decidedly:midnight';
const STATE_KEY = 'reminders';

interface ReminderState {
  /** Epoch ms up to which due items have been handled (notified, or skipped while turned off). */
  checkedUntil: number;
}

export interface ReminderInput {
  db: DecidedlyDb;
  now: Date;
  timeZone: string;
  me: string | null;
  settings: Settings;
}

async function readState(): Promise<ReminderState | undefined> {
  const got = await api.storage.local.get(STATE_KEY);
  const state = got[STATE_KEY] as ReminderState | undefined;
  return typeof state?.checkedUntil === 'number' ? state : undefined;
}

/**
 * Notifies the items due in (last check, now]. The first check ever only sets the mark: an
 * install or a first sync must not bring a flood of old reminders. While notifications are off
 * the mark moves on (turning them on later announces nothing old); in quiet hours it stays, so
 * what fell due is announced when they end. Returns the ids notified.
 */
export async function checkReminders(input: ReminderInput): Promise<string[]> {
  const { db, now, timeZone, me, settings } = input;
  const state = await readState();
  const t = now.getTime();
  const mark = () => api.storage.local.set({ [STATE_KEY]: { checkedUntil: t } satisfies ReminderState });
  if (!state) {
    await mark();
    return [];
  }
  if (t <= state.checkedUntil) return [];
  const { notifications } = settings;
  if (notifications.enabled && quietUntil(now, timeZone, notifications.quietHours)) return [];
  if (!notifications.enabled) {
    await mark();
    return [];
  }
  const { items, decisions } = await dueItemsIn(db, { after: state.checkedUntil, until: t }, me);
  // Marked before showing: a worker killed in between loses a reminder rather than repeating one
  // (the badge still counts it); notification ids also make a repeat replace, not duplicate.
  await mark();
  if (!items.length) return [];
  const entries = await joinEntries(db, items, decisions);
  await showDueNotifications(items.map((i) => entries.get(i.id)).filter((e) => e !== undefined));
  return items.map((i) => i.id);
}

/**
 * Sets the alarm for the next item falling due (or the end of quiet hours, when reminders are
 * waiting for it) and the one for the next local midnight, when the badge's "today" moves on.
 * Returns when the due alarm will fire, or null when nothing is scheduled.
 */
export async function scheduleReminders(input: ReminderInput): Promise<number | null> {
  const { db, now, timeZone, me, settings } = input;
  const t = now.getTime();
  await api.alarms.create(ALARM_MIDNIGHT, { when: t + msUntilNextLocalMidnight(now, timeZone) });
  const next = settings.notifications.enabled ? await nextDueAfter(db, t, me) : null;
  const quiet = settings.notifications.enabled
    ? quietUntil(now, timeZone, settings.notifications.quietHours)
    : null;
  const state = await readState();
  const waiting = quiet && state && state.checkedUntil < t ? quiet.getTime() : null;
  const when = [next, waiting].filter((x): x is number => x !== null).sort((a, b) => a - b)[0];
  if (when === undefined) {
    await api.alarms.clear(ALARM_DUE);
    return null;
  }
  // A packed extension's alarm fires no sooner than 30 s after it is set (Chromium): a reminder
  // falling due within that comes at most that late. Unpacked builds fire on time.
  await api.alarms.create(ALARM_DUE, { when });
  return when;
}
