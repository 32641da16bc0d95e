// GitLab issues and merge requests: user links carry `data-username`; their part comes from the
// block they sit in (assignees, reviewers, approvals), the header (author), note headers
// (commenters) or note text (mentions).
import type { PagePart, PagePerson } from '../../core/page-people';
import { siteHandle } from '../../core/page-people';
import { clean, nameOf, type PeopleReader, person } from './read';

const USER = 'a[data-username], [data-user][data-reference-type="user"], a.gfm-project_member';

function partOf(link: Element, mr: boolean): PagePart {
  if (link.closest('.approved-by-users, [data-testid*="approv"], .js-mr-approvals')) return 'approver';
  if (link.closest('.reviewer, [data-testid*="reviewer"], .js-reviewer-block')) return 'reviewer';
  if (link.closest('.assignee, [data-testid*="assignee"], .js-assignee-block')) return 'assignee';
  if (link.closest('.detail-page-header, .issuable-meta, [data-testid*="author"]'))
    return mr ? 'author' : 'reporter';
  if (link.closest('.note-text, .description, .md')) return 'mentioned';
  if (link.closest('.note-header, .note')) return 'commenter';
  return 'participant';
}

export const readGitLabPeople: PeopleReader = (doc, url) => {
  const mr = url.pathname.includes('/-/merge_requests/');
  const host = url.host === 'gitlab.com' ? undefined : url.host;
  const out: PagePerson[] = [];
  for (const link of doc.querySelectorAll(USER)) {
    if (link.closest('template')) continue;
    const login = link.getAttribute('data-username') ?? clean(link.textContent);
    const handle = siteHandle('gitlab', login, host);
    if (!handle || login === 'all') continue;
    // A user link shows the full name (`.author`, the link text) or, for mentions, "@login".
    const shown = clean(link.querySelector('.author, .author-name')?.textContent) || nameOf(link);
    out.push(person(shown || login, partOf(link, mr), handle));
  }
  return out;
};
