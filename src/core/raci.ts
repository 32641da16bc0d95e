// RACI and stance summaries used by cards, the log and exports.
import type { Role, Stance } from './schemas';

export type Alignment = Record<Stance, number>;

/** How many stakeholders support, have concerns, oppose, committed or are unknown. */
export function alignmentOf(roles: Pick<Role, 'stance' | 'deleted'>[]): Alignment {
  const out: Alignment = { supports: 0, concerns: 0, opposes: 0, committed: 0, unknown: 0 };
  for (const r of roles) if (!r.deleted) out[r.stance] += 1;
  return out;
}

export const STANCE_LABELS: Record<Stance, string> = {
  unknown: 'Unknown',
  supports: 'Supports',
  concerns: 'Has concerns',
  opposes: 'Opposes',
  committed: 'Disagree and commit',
};

export const RACI_LABELS = { R: 'Responsible', A: 'Accountable', C: 'Consulted', I: 'Informed' } as const;

/** The live Accountable role of a decision, if exactly one exists. */
export function accountableOf<T extends Pick<Role, 'raci' | 'deleted'>>(roles: T[]): T | undefined {
  const as = roles.filter((r) => !r.deleted && r.raci === 'A');
  return as.length === 1 ? as[0] : undefined;
}
