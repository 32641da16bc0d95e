// Repository functions for decisions: creation (with an anchor), edits that respect the lock,
// lifecycle transitions, superseding, delete and undo.
import { accountableProblem } from '../core/clarity';
import { canTransition, lockedAfter, lockedRewrites } from '../core/lifecycle';
import type { Anchor, Decision, Status } from '../core/schemas';
import { type Tx, type WriteContext, WriteError, write } from './write';

export type DecisionFields = Partial<
  Pick<
    Decision,
    | 'title'
    | 'context'
    | 'rationale'
    | 'consequences'
    | 'options'
    | 'tradeoffs'
    | 'risks'
    | 'tags'
    | 'reviewAt'
    | 'supersedes'
  >
>;

export type AnchorFields = Pick<Anchor, 'pageKey' | 'url' | 'pageTitle' | 'site' | 'selectors'>;

/** Logs a new `proposed` decision, anchored to `anchor` when given. Returns its id. */
export function createDecision(
  ctx: WriteContext,
  fields: DecisionFields & { title: string },
  anchor?: AnchorFields,
): Promise<string> {
  return write(ctx, (tx) => createIn(tx, fields, anchor));
}

function createIn(tx: Tx, fields: DecisionFields & { title: string }, anchor?: AnchorFields): string {
  const title = fields.title.trim();
  if (!title) throw new WriteError('A decision needs a title: what was decided?', 'invalid');
  const id = tx.create('decisions', { ...fields, title, status: 'proposed' });
  tx.event(id, 'created', { title });
  if (anchor) {
    tx.create('anchors', { ...anchor, decisionId: id });
    tx.event(id, 'anchored', { pageKey: anchor.pageKey, quote: anchor.selectors?.quote.exact ?? null });
  }
  return id;
}

async function existing(tx: Tx, id: string): Promise<Decision> {
  const d = await tx.get('decisions', id);
  if (!d || d.deleted) throw new WriteError('That decision no longer exists.', 'not-found');
  return d;
}

/** Edits fields. After `decided`, written what and why are locked: Revisit or supersede instead. */
export function updateDecision(ctx: WriteContext, id: string, fields: DecisionFields): Promise<void> {
  return write(ctx, async (tx) => {
    const d = await existing(tx, id);
    if (lockedRewrites(d, fields, tx.at.getTime(), ctx.clock.node).length) {
      throw new WriteError(
        `“${LOCKED_FIELDS_LABEL}” are locked after the decision was made: revisit or supersede it to change them.`,
        'locked',
      );
    }
    if ('title' in fields && !fields.title?.trim())
      throw new WriteError('A decision needs a title.', 'invalid');
    tx.patch('decisions', id, fields);
    const changed = Object.keys(fields).filter(
      (f) => JSON.stringify(fields[f as keyof DecisionFields]) !== JSON.stringify(d[f as keyof Decision]),
    );
    // Saving as you type would bury the history in edits: one "edited" entry per sitting.
    const last = await tx.lastEvent(id);
    const recent =
      last?.kind === 'edited' &&
      last.actor === tx.actor &&
      tx.at.getTime() - Date.parse(last.at) < EDIT_SITTING_MS;
    if (changed.length && !recent) tx.event(id, 'edited', { fields: changed });
  });
}

const LOCKED_FIELDS_LABEL = 'What and why';
const EDIT_SITTING_MS = 10 * 60 * 1000;

/** Moves a decision along the lifecycle. `decided` needs exactly one Accountable. */
export function setStatus(ctx: WriteContext, id: string, to: Exclude<Status, 'superseded'>): Promise<void> {
  return write(ctx, async (tx) => {
    const d = await existing(tx, id);
    if (!canTransition(d.status, to))
      throw new WriteError(`A ${d.status} decision cannot become ${to}.`, 'invalid');
    if (to === 'decided') {
      const roles = await tx.rolesOf(id);
      const problem = accountableProblem(roles);
      if (problem) throw new WriteError(problem, 'invalid');
    }
    tx.patch('decisions', id, {
      status: to,
      locked: lockedAfter(to),
      ...(to === 'decided' ? { decidedAt: tx.at.toISOString() } : {}),
    });
    tx.event(id, 'status', { from: d.status, to });
  });
}

/** Replaces a decided (or revisited) decision by a new one, linked both ways. Returns the new id. */
export function supersede(
  ctx: WriteContext,
  oldId: string,
  fields: DecisionFields & { title: string },
): Promise<string> {
  return write(ctx, async (tx) => {
    const old = await existing(tx, oldId);
    if (!canTransition(old.status, 'superseded')) {
      throw new WriteError(
        `Only a decided or revisited decision can be superseded (this one is ${old.status}).`,
        'invalid',
      );
    }
    const anchors = await tx.anchorsOf(oldId);
    const newId = createIn(tx, { ...fields, supersedes: oldId });
    for (const a of anchors) {
      tx.create('anchors', {
        decisionId: newId,
        pageKey: a.pageKey,
        url: a.url,
        pageTitle: a.pageTitle,
        site: a.site,
        selectors: a.selectors,
      });
    }
    tx.patch('decisions', oldId, { status: 'superseded', supersededBy: newId, locked: true });
    tx.event(oldId, 'superseded', { by: newId, title: fields.title });
    tx.event(oldId, 'status', { from: old.status, to: 'superseded' });
    return newId;
  });
}

/** Deletes a decision as a tombstone (undoable, and kept by sync rules). */
export function deleteDecision(ctx: WriteContext, id: string): Promise<void> {
  return write(ctx, async (tx) => {
    await existing(tx, id);
    tx.patch('decisions', id, { deleted: true });
  });
}

export function undeleteDecision(ctx: WriteContext, id: string): Promise<void> {
  return write(ctx, async (tx) => {
    if (!(await tx.get('decisions', id))) throw new WriteError('That decision is gone.', 'not-found');
    tx.patch('decisions', id, { deleted: false });
  });
}
