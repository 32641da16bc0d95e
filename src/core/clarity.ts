// The clarity check (DESIGN.md §2): what a decision still lacks before it is explicit.
import type { Decision, FollowUp, Role } from './schemas';

export type ClarityGap = 'what' | 'why' | 'consequences' | 'next-step' | 'accountable' | 'consulted';

export const GAP_LABELS: Record<ClarityGap, string> = {
  what: 'What was decided (a title)',
  why: 'Why this path (rationale)',
  consequences: 'Consequences',
  'next-step': 'A next step with an owner and a due date',
  accountable: 'Exactly one Accountable',
  consulted: 'Every Consulted stakeholder heard',
};

type DecisionText = Pick<Decision, 'title' | 'rationale' | 'consequences'>;
type LiveRole = Pick<Role, 'raci' | 'stance' | 'deleted'>;
type LiveFollowUp = Pick<FollowUp, 'ownerId' | 'dueAt' | 'doneAt' | 'deleted'>;

/** The gaps, in checklist order; empty when the decision is explicit. */
export function clarityGaps(
  decision: DecisionText,
  roles: LiveRole[],
  followUps: LiveFollowUp[],
): ClarityGap[] {
  const gaps: ClarityGap[] = [];
  const live = roles.filter((r) => !r.deleted);
  if (!decision.title.trim()) gaps.push('what');
  if (!decision.rationale.trim()) gaps.push('why');
  if (!decision.consequences.trim()) gaps.push('consequences');
  const nextStep = followUps.some((f) => !f.deleted && !f.doneAt && f.ownerId && f.dueAt);
  if (!nextStep) gaps.push('next-step');
  if (live.filter((r) => r.raci === 'A').length !== 1) gaps.push('accountable');
  if (live.some((r) => r.raci === 'C' && r.stance === 'unknown')) gaps.push('consulted');
  return gaps;
}

/** The one-Accountable rule: a decision can be marked decided only with exactly one A. */
export function accountableProblem(roles: LiveRole[]): string | null {
  const count = roles.filter((r) => !r.deleted && r.raci === 'A').length;
  if (count === 1) return null;
  return count === 0
    ? 'Name one Accountable person first.'
    : `There are ${count} Accountable people; keep one.`;
}
