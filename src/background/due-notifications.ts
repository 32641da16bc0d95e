// The notifications of items falling due: one per item (what is due, its decision, its page),
// a summary past a handful, and a click that opens the decision as the popup's "Open" does.
import { siteName } from '../core/due-popup';
import { api } from '../messaging/browser-api';
import type { DueEntry } from '../storage/due-query';

/** Past this many at once (a browser opened after a week away), the rest go in one summary. */
export const MAX_NOTIFICATIONS = 4;
const PREFIX = 'decidedly-due|';
const SUMMARY_ID = 'decidedly-due-summary';

/** The notification id of an item: it names the decision to open when clicked. */
export const notificationId = (e: Pick<DueEntry, 'id' | 'decisionId'>) => `${PREFIX}${e.decisionId}|${e.id}`;

/** The decision a notification id names, or null for another notification. */
export function decisionOfNotification(id: string): string | null {
  if (!id.startsWith(PREFIX)) return null;
  return id.slice(PREFIX.length).split('|')[0] || null;
}

const pageLine = (e: DueEntry) => (e.page ? `${siteName(e.page.site)} · ${e.page.title}` : '');

/** What a notification says about an entry. Portable fields only (Firefox has no contextMessage). */
export function notificationText(e: DueEntry): { title: string; message: string } {
  const title = e.kind === 'review' ? `Still valid? ${e.title}` : e.title;
  const about = e.kind === 'review' ? 'Review date reached' : `Decision: ${e.decisionTitle}`;
  return { title, message: [about, pageLine(e)].filter(Boolean).join('\n') };
}

export async function showDueNotifications(entries: DueEntry[]): Promise<void> {
  const iconUrl = api.runtime.getURL('public/icons/icon-128.png');
  const shown = entries.length > MAX_NOTIFICATIONS + 1 ? entries.slice(0, MAX_NOTIFICATIONS) : entries;
  for (const e of shown) {
    await api.notifications.create(notificationId(e), { type: 'basic', iconUrl, ...notificationText(e) });
  }
  const rest = entries.length - shown.length;
  if (rest > 0) {
    await api.notifications.create(SUMMARY_ID, {
      type: 'basic',
      iconUrl,
      title: `${rest} more due`,
      message: 'Open Decidedly from the toolbar to see everything that is due.',
    });
  }
}

/** A click on one of ours: open its decision (the summary has none), then dismiss it. */
export async function onNotificationClicked(
  id: string,
  open: (decisionId: string) => Promise<unknown>,
): Promise<void> {
  if (!id.startsWith(PREFIX) && id !== SUMMARY_ID) return;
  const decisionId = decisionOfNotification(id);
  await api.notifications.clear(id);
  if (decisionId) await open(decisionId);
}
