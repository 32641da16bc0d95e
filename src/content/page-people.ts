// The page's people (assignee, reviewers, commenters…) read on demand: a module of its own so the
// readers of every site cost the content script nothing (see vite.config.ts). The result goes to
// the background, which validates it and hands it only to our sidebar frame.
import type { PagePerson } from '../core/page-people';
import { readPeople } from '../sites/people/index';

export function readPagePeople(site: string): PagePerson[] {
  return readPeople(document, site);
}
