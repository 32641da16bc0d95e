// @vitest-environment happy-dom
// Title and root of every adapter against the fixture pages that reproduce each site's DOM.
import { describe, expect, it } from 'vitest';
import { pageKeyFor, siteFor } from '../../../src/sites';
import { fixturePages } from '../../fixtures/pages';
import { documentWithTitle, loadFixture } from './load-fixture';

interface Expectation {
  url: string;
  file: string;
  key: string;
  title: string;
  /** A selector the root must match. */
  root: string;
  /** Decision text that must be inside the root. */
  inside: string;
  /** Page text that must stay outside the root (navigation, board columns). */
  outside?: string;
}

const EXPECTED: Expectation[] = [
  {
    url: 'https://acme.atlassian.net/browse/ACME-7',
    file: 'jira-issue.html',
    key: 'jira:acme.atlassian.net:ACME-7',
    title: 'ACME-7 · Fix the login timeout during checkout',
    root: '[data-testid="issue.views.issue-details.issue-layout.issue-layout"]',
    inside: 'We decided to move session storage to Redis',
    outside: 'Software project',
  },
  {
    url: 'https://acme.atlassian.net/jira/software/projects/ACME/boards/1?selectedIssue=ACME-7',
    file: 'jira-board.html',
    key: 'jira:acme.atlassian.net:ACME-7',
    title: 'ACME-7 · Fix the login timeout during checkout',
    root: '[data-testid="issue.views.issue-details.issue-layout.compact-layout"]',
    inside: 'We decided to move session storage to Redis',
    outside: 'Measure checkout abandonment by step',
  },
  {
    url: 'https://acme.atlassian.net/wiki/spaces/ENG/pages/98765/Session+storage+decision+record',
    file: 'confluence-page.html',
    key: 'confluence:acme.atlassian.net:98765',
    title: 'Session storage decision record',
    root: '#content',
    inside: 'Approved from the security side',
    outside: 'Overview',
  },
  {
    url: 'https://github.com/acme/checkout/issues/12',
    file: 'github-issue.html',
    key: 'github:acme/checkout#12',
    title: 'acme/checkout#12 · Users are logged out when a deploy restarts the API pods',
    root: '#repo-content-turbo-frame',
    inside: 'We decided to move session storage to Redis and drop sticky sessions',
    outside: 'Pull requests 1',
  },
  {
    url: 'https://github.com/acme/checkout/pull/42/files',
    file: 'github-pr.html',
    key: 'github:acme/checkout#42',
    title: 'acme/checkout#42 · Move session storage to Redis',
    root: '#repo-content-turbo-frame',
    inside: 'We decided against a memory fallback',
  },
  {
    url: 'https://gitlab.com/acme/platform/checkout/-/merge_requests/7',
    file: 'gitlab-mr.html',
    key: 'gitlab:gitlab.com:acme/platform/checkout!7',
    title: 'acme/platform/checkout!7 · Move session storage to Redis',
    root: '#content-body',
    inside: 'we will not keep an in-memory fallback',
    outside: 'Acme / Platform / Checkout / Merge requests',
  },
  {
    url: 'https://linear.app/acme/issue/ENG-123/move-session-storage-to-redis',
    file: 'linear-issue.html',
    key: 'linear:ENG-123',
    title: 'ENG-123 · Move session storage to Redis',
    root: '[data-testid="issue-view"]',
    inside: 'Decision from today',
    outside: 'My issues',
  },
  {
    url: 'https://www.notion.so/acme/Session-storage-decision-0f3c2b7a9d4e4c1b8a6f5e2d1c0b9a87',
    file: 'notion-page.html',
    key: 'notion:0f3c2b7a9d4e4c1b8a6f5e2d1c0b9a87',
    title: 'Session storage decision',
    root: '.notion-frame',
    inside: 'We decided to move session storage to Redis',
    outside: 'Acme Engineering',
  },
  {
    url: 'https://docs.google.com/document/d/1aBcD3fGhIjKlMnOpQrStUvWxYz0123456789AbCdEf/edit',
    file: 'gdocs.html',
    key: 'gdocs:1aBcD3fGhIjKlMnOpQrStUvWxYz0123456789AbCdEf',
    title: 'Checkout session storage — decision memo',
    root: '.kix-appview-editor',
    inside: '',
    outside: 'Format',
  },
  {
    url: 'https://dev.azure.com/acme/Checkout%20Platform/_workitems/edit/4312',
    file: 'ado-workitem.html',
    key: 'ado:acme/checkout platform#4312',
    title: '#4312 · Move session storage to Redis before the holiday freeze',
    root: '.work-item-form',
    inside: 'We decided to ship the Redis session store before the freeze',
    outside: 'Backlogs',
  },
  {
    url: 'https://blog.example.com/2024/05/why-we-moved-sessions-to-redis?utm_source=newsletter&utm_medium=email',
    file: 'generic-article.html',
    key: 'url:https://blog.example.com/2024/05/why-we-moved-sessions-to-redis',
    title: 'Why we moved checkout sessions to Redis – Acme Engineering Blog',
    root: 'body',
    inside: 'We decided to move session storage to Redis',
  },
];

describe('adapters on the fixture pages', () => {
  it.each(EXPECTED)('$file at $url', ({ url, file, key, title, root, inside, outside }) => {
    const doc = loadFixture(file, url);
    const site = siteFor(url);
    expect(pageKeyFor(url)).toBe(key);
    expect(site.title(doc)).toBe(title);
    const element = site.root(doc);
    expect(element.matches(root)).toBe(true);
    expect(element.textContent).toContain(inside);
    if (outside) {
      expect(doc.body.textContent).toContain(outside);
      expect(element.textContent).not.toContain(outside);
    }
  });

  it('covers every fixture file', () => {
    const files = new Set(fixturePages.map((page) => page.file));
    expect(new Set(EXPECTED.map((entry) => entry.file))).toEqual(files);
  });

  it('reads the issue from the Jira side panel, not the board cards', () => {
    const doc = loadFixture(
      'jira-board.html',
      'https://acme.atlassian.net/jira/software/projects/ACME/boards/1',
    );
    const panel = doc.querySelector('[data-testid="issue.views.issue-details.issue-layout.compact-layout"]')!;
    const nine = (doc.getElementById('issue-ACME-9') as HTMLTemplateElement).content.firstElementChild!;
    panel.replaceWith(doc.importNode(nine, true));
    expect(siteFor(doc.URL).title(doc)).toBe('ACME-9 · Choose a Redis hosting option for session storage');
    expect(siteFor(doc.URL).root(doc).textContent).toContain('Platform agreed to use the managed service');
  });

  it('falls back to the board itself when no issue panel is open', () => {
    const doc = loadFixture(
      'jira-board.html',
      'https://acme.atlassian.net/jira/software/projects/ACME/boards/1',
    );
    doc.getElementById('issue-panel')!.remove();
    expect(siteFor(doc.URL).root(doc).matches('main')).toBe(true);
  });

  it('reads the peeked Notion page when a peek is open', () => {
    const url =
      'https://www.notion.so/acme/Session-storage-decision-0f3c2b7a9d4e4c1b8a6f5e2d1c0b9a87?p=6b1e9c4d2a7f4e3b9c8d1a2b3c4d5e6f&pm=s';
    const doc = loadFixture('notion-page.html', url);
    const template = doc.getElementById('peek-6b1e9c4d2a7f4e3b9c8d1a2b3c4d5e6f') as HTMLTemplateElement;
    doc.querySelector('.notion-overlay-container')!.append(doc.importNode(template.content, true));
    expect(pageKeyFor(url)).toBe('notion:6b1e9c4d2a7f4e3b9c8d1a2b3c4d5e6f');
    expect(siteFor(url).title(doc)).toBe('Rate limiting for the login API');
    expect(siteFor(url).root(doc).matches('.notion-peek-renderer')).toBe(true);
  });

  it('keeps the Notion root when the editor replaces its blocks', () => {
    const doc = loadFixture('notion-page.html', EXPECTED[7]!.url);
    const root = siteFor(doc.URL).root(doc);
    for (const block of doc.querySelectorAll('.notion-page-content > [data-block-id]')) {
      block.replaceWith(block.cloneNode(true));
    }
    expect(siteFor(doc.URL).root(doc)).toBe(root);
  });

  it('uses the body when a site has not rendered its container yet', () => {
    const doc = documentWithTitle('Jira', 'https://acme.atlassian.net/browse/ACME-7');
    expect(siteFor(doc.URL).root(doc)).toBe(doc.body);
  });
});

describe('titles from the tab when the DOM has no heading yet', () => {
  it.each([
    [
      'https://acme.atlassian.net/browse/ACME-7',
      '[ACME-7] Fix the login timeout - Jira',
      'ACME-7 · Fix the login timeout',
    ],
    [
      'https://acme.atlassian.net/jira/your-work',
      '[OPS-12] Rotate the on-call - ACME Jira',
      'OPS-12 · Rotate the on-call',
    ],
    [
      'https://acme.atlassian.net/wiki/spaces/ENG/pages/98765',
      'Session storage - Redis - Engineering - Confluence',
      'Session storage - Redis',
    ],
    [
      'https://github.com/acme/checkout/issues/12',
      'Users are logged out · Issue #12 · acme/checkout · GitHub',
      'acme/checkout#12 · Users are logged out',
    ],
    [
      'https://github.com/',
      'Move session storage to Redis by marco-bianchi · Pull Request #42 · acme/checkout · GitHub',
      'acme/checkout#42 · Move session storage to Redis',
    ],
    [
      'https://github.com/',
      'Session TTL · acme/checkout · Discussion #34 · GitHub',
      'acme/checkout#34 · Session TTL',
    ],
    [
      'https://gitlab.com/acme/platform/checkout/-/issues/5',
      'Sessions lost on deploy (#5) · Issues · Acme / Platform / Checkout · GitLab',
      'acme/platform/checkout#5 · Sessions lost on deploy',
    ],
    [
      'https://linear.app/acme/issue/ENG-123',
      'ENG-123 Move session storage to Redis',
      'ENG-123 · Move session storage to Redis',
    ],
    [
      'https://acme.notion.site/Page-0f3c2b7a9d4e4c1b8a6f5e2d1c0b9a87',
      'Session storage decision | Notion',
      'Session storage decision',
    ],
    [
      'https://docs.google.com/document/d/1aBcD3fGhIjKlMnOpQrStUvWxYz0123456789AbCdEf/edit',
      'Decision memo - Google Docs',
      'Decision memo',
    ],
    [
      'https://dev.azure.com/acme/Checkout%20Platform/_workitems/edit/4312',
      'Bug 4312: Sessions lost on deploy - Boards',
      '#4312 · Sessions lost on deploy',
    ],
    ['https://blog.example.com/post', '  Why   Redis  ', 'Why Redis'],
  ])('%s titled %j reads %j', (url, tab, expected) => {
    expect(siteFor(url).title(documentWithTitle(tab, url))).toBe(expected);
  });
});
