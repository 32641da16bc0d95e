// The people reader of each site (keyed like the page adapters), and the one function the
// on-demand module runs: read, merge one entry per person, strongest suggestion first.
import { mergePagePeople, orderPagePeople, type PagePerson } from '../../core/page-people';
import type { SiteId } from '../types';
import { readConfluencePeople } from './confluence';
import { readGenericPeople } from './generic';
import { readGitHubPeople } from './github';
import { readGitLabPeople } from './gitlab';
import { readJiraPeople } from './jira';
import { readLinearPeople } from './linear';
import { readNotionPeople } from './notion';
import type { PeopleReader } from './read';

export const PEOPLE_READERS: Partial<Record<SiteId, PeopleReader>> = {
  github: readGitHubPeople,
  gitlab: readGitLabPeople,
  jira: readJiraPeople,
  confluence: readConfluencePeople,
  linear: readLinearPeople,
  notion: readNotionPeople,
};

/** At most this many people: a page with hundreds of commenters needs the first ones, not all. */
export const MAX_PAGE_PEOPLE = 100;

/** The people `doc` names, for a page of `site` (the generic reader where a site has none). */
export function readPeople(doc: Document, site: string): PagePerson[] {
  let url: URL;
  try {
    url = new URL(doc.URL);
  } catch {
    return [];
  }
  const reader = PEOPLE_READERS[site as SiteId] ?? readGenericPeople;
  return orderPagePeople(mergePagePeople(reader(doc, url))).slice(0, MAX_PAGE_PEOPLE);
}
