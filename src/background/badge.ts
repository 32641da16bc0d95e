// The toolbar badge: how many items are overdue or due today (mine when "who am I" is set),
// cleared at zero. Recomputed after every change and at local midnight (see due-events.ts).
import { dueBounds } from '../core/due';
import { api } from '../messaging/browser-api';
import type { DecidedlyDb } from '../storage/db';
import { dueSection, mineOf } from '../storage/due-query';

const COLOR = '#b91c1c';

/** The badge's text for a count: empty at zero (a "0" badge nags about nothing). */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

/** Rows read to check for follow-ups of deleted decisions; the count itself comes from the index. */
const CHECKED = 25;

/**
 * Counts what is due before the next local midnight and paints the badge. Returns the count. The
 * same section query as the popup's "Overdue" and "Today" headings, so the two always agree.
 */
export async function updateBadge(db: DecidedlyDb, now: Date, timeZone: string, me: string | null) {
  const { tomorrow } = dueBounds(now, timeZone);
  const mine = me ? await mineOf(db, me) : null;
  const { total: count } = await dueSection(db, { to: tomorrow }, CHECKED, mine);
  await api.action.setBadgeText({ text: badgeText(count) });
  if (count > 0) await api.action.setBadgeBackgroundColor({ color: COLOR });
  await api.action.setTitle({
    title: count ? `Decidedly — ${count} due today or overdue` : 'Decidedly',
  });
  return count;
}
