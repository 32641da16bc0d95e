// Linear issues: the Assignee (and Creator) properties, activity authors and @mentions. Profile
// links are `/<org>/profiles/<username>`; the username is the handle.
import type { PagePart, PagePerson } from '../../core/page-people';
import { siteHandle } from '../../core/page-people';
import { labelledFields, nameOf, namesIn, ownPath, type PeopleReader, person } from './read';

const FIELDS: Record<string, PagePart> = {
  assignee: 'assignee',
  creator: 'reporter',
  'created by': 'reporter',
  reporter: 'reporter',
  approver: 'approver',
  reviewers: 'reviewer',
  reviewer: 'reviewer',
  subscribers: 'watcher',
};

function handleOf(el: Element, url: URL): string | null {
  const link = el.matches('a') ? el : el.querySelector('a[href*="/profiles/"]');
  const path = link ? ownPath(link, url) : null;
  const at = path?.indexOf('profiles') ?? -1;
  return path && at >= 0 && path[at + 1] ? siteHandle('linear', path[at + 1]!) : null;
}

function peopleIn(value: Element, part: PagePart, url: URL): PagePerson[] {
  const links = [...value.querySelectorAll('a[href*="/profiles/"]')];
  if (links.length) return links.map((l) => person(nameOf(l), part, handleOf(l, url)));
  return namesIn(value).map((n) => person(n, part));
}

export const readLinearPeople: PeopleReader = (doc, url) => {
  const out: PagePerson[] = [];
  for (const { part, value } of labelledFields(doc, FIELDS)) out.push(...peopleIn(value, part, url));
  for (const item of doc.querySelectorAll('.activity-item, [data-testid*="comment"]')) {
    const author = item.querySelector('.meta a[href*="/profiles/"], [data-testid*="author"]');
    if (author) out.push(person(nameOf(author), 'commenter', handleOf(author, url)));
    else {
      // "Priya Raman · 3d": the name before the dot.
      const meta = item.querySelector('.meta');
      const name = meta?.textContent?.split('·')[0];
      if (name?.trim()) out.push(person(name, 'commenter'));
    }
  }
  for (const mention of doc.querySelectorAll(
    '.ProseMirror a[href*="/profiles/"], .activity-item p a[href*="/profiles/"]',
  ))
    out.push(person(nameOf(mention), 'mentioned', handleOf(mention, url)));
  return out.filter((p) => p.name);
};
