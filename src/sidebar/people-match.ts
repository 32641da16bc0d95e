// Matching typed names against the stakeholder directory, for the picker and quick add's preview.
import type { Stakeholder } from '../core/schemas';

/** Directory entries matching `query` (name, email or function): exact name, then prefix, then the rest. */
export function matchPeople(people: Stakeholder[], query: string, limit = 8): Stakeholder[] {
  const q = query.trim().toLowerCase();
  if (!q) return people.slice(0, limit);
  const score = (s: Stakeholder) => {
    const name = s.name.toLowerCase();
    if (name === q) return 0;
    if (name.startsWith(q) || name.split(/\s+/).some((w) => w.startsWith(q))) return 1;
    if (name.includes(q) || (s.email ?? '').toLowerCase().includes(q) || s.function.toLowerCase().includes(q))
      return 2;
    return 3;
  };
  return people
    .map((s) => ({ s, rank: score(s) }))
    .filter((x) => x.rank < 3)
    .sort((a, b) => a.rank - b.rank || a.s.name.localeCompare(b.s.name))
    .slice(0, limit)
    .map((x) => x.s);
}

export const hasExactName = (people: Stakeholder[], name: string): boolean =>
  people.some((s) => s.name.trim().toLowerCase() === name.trim().toLowerCase());
