// The people a page names (assignee, reviewers, commenters…), as site readers find them, and the
// RACI role each suggests. Pure: readers in src/sites/people produce these, the sidebar offers them.
import type { Raci } from './schemas';

/** What a person is on the page, as the site shows it. */
export const PAGE_PARTS = [
  'approver',
  'assignee',
  'author',
  'reviewer',
  'reporter',
  'commenter',
  'mentioned',
  'watcher',
  'participant',
] as const;
export type PagePart = (typeof PAGE_PARTS)[number];

/** One person named on a page. */
export interface PagePerson {
  /** The name the page shows (a login when the page shows nothing else). */
  name: string;
  /** Site handle, `<site>:<login>` (see `siteHandle`), or null where the page shows none. */
  handle: string | null;
  email: string | null;
  /** Every part they have on the page, strongest first. */
  parts: PagePart[];
}

/**
 * The role each part suggests: the approver is Accountable, whoever does the work (assignee, a
 * PR's author) Responsible, reviewers and the reporter Consulted, everyone else Informed.
 */
export const PART_ROLE: Record<PagePart, Raci> = {
  approver: 'A',
  assignee: 'R',
  author: 'R',
  reviewer: 'C',
  reporter: 'C',
  commenter: 'I',
  mentioned: 'I',
  watcher: 'I',
  participant: 'I',
};

const STRENGTH: Record<Raci, number> = { A: 0, R: 1, C: 2, I: 3 };
const PART_ORDER = new Map<PagePart, number>(PAGE_PARTS.map((p, i) => [p, i]));

/** The strongest role any of a person's parts suggests (A > R > C > I); I for none. */
export function suggestedRole(parts: readonly PagePart[]): Raci {
  let best: Raci = 'I';
  for (const part of parts) if (STRENGTH[PART_ROLE[part]] < STRENGTH[best]) best = PART_ROLE[part];
  return best;
}

/**
 * A site handle: `github:alice`. Logins are compared lower case (GitHub, GitLab and Linear
 * ignore case). Atlassian account ids are shared by Jira and Confluence, so both use `atlassian:`.
 * A self-hosted instance keeps its host, `gitlab:alice@git.corp.example`, so two instances'
 * "alice" stay two people.
 */
export function siteHandle(site: string, login: string, host?: string): string | null {
  const id = login.trim().replace(/^@/, '').toLowerCase();
  if (!id || /\s/.test(id) || id.length > 200) return null;
  return host ? `${site}:${id}@${host.toLowerCase()}` : `${site}:${id}`;
}

/** The handles a stakeholder's `handle` field holds (space separated, see schemas.ts). */
export function handlesOf(field: string | null | undefined): string[] {
  return (field ?? '').split(/\s+/).filter(Boolean);
}

/** The field with `handle` added (unchanged when already there). */
export function withHandle(field: string | null | undefined, handle: string): string {
  const list = handlesOf(field);
  return list.includes(handle) ? list.join(' ') : [...list, handle].join(' ');
}

/** The site part of a handle: `github` of `github:alice`. */
export const handleSite = (handle: string): string => handle.slice(0, handle.indexOf(':'));

const normName = (name: string) => name.replace(/\s+/g, ' ').trim().toLowerCase();
const normEmail = (email: string | null) => (email ? email.trim().toLowerCase() : '');

/**
 * One entry per person: entries with the same handle or email, or — when neither entry has a
 * handle or email that tells them apart — the same name, are one person with every part they
 * have. A page often names someone twice: by login in a comment header and by full name in the
 * sidebar; the entry with a handle gives its name to the merged one only when it had none better.
 */
export function mergePagePeople(found: readonly PagePerson[]): PagePerson[] {
  const out: PagePerson[] = [];
  for (const raw of found) {
    const name = raw.name.replace(/\s+/g, ' ').trim();
    if (!name) continue;
    const person: PagePerson = { ...raw, name, email: normEmail(raw.email) || null };
    const same = out.find((p) => samePerson(p, person));
    if (!same) {
      out.push({ ...person, parts: [...new Set(person.parts)] });
      continue;
    }
    same.handle ??= person.handle;
    same.email ??= person.email;
    // A login as name (no space, equals the handle's id) gives way to a full name.
    if (looksLikeLogin(same) && !looksLikeLogin(person)) same.name = person.name;
    same.parts = [...new Set([...same.parts, ...person.parts])];
  }
  for (const p of out) p.parts.sort((a, b) => PART_ORDER.get(a)! - PART_ORDER.get(b)!);
  return out;
}

function samePerson(a: PagePerson, b: PagePerson): boolean {
  if (a.handle && b.handle) return a.handle === b.handle;
  if (a.email && b.email) return a.email === b.email;
  return normName(a.name) === normName(b.name) || (!!a.handle && loginOf(a.handle) === normName(b.name));
}

const loginOf = (handle: string) => handle.slice(handle.indexOf(':') + 1).replace(/@.*$/, '');
const looksLikeLogin = (p: PagePerson) => !!p.handle && normName(p.name) === loginOf(p.handle);

/** Page people in the order the sidebar offers them: strongest suggestion first, then by name. */
export function orderPagePeople(people: readonly PagePerson[]): PagePerson[] {
  return [...people].sort(
    (a, b) =>
      STRENGTH[suggestedRole(a.parts)] - STRENGTH[suggestedRole(b.parts)] || a.name.localeCompare(b.name),
  );
}
