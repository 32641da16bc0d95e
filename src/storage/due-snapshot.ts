// The popup's first screen, kept by the service worker in storage.session: the due list in the
// scope and size the popup opens on, written after every change and whenever the badge is
// recounted (alarms at each due time and at midnight). The popup paints it from one read, then
// its live query takes over; a snapshot past the first instant its grouping would change, or made
// for another time zone, is ignored. storage.session stays in memory and is readable only by the
// extension's own pages.
import { dueBounds } from '../core/due';
import { api } from '../messaging/browser-api';
import type { DecidedlyDb } from './db';
import { type DueList, dueList, FIRST_SCREEN } from './due-list';
import { nextDueAfter } from './due-query';

export const SNAPSHOT_KEY = 'dueSnapshot';

export interface DueSnapshot {
  timeZone: string;
  me: { id: string; name: string } | null;
  scope: 'mine' | 'everyone';
  list: DueList;
  /** Epoch ms of the first instant an item changes group (falls due, or the local day ends). */
  validUntil: number;
}

/** Computes the popup's first screen for "me" (everyone's when null) and keeps it. */
export async function writeDueSnapshot(
  db: DecidedlyDb,
  now: Date,
  timeZone: string,
  meId: string | null,
): Promise<DueSnapshot> {
  const person = meId ? await db.stakeholders.get(meId) : undefined;
  const me = meId && person ? { id: meId, name: person.name } : null;
  const [list, nextDue] = await Promise.all([
    dueList(db, { now, timeZone, me: me?.id ?? null, show: { ...FIRST_SCREEN } }),
    nextDueAfter(db, now.getTime(), me?.id ?? null),
  ]);
  // An item falling due moves to "Overdue"; at midnight "Today" and "This week" move on.
  const validUntil = Math.min(dueBounds(now, timeZone).tomorrow, nextDue ?? Number.POSITIVE_INFINITY);
  const snapshot: DueSnapshot = { timeZone, me, scope: me ? 'mine' : 'everyone', list, validUntil };
  await api.storage.session.set({ [SNAPSHOT_KEY]: snapshot });
  return snapshot;
}

/** The kept first screen, or null when there is none or it no longer holds at `now` in `timeZone`. */
export async function readDueSnapshot(now: number, timeZone: string): Promise<DueSnapshot | null> {
  const stored = (await api.storage.session.get(SNAPSHOT_KEY))[SNAPSHOT_KEY] as DueSnapshot | undefined;
  if (!stored || typeof stored !== 'object' || !stored.list) return null;
  if (stored.timeZone !== timeZone || !(now < stored.validUntil)) return null;
  return stored;
}
