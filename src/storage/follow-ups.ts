// Repository functions for follow-ups: the next steps with an owner and a due date.
import type { FollowUp } from '../core/schemas';
import { type WriteContext, WriteError, write } from './write';

export type FollowUpFields = Partial<Pick<FollowUp, 'title' | 'ownerId' | 'dueAt' | 'snoozedUntil'>>;

export function addFollowUp(
  ctx: WriteContext,
  decisionId: string,
  fields: FollowUpFields & { title: string },
): Promise<string> {
  return write(ctx, async (tx) => {
    const d = await tx.get('decisions', decisionId);
    if (!d || d.deleted) throw new WriteError('That decision no longer exists.', 'not-found');
    const title = fields.title.trim();
    if (!title) throw new WriteError('A follow-up needs a title.', 'invalid');
    const id = tx.create('followUps', { ...fields, title, decisionId });
    tx.event(decisionId, 'followup', { title, dueAt: fields.dueAt ?? null, added: true });
    return id;
  });
}

async function live(tx: Parameters<Parameters<typeof write>[1]>[0], id: string) {
  const f = await tx.get('followUps', id);
  if (!f || f.deleted) throw new WriteError('That follow-up no longer exists.', 'not-found');
  return f;
}

export function updateFollowUp(ctx: WriteContext, id: string, fields: FollowUpFields): Promise<void> {
  return write(ctx, async (tx) => {
    await live(tx, id);
    if ('title' in fields && !fields.title?.trim())
      throw new WriteError('A follow-up needs a title.', 'invalid');
    tx.patch('followUps', id, fields);
  });
}

/** Marks a follow-up done (or not done again). */
export function setFollowUpDone(ctx: WriteContext, id: string, done: boolean): Promise<void> {
  return write(ctx, async (tx) => {
    const f = await live(tx, id);
    tx.patch('followUps', id, { doneAt: done ? tx.at.toISOString() : null });
    tx.event(f.decisionId, 'followup', { title: f.title, done });
  });
}

export function snoozeFollowUp(ctx: WriteContext, id: string, until: Date): Promise<void> {
  return write(ctx, async (tx) => {
    await live(tx, id);
    tx.patch('followUps', id, { snoozedUntil: until.toISOString() });
  });
}

export function deleteFollowUp(ctx: WriteContext, id: string): Promise<void> {
  return write(ctx, async (tx) => {
    const f = await live(tx, id);
    tx.patch('followUps', id, { deleted: true });
    tx.event(f.decisionId, 'followup', { title: f.title, removed: true });
  });
}
