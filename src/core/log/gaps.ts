// The alignment gaps the log filters on: where a decision still lacks an owner, a voice, agreement,
// a review or a next step. They apply to live decisions only; a rejected or superseded one owes
// nobody anything.
import type { EntryRole, LogEntry } from './entries';

export const GAPS = ['no-accountable', 'unheard', 'opposed', 'review-overdue', 'no-next-step'] as const;
export type Gap = (typeof GAPS)[number];

export const GAP_FILTER_LABELS: Record<Gap, string> = {
  'no-accountable': 'No Accountable',
  unheard: 'Consulted not heard',
  opposed: 'Someone opposes',
  'review-overdue': 'Review overdue',
  'no-next-step': 'No next step',
};

/**
 * Whether `entry` shows `gap` at `nowMs`. With `personId`, the stance gaps are that person's:
 * "Kim + Consulted not heard" lists the decisions still waiting on Kim's view.
 */
export function hasGap(entry: LogEntry, gap: Gap, nowMs: number, personId = ''): boolean {
  if (entry.settled) return false;
  switch (gap) {
    case 'no-accountable':
      return entry.accountableCount === 0;
    case 'unheard':
      return personId ? entry.roles.some((r) => isUnheard(r, personId)) : entry.unheard;
    case 'opposed':
      return personId
        ? entry.roles.some((r) => r.person.id === personId && r.role.stance === 'opposes')
        : entry.alignment.opposes > 0;
    case 'review-overdue':
      // Only decided decisions are under review (as the due list counts them).
      return entry.decision.status === 'decided' && entry.reviewMs !== null && entry.reviewMs <= nowMs;
    case 'no-next-step':
      return !entry.hasNextStep;
  }
}

const isUnheard = (r: EntryRole, personId: string) =>
  r.person.id === personId && r.role.raci === 'C' && r.role.stance === 'unknown';
