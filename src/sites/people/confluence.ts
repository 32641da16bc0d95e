// Confluence pages: the byline's owner or author, contributors, comment authors and @mentions
// (`a.confluence-userlink`, `[data-mention-id]`), each with their Atlassian account id.
import type { PagePerson } from '../../core/page-people';
import { atlassianHandle, atlassianName } from './atlassian';
import { type PeopleReader, person } from './read';

const USER = '[data-account-id], [data-mention-id], a[href*="/people/"], a.confluence-userlink';

export const readConfluencePeople: PeopleReader = (doc) => {
  const out: PagePerson[] = [];
  for (const user of doc.querySelectorAll(USER)) {
    if (user.parentElement?.closest(USER)) continue;
    const name = atlassianName(user);
    if (!name) continue;
    const handle = atlassianHandle(user);
    if (user.closest('.page-metadata, [data-testid*="byline"], .author')) {
      const approver = /\bapprov/i.test(
        user.closest('[data-testid*="approv"], .approvers')?.textContent ?? '',
      );
      out.push(person(name, approver ? 'approver' : 'author', handle));
    } else if (user.closest('[data-testid*="approv"], .approvers'))
      out.push(person(name, 'approver', handle));
    else if (user.closest('.comment .meta, .comment-header, [data-testid*="comment-author"]'))
      out.push(person(name, 'commenter', handle));
    else if (user.closest('#main-content, .wiki-content, .ak-renderer-document, .comment'))
      out.push(person(name, 'mentioned', handle));
    else out.push(person(name, 'participant', handle));
  }
  return out;
};
