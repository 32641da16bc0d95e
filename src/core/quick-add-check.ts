// What a quick-add line must satisfy before it is saved, and how a mention finds its person:
// pure rules, shared by the capture form (in a frame, without storage) and the repository.
import { canTransition } from './lifecycle';
import type { QuickAdd } from './quick-add';
import type { Stakeholder } from './schemas';

/** Why a parsed line cannot be saved as it is (beyond the parser's own errors), or null. */
export function quickAddProblem(draft: Pick<QuickAdd, 'mentions' | 'status'>): string | null {
  if (draft.status && draft.status !== 'proposed' && !canTransition('proposed', draft.status))
    return `A new decision cannot start as ${draft.status}: use !proposed, !decided or !rejected.`;
  if (draft.status === 'decided' && !draft.mentions.length)
    return '!decided needs an @owner: the one Accountable person.';
  return null;
}

/** The directory entry a mention names: the whole name, else a unique first name, ignoring case. */
export function matchMention<T extends Pick<Stakeholder, 'name' | 'deleted'>>(
  people: T[],
  name: string,
): T | undefined {
  const wanted = name.trim().toLowerCase();
  const live = people.filter((s) => !s.deleted);
  const whole = live.find((s) => s.name.trim().toLowerCase() === wanted);
  if (whole) return whole;
  const byFirst = live.filter((s) => s.name.trim().toLowerCase().split(/\s+/)[0] === wanted);
  return byFirst.length === 1 ? byFirst[0] : undefined;
}
