// The status lifecycle of DESIGN.md §2: which transitions exist and what "open" means.
import type { Status } from './schemas';

const TRANSITIONS: Record<Status, readonly Status[]> = {
  proposed: ['decided', 'rejected'],
  decided: ['revisiting', 'superseded'],
  revisiting: ['decided', 'rejected', 'superseded'],
  rejected: [],
  superseded: [],
};

/** Statuses a decision in `from` may move to. `superseded` only by linking the new decision. */
export const allowedTransitions = (from: Status): readonly Status[] => TRANSITIONS[from];

export const canTransition = (from: Status, to: Status): boolean => TRANSITIONS[from].includes(to);

/** Open decisions are the ones still being aligned on. */
export const isOpen = (status: Status): boolean => status === 'proposed' || status === 'revisiting';

/** After `decided`, what and why change only through Revisit or a superseding decision. */
export const LOCKED_FIELDS = ['title', 'rationale'] as const;

export const lockedAfter = (status: Status): boolean => status === 'decided' || status === 'superseded';

/** The order lists use: open first, then decided, then the settled rest. */
export function statusRank(status: Status): number {
  return { proposed: 0, revisiting: 0, decided: 1, rejected: 2, superseded: 2 }[status];
}
