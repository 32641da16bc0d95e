// Turns follow-ups and decision reviews into the uniform items the due list groups, counts and schedules.

export type DueKind = 'followup' | 'review';

export type DueItem = {
  kind: DueKind;
  /** The follow-up's id, or `review:<decisionId>` for a review (unique across both kinds). */
  id: string;
  decisionId: string;
  title: string;
  ownerId: string | null;
  /** When it is due, after any snooze (ISO). */
  dueAt: string;
};

// Structural: the records of schemas.ts satisfy these, and callers need not build whole records.
type FollowUpLike = {
  id: string;
  decisionId: string;
  title: string;
  ownerId?: string | null;
  dueAt: string | null;
  doneAt: string | null;
  snoozedUntil?: string | null;
  deleted?: boolean;
};
type DecisionLike = { id: string; title: string; status: string; reviewAt: string | null; deleted?: boolean };

/**
 * The due item of an open follow-up, or null when it is done, deleted or has no due date. A snooze
 * later than the due date moves it; one earlier than the due date (stale) does not pull it forward.
 */
export function followUpDueItem(f: FollowUpLike): DueItem | null {
  if (f.deleted || f.doneAt || !f.dueAt) return null;
  const snoozed = f.snoozedUntil && Date.parse(f.snoozedUntil) > Date.parse(f.dueAt) ? f.snoozedUntil : null;
  return {
    kind: 'followup',
    id: f.id,
    decisionId: f.decisionId,
    title: f.title,
    ownerId: f.ownerId ?? null,
    dueAt: snoozed ?? f.dueAt,
  };
}

/**
 * The review item of a decision with a review date, or null. Rejected and superseded decisions are
 * settled and have nothing left to review. `ownerId` is whoever reviews it (usually the Accountable),
 * which only the caller knows from the roles.
 */
export function reviewDueItem(d: DecisionLike, ownerId: string | null = null): DueItem | null {
  if (d.deleted || !d.reviewAt || d.status === 'rejected' || d.status === 'superseded') return null;
  return {
    kind: 'review',
    id: `review:${d.id}`,
    decisionId: d.id,
    title: d.title,
    ownerId,
    dueAt: d.reviewAt,
  };
}
