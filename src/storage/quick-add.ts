// Quick add as one write: a decision from a parsed one-liner ("Use Postgres @Dana #backend due:fri
// !decided") with its tags, Accountable, first follow-up and status, committed together or not at all.
import { nextStepTitle, type QuickAdd } from '../core/quick-add';
import { matchMention, quickAddProblem } from '../core/quick-add-check';
import { type AnchorFields, createDecision, setStatus } from './decisions';
import { addFollowUp } from './follow-ups';
import { addRole, createStakeholder } from './people';
import { type WriteContext, WriteError } from './write';

// The rules themselves are pure (src/core), so the sidebar checks a line without storage.
export { matchMention, quickAddProblem };

type Draft = Pick<QuickAdd, 'title' | 'mentions' | 'tags' | 'status'> & { dueAt: string | null };

async function findOrCreate(ctx: WriteContext, name: string): Promise<string> {
  const known = matchMention(await ctx.db.stakeholders.toArray(), name);
  return known ? known.id : createStakeholder(ctx, { name: name.trim() });
}

/**
 * Creates the decision of a quick add. The first @mention becomes the Accountable (added before the
 * status, so `!decided` passes the one-Accountable rule) and owns the next-step follow-up; later
 * mentions become Responsible. Returns the new decision's id.
 */
export async function createFromQuickAdd(
  ctx: WriteContext,
  draft: Draft,
  anchor?: AnchorFields,
): Promise<string> {
  const problem = quickAddProblem(draft);
  if (problem) throw new WriteError(problem, 'invalid');
  const { db } = ctx;
  const tables = ['decisions', 'stakeholders', 'roles', 'anchors', 'followUps', 'events', 'outbox'];
  // One outer transaction: each repository call joins it, so a failure leaves nothing behind.
  return db.transaction('rw', tables, async () => {
    const id = await createDecision(ctx, { title: draft.title, tags: draft.tags }, anchor);
    const people: string[] = [];
    for (const name of draft.mentions) {
      const person = await findOrCreate(ctx, name);
      // "@Dana" and "@Dana Okafor" may be one person: one role each.
      if (!people.includes(person)) people.push(person);
    }
    for (const [i, person] of people.entries()) await addRole(ctx, id, person, i === 0 ? 'A' : 'R');
    if (draft.dueAt)
      await addFollowUp(ctx, id, {
        title: nextStepTitle(draft.status),
        ownerId: people[0] ?? null,
        dueAt: draft.dueAt,
      });
    if (draft.status && draft.status !== 'proposed') await setStatus(ctx, id, draft.status);
    return id;
  });
}
