// What the filter controls offer: the sites, pages, tags, people and functions present in the
// log, each with how many decisions carry it, and readable names for the sites.
import type { Stakeholder } from '../schemas';
import { siteName } from '../site-names';
import type { LogEntry, PageRef } from './entries';

export const siteLabel = siteName;

export interface Facet<T> {
  value: T;
  count: number;
}

export interface LogFacets {
  sites: Facet<string>[];
  pages: Facet<PageRef>[];
  tags: Facet<string>[];
  people: Facet<Stakeholder>[];
  functions: Facet<string>[];
}

function count<K, T>(map: Map<K, Facet<T>>, key: K, value: T) {
  const f = map.get(key);
  if (f) f.count += 1;
  else map.set(key, { value, count: 1 });
}

/** The facets of all entries, each list alphabetical (by label) so a control is easy to scan. */
export function logFacets(entries: readonly LogEntry[]): LogFacets {
  const sites = new Map<string, Facet<string>>();
  const pages = new Map<string, Facet<PageRef>>();
  const tags = new Map<string, Facet<string>>();
  const people = new Map<string, Facet<Stakeholder>>();
  const functions = new Map<string, Facet<string>>();
  for (const e of entries) {
    for (const s of new Set(e.pages.map((p) => p.site))) count(sites, s, s);
    for (const p of e.pages) count(pages, p.pageKey, p);
    for (const t of new Set(e.decision.tags)) count(tags, t, t);
    const persons = new Map(e.roles.map((r) => [r.person.id, r.person]));
    for (const p of persons.values()) count(people, p.id, p);
    for (const f of new Set([...persons.values()].map((p) => p.function).filter(Boolean)))
      count(functions, f, f);
  }
  const by =
    <T>(label: (v: T) => string) =>
    (a: Facet<T>, b: Facet<T>) =>
      label(a.value).localeCompare(label(b.value));
  return {
    sites: [...sites.values()].sort(by(siteLabel)),
    pages: [...pages.values()].sort(by((p) => p.title)),
    tags: [...tags.values()].sort(by((t) => t)),
    people: [...people.values()].sort(by((p) => p.name)),
    functions: [...functions.values()].sort(by((f) => f)),
  };
}
