// Matching people against the stakeholder directory: typed names (the picker, quick add's preview)
// and the people a page names (the RACI editor's suggestions).
import { handleSite, handlesOf, type PagePerson, withHandle } from '../core/page-people';
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

/**
 * How a person named on the page matches the directory: by email, then by handle — both sure —
 * or by name alone, which is only a suggestion the person confirms (two people can share a
 * name). A name match is refused when the entry's email or same-site handle says it is someone else.
 */
export type PageMatch =
  | { kind: 'email' | 'handle'; stakeholder: Stakeholder }
  | { kind: 'name'; stakeholder: Stakeholder }
  | { kind: 'new' };

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
/** `github`, or `gitlab@git.corp.example`: the namespace a handle's id lives in. */
const namespaceOf = (handle: string) => `${handleSite(handle)}@${handle.split('@')[1] ?? ''}`;

export function matchPagePerson(directory: Stakeholder[], person: PagePerson): PageMatch {
  const email = norm(person.email);
  if (email) {
    const byEmail = directory.find((s) => norm(s.email) === email);
    if (byEmail) return { kind: 'email', stakeholder: byEmail };
  }
  if (person.handle) {
    const byHandle = directory.find((s) => handlesOf(s.handle).includes(person.handle!));
    if (byHandle) return { kind: 'handle', stakeholder: byHandle };
  }
  const name = norm(person.name);
  const byName = directory.find((s) => {
    if (norm(s.name) !== name) return false;
    if (email && s.email && norm(s.email) !== email) return false;
    const space = person.handle ? namespaceOf(person.handle) : null;
    return !space || !handlesOf(s.handle).some((h) => namespaceOf(h) === space);
  });
  return byName ? { kind: 'name', stakeholder: byName } : { kind: 'new' };
}

/**
 * What accepting a page person writes on the stakeholder they matched: their handle (so the
 * next page recognises them) and their email when the entry has none. Null when nothing is new.
 */
export function recognitionPatch(
  stakeholder: Stakeholder,
  person: PagePerson,
): { handle?: string; email?: string } | null {
  const patch: { handle?: string; email?: string } = {};
  if (person.handle && !handlesOf(stakeholder.handle).includes(person.handle))
    patch.handle = withHandle(stakeholder.handle, person.handle);
  if (person.email && !stakeholder.email) patch.email = person.email;
  return Object.keys(patch).length ? patch : null;
}

/** A new stakeholder's fields for a page person. */
export function newStakeholderFor(person: PagePerson): {
  name: string;
  email: string | null;
  handle?: string;
} {
  return { name: person.name, email: person.email, ...(person.handle ? { handle: person.handle } : {}) };
}
