// The status lifecycle of DESIGN.md §2: which transitions exist, what "open" means, and which
// fields the lock after `decided` protects.
import { decodeHlc } from './hlc';
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

export type LockedField = (typeof LOCKED_FIELDS)[number];

/** What the lock rule reads of a decision. */
export interface LockState {
  locked: boolean;
  decidedAt: string | null;
  title: string;
  rationale: string;
  fieldHlc: Record<string, string>;
}

/** How long text first written after the lock stays open to its writer: one sitting. */
export const FILL_SITTING_MS = 10 * 60 * 1000;

/**
 * Whether changing `field` now would rewrite what was decided. The lock guards written text
 * only: filling an empty field after `decided` is completing the record, not re-litigating it,
 * and whoever fills it may keep typing (and fix a typo) for the rest of that sitting. `writer`
 * is the HLC node of the device asking; without it any device's sitting counts.
 */
export function isFieldLocked(d: LockState, field: LockedField, now: number, writer?: string): boolean {
  if (!d.locked || !d[field].trim()) return false;
  const hlc = d.fieldHlc[field];
  const decidedAt = d.decidedAt ? Date.parse(d.decidedAt) : Number.NaN;
  if (!hlc || Number.isNaN(decidedAt)) return true;
  const last = decodeHlc(hlc);
  const filledAfterLock = last.ms > decidedAt;
  const sameSitting = now - last.ms < FILL_SITTING_MS;
  return !(filledAfterLock && sameSitting && (writer === undefined || last.node === writer));
}

/** The locked fields an edit would change: empty if the edit may go through. */
export function lockedRewrites(
  d: LockState,
  fields: Partial<Record<LockedField, unknown>>,
  now: number,
  writer?: string,
): LockedField[] {
  return LOCKED_FIELDS.filter((f) => f in fields && fields[f] !== d[f] && isFieldLocked(d, f, now, writer));
}

/** The order lists use: open first, then decided, then the settled rest. */
export function statusRank(status: Status): number {
  return { proposed: 0, revisiting: 0, decided: 1, rejected: 2, superseded: 2 }[status];
}
