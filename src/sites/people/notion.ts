// Notion pages: person properties of database pages (Owner, Assignee, Approver, Reviewers…), user
// mentions in the text, and comment authors. Notion user ids (`data-user-id`) are the handle.
import type { PagePart, PagePerson } from '../../core/page-people';
import { siteHandle } from '../../core/page-people';
import { clean, labelledFields, namesIn, type PeopleReader, person } from './read';

const FIELDS: Record<string, PagePart> = {
  owner: 'assignee',
  assignee: 'assignee',
  'decision maker': 'approver',
  approver: 'approver',
  approvers: 'approver',
  reviewers: 'reviewer',
  reviewer: 'reviewer',
  'created by': 'reporter',
  stakeholders: 'participant',
};

const USER = '[data-user-id], .notion-user-mention, .notion-user-token';

function personOf(el: Element, part: PagePart): PagePerson {
  const id =
    el.getAttribute('data-user-id') ?? el.querySelector('[data-user-id]')?.getAttribute('data-user-id');
  return person(clean(el.textContent), part, id ? siteHandle('notion', id) : null);
}

export const readNotionPeople: PeopleReader = (doc) => {
  const out: PagePerson[] = [];
  for (const { part, value } of labelledFields(doc, FIELDS)) {
    const users = value.querySelectorAll(USER);
    if (users.length) for (const u of users) out.push(personOf(u, part));
    else out.push(...namesIn(value).map((n) => person(n, part)));
  }
  for (const user of doc.querySelectorAll(USER)) {
    if (user.closest('dd, td, [data-field-label] + *') || user.parentElement?.closest(USER)) continue;
    const part: PagePart = user.closest('.notion-discussion-comment-author, [data-testid*="comment-author"]')
      ? 'commenter'
      : 'mentioned';
    out.push(personOf(user, part));
  }
  return out.filter((p) => p.name);
};
