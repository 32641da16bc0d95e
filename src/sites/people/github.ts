// GitHub issues, pull requests and repository pages. People are user links (`data-hovercard-type
// ="user"`, `a.author`, `a.user-mention`); their part comes from where the link sits: the header's
// author, the sidebar's Reviewers and Assignees, a review that "approved these changes", comment
// headers, mentions in comment bodies, everyone else in the content frame.
import { type PagePart, type PagePerson, siteHandle } from '../../core/page-people';
import { clean, nameOf, type PeopleReader, person } from './read';

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
// Paths that look like a login but are GitHub's own pages.
const RESERVED = new Set([
  'orgs',
  'settings',
  'notifications',
  'login',
  'apps',
  'features',
  'marketplace',
  'sponsors',
  'topics',
  'search',
  'pulls',
  'issues',
  'explore',
  'about',
  'pricing',
  'enterprise',
  'team',
]);
const USER = '[data-hovercard-type="user"], a.author, a.user-mention, a.assignee';
// Not people of the thread: the viewer's own avatar by the new-comment box, reviewers GitHub only
// suggests, and markup kept for other tabs.
const NOT_PEOPLE =
  'template, #issue-comment-box, .js-new-comment-form, .timeline-new-comment, .js-suggested-reviewers, .js-suggested-reviewer, [data-testid="suggested-reviewers"]';

/** The login a user link names: its hovercard URL, else its href (`/alice`, `https://github.com/alice`). */
function loginOf(link: Element): string | null {
  const card = /^\/users\/([^/]+)\/hovercard/.exec(link.getAttribute('data-hovercard-url') ?? '')?.[1];
  if (card && LOGIN.test(card)) return card;
  const href = link.getAttribute('href') ?? '';
  const path = /^(?:https:\/\/github\.com)?\/([^/?#]+)\/?(?:[?#].*)?$/.exec(href)?.[1];
  if (path && LOGIN.test(path) && !RESERVED.has(path.toLowerCase())) return path;
  const text = clean(link.textContent);
  return link.matches('a.user-mention, a.author') && LOGIN.test(text) ? text : null;
}

/**
 * The name shown with a login: contributor lists put the full name in a muted span beside the
 * bold login; elsewhere GitHub shows only the login.
 */
function displayName(link: Element, login: string): string {
  const row = link.closest('li');
  const full = row?.querySelector('.color-fg-muted');
  const fullName = clean(full?.textContent);
  if (fullName && !fullName.includes('/') && fullName.length < 80) return fullName;
  return login;
}

function partOf(link: Element, pull: boolean): PagePart {
  // The header's "alice wants to merge", and the opening post's header (the issue body).
  const opener =
    link.closest('[data-testid="issue-body"]') &&
    link.closest('.timeline-comment-header, [data-testid="comment-header"]');
  if (opener || link.closest('.gh-header-meta, [data-testid="issue-body-header-author"], .gh-header'))
    return pull ? 'author' : 'reporter';
  const section = link.closest('.discussion-sidebar-item, [data-testid="sidebar-section"]');
  if (section) {
    const heading = clean(
      section.querySelector('.discussion-sidebar-heading, h3, h2')?.textContent,
    ).toLowerCase();
    if (heading.startsWith('reviewer'))
      return approvedIn(link.closest('p, li, .d-flex') ?? link) ? 'approver' : 'reviewer';
    if (heading.startsWith('assignee')) return 'assignee';
    if (heading.includes('participant')) return 'participant';
  }
  const review = link.closest('.TimelineItem, .js-timeline-item, .timeline-comment');
  if (
    review &&
    link.matches('a.author') &&
    /\bapproved these changes\b/i.test(
      clean(review.querySelector('.TimelineItem-body, .timeline-comment-header')?.textContent),
    )
  )
    return 'approver';
  if (link.matches('a.user-mention') && link.closest('.markdown-body, .comment-body')) return 'mentioned';
  if (link.closest('.timeline-comment-header, .TimelineItem, [data-testid="comment-header"]'))
    return 'commenter';
  if (link.closest('[rel~="author"], [itemprop~="author"]') || link.matches('[rel~="author"]'))
    return 'author';
  return 'participant';
}

/** A reviewer row whose status icon or text says they approved. */
function approvedIn(row: Element): boolean {
  for (const el of [row, ...row.querySelectorAll('[aria-label], [title]')]) {
    const label = `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`;
    if (/\bapproved\b/i.test(label)) return true;
  }
  return false;
}

export const readGitHubPeople: PeopleReader = (doc, url) => {
  const pull = /^\/[^/]+\/[^/]+\/pulls?\//.test(url.pathname);
  const scope =
    doc.querySelector(
      '#repo-content-turbo-frame, #repo-content-pjax-container, #js-repo-pjax-container, main',
    ) ?? doc.body;
  if (!scope) return [];
  const out: PagePerson[] = [];
  for (const link of scope.querySelectorAll(USER)) {
    // Commit authors of a commit list are not people of the thread.
    if (link.matches('.commit-author') || link.closest(NOT_PEOPLE)) continue;
    const login = loginOf(link);
    if (!login) continue;
    const handle = siteHandle('github', login);
    if (!handle) continue;
    out.push(person(displayName(link, login) || nameOf(link), partOf(link, pull), handle));
  }
  return out;
};
