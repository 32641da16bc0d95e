// The bulk changes of the log, through the repositories (so each reaches history, outbox and
// sync): add a tag to many decisions, set or clear their review date.
import { DEFAULT_DUE_HOUR } from '../core/dates';
import { instantAt } from '../core/dates-zone';
import { updateDecision } from '../storage/decisions';
import type { WriteContext } from '../storage/write';

export const MAX_TAG = 60;

/** Adds `tag` to each decision that lacks it; answers how many changed. */
export async function addTagTo(ctx: WriteContext, ids: string[], tag: string): Promise<number> {
  const clean = tag.trim().slice(0, MAX_TAG);
  if (!clean) throw new Error('Type a tag first.');
  let changed = 0;
  for (const id of ids) {
    const d = await ctx.db.decisions.get(id);
    if (!d || d.deleted || d.tags.includes(clean)) continue;
    await updateDecision(ctx, id, { tags: [...d.tags, clean] });
    changed += 1;
  }
  return changed;
}

/** The review instant for a local day (`YYYY-MM-DD`): the usual due hour, as due dates use. */
export function reviewInstant(day: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return instantAt(date, { hour: DEFAULT_DUE_HOUR, minute: 0 }, timeZone).toISOString();
}

/** Sets (or, with null, clears) the review date of each decision. */
export async function setReviewOf(
  ctx: WriteContext,
  ids: string[],
  reviewAt: string | null,
): Promise<number> {
  let changed = 0;
  for (const id of ids) {
    const d = await ctx.db.decisions.get(id);
    if (!d || d.deleted || d.reviewAt === reviewAt) continue;
    await updateDecision(ctx, id, { reviewAt });
    changed += 1;
  }
  return changed;
}
