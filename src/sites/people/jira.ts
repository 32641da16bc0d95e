// Jira issues: the Assignee, Reporter and approver fields, watchers when the page lists them,
// comment authors and @mentions. Fields are read by their data-testid where Jira sets one and by
// their label otherwise (Jira Data Center, older layouts).
import type { PagePart, PagePerson } from '../../core/page-people';
import { atlassianHandle, atlassianName } from './atlassian';
import { labelledFields, namesIn, type PeopleReader, person } from './read';

const FIELD_PARTS: Record<string, PagePart> = {
  assignee: 'assignee',
  reporter: 'reporter',
  approver: 'approver',
  approvers: 'approver',
  reviewer: 'reviewer',
  reviewers: 'reviewer',
  watchers: 'watcher',
  watcher: 'watcher',
};

const USER_ELEMENT = '[data-account-id], [data-user-id], a[href*="/people/"]';

/** The people a user field's value names: user elements with their account ids, else plain names. */
function peopleIn(value: Element, part: PagePart): PagePerson[] {
  const users = [...value.querySelectorAll(USER_ELEMENT)].filter(
    (u) => !u.parentElement?.closest(USER_ELEMENT),
  );
  if (users.length)
    return users.map((u) => person(atlassianName(u), part, atlassianHandle(u))).filter((p) => p.name);
  if (value.matches(USER_ELEMENT)) return [person(atlassianName(value), part, atlassianHandle(value))];
  return namesIn(value).map((name) => person(name, part));
}

export const readJiraPeople: PeopleReader = (doc) => {
  const out: PagePerson[] = [];
  const taken = new Set<Element>();
  // `issue.views.field.user.assignee`, `…user.reporter`, `…user.customfield_10003` (labelled).
  for (const field of doc.querySelectorAll('[data-testid^="issue.views.field.user."]')) {
    const key = field.getAttribute('data-testid')!.slice('issue.views.field.user.'.length);
    if (key.includes('.')) continue;
    const label =
      field.getAttribute('aria-label') ??
      field.closest('[data-field-label]')?.getAttribute('data-field-label') ??
      key;
    const part = FIELD_PARTS[key] ?? FIELD_PARTS[label.trim().toLowerCase()];
    if (!part) continue;
    taken.add(field);
    out.push(...peopleIn(field, part));
  }
  for (const { part, value } of labelledFields(doc, FIELD_PARTS)) {
    if ([...taken].some((t) => value.contains(t) || t.contains(value))) continue;
    out.push(...peopleIn(value, part));
  }
  for (const list of doc.querySelectorAll('[data-testid*="watchers-list"], [data-testid*="watchers.list"]'))
    out.push(...peopleIn(list, 'watcher'));
  for (const comment of doc.querySelectorAll(
    '[data-testid^="comment-base-item"], [data-testid*="comment.ak-comment"]',
  )) {
    const author = comment.querySelector('[data-testid*="author"], .meta a, .meta strong');
    if (author) out.push(person(atlassianName(author), 'commenter', atlassianHandle(author)));
  }
  for (const mention of doc.querySelectorAll('[data-mention-id]'))
    out.push(person(atlassianName(mention), 'mentioned', atlassianHandle(mention)));
  return out.filter((p) => p.name);
};
