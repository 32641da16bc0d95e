// @vitest-environment happy-dom
// The people each site's reader finds on its fixture page (and on a real GitHub page): names,
// handles and emails, every part they have, one entry per person, strongest suggestion first.
import { readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeUrl } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type PagePerson, suggestedRole } from '../../../src/core/page-people';
import { MAX_PAGE_PEOPLE, readPeople } from '../../../src/sites/people/index';
import { loadFixture } from './load-fixture';

/** One line per person: name, handle, email, parts and the role they suggest. */
const lines = (people: PagePerson[]) =>
  people.map((p) =>
    [p.name, p.handle ?? '-', p.email ?? '-', p.parts.join('+'), suggestedRole(p.parts)].join(' | '),
  );

const read = (file: string, url: string, site: string) => readPeople(loadFixture(file, url), site);

describe('people on site pages', () => {
  it('GitHub PR: the approving reviewer, the author and assignee, a reviewer, a mention', () => {
    expect(lines(read('github-pr.html', 'https://github.com/acme/checkout/pull/42', 'github'))).toEqual([
      'dana-okafor | github:dana-okafor | - | approver | A',
      'marco-bianchi | github:marco-bianchi | - | assignee+author+commenter | R',
      'priya-raman | github:priya-raman | - | reviewer+commenter | C',
      'lena-vogel | github:lena-vogel | - | mentioned | I',
    ]);
  });

  it('GitHub issue: whoever opened it is its reporter, commenters are informed', () => {
    expect(lines(read('github-issue.html', 'https://github.com/acme/checkout/issues/12', 'github'))).toEqual([
      'priya-raman | github:priya-raman | - | reporter | C',
      'dana-okafor | github:dana-okafor | - | commenter | I',
      'marco-bianchi | github:marco-bianchi | - | commenter | I',
    ]);
  });

  it('Jira: assignee, reporter, the Approvers field, watchers, comment authors and mentions, by account id', () => {
    expect(lines(read('jira-issue.html', 'https://acme.atlassian.net/browse/ACME-7', 'jira'))).toEqual([
      'Dana Okafor | atlassian:5d9f1e2a3b4c5d6e7f8a9b0c | - | approver+commenter | A',
      'Marco Bianchi | atlassian:5b10ac8d82e05b22cc7d4ef5 | - | assignee+commenter | R',
      'Priya Raman | atlassian:557058:0f7a2c1e-4b3d-4e6f-9a8b-1c2d3e4f5a6b | - | reporter+commenter+watcher | C',
      'Lena Vogel | atlassian:6001a2b3c4d5e6f7a8b9c0d1 | - | mentioned+watcher | I',
    ]);
  });

  it('GitLab MR: approvals, reviewers, assignee and author from their blocks; note authors comment', () => {
    expect(
      lines(read('gitlab-mr.html', 'https://gitlab.com/acme/platform/checkout/-/merge_requests/7', 'gitlab')),
    ).toEqual([
      'Dana Okafor | gitlab:dana | - | approver+reviewer+commenter | A',
      'Marco Bianchi | gitlab:marco | - | assignee+author+commenter | R',
      'Lena Vogel | gitlab:lena | - | commenter | I',
      'Priya Raman | gitlab:priya | - | commenter | I',
    ]);
  });

  it('GitLab on a self-managed host keeps the host in the handle', () => {
    const people = read(
      'gitlab-mr.html',
      'https://git.corp.example/acme/checkout/-/merge_requests/7',
      'gitlab',
    );
    expect(people.map((p) => p.handle)).toContain('gitlab:dana@git.corp.example');
  });

  it('Confluence: the owner, comment authors and a mention in the page', () => {
    expect(
      lines(
        read('confluence-page.html', 'https://acme.atlassian.net/wiki/spaces/ENG/pages/98765', 'confluence'),
      ),
    ).toEqual([
      'Marco Bianchi | atlassian:5b10ac8d82e05b22cc7d4ef5 | - | author | R',
      'Dana Okafor | atlassian:5d9f1e2a3b4c5d6e7f8a9b0c | - | commenter | I',
      'Lena Vogel | atlassian:6001a2b3c4d5e6f7a8b9c0d1 | - | commenter | I',
      'Priya Raman | atlassian:557058:0f7a2c1e-4b3d-4e6f-9a8b-1c2d3e4f5a6b | - | mentioned | I',
    ]);
  });

  it('Linear: assignee and creator properties with profile handles, activity authors by name', () => {
    expect(lines(read('linear-issue.html', 'https://linear.app/acme/issue/ENG-123', 'linear'))).toEqual([
      'Marco Bianchi | linear:marco | - | assignee+commenter | R',
      'Priya Raman | linear:priya | - | reporter+commenter | C',
      'Lena Vogel | - | - | commenter | I',
    ]);
  });

  it('Notion: person properties with user ids', () => {
    const url = 'https://www.notion.so/acme/Session-storage-decision-0f3c2b7a9d4e4c1b8a6f5e2d1c0b9a87';
    expect(lines(read('notion-page.html', url, 'notion'))).toEqual([
      'Tomas Ferreira | notion:1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9 | - | approver | A',
      'Marco Bianchi | notion:8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d | - | assignee | R',
      'Dana Okafor | notion:2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d | - | reviewer | C',
      'Priya Raman | notion:3b4c5d6e-7f8a-4b9c-8d1e-2f3a4b5c6d7e | - | reviewer | C',
    ]);
  });

  it('any page: rel=author, mailto links and @mentions (not addresses in the text), handles carrying the host', () => {
    const url = 'https://blog.example.com/2024/05/why-we-moved-sessions-to-redis';
    expect(lines(read('generic-article.html', url, 'generic'))).toEqual([
      'Marco Bianchi | - | - | author | R',
      'acme-sre | web:acme-sre@blog.example.com | - | mentioned | I',
      'marco-b | web:marco-b@blog.example.com | - | mentioned | I',
      'Sam K. | - | sam.k@example.org | participant | I',
    ]);
  });

  it('a page with nobody on it gives nobody', () => {
    expect(
      read(
        'gdocs.html',
        'https://docs.google.com/document/d/1aBcD3fGhIjKlMnOpQrStUvWxYz0123456789AbCdEf/edit',
        'gdocs',
      ),
    ).toEqual([]);
  });
});

describe('people on a real GitHub page (test/fixtures/real-pages/github.com.html)', () => {
  const html = readFileSync(
    fileURLToPath(new NodeUrl('../../fixtures/real-pages/github.com.html', import.meta.url)),
    'utf8',
  ).replace(/<link\b[^>]*>|<script\b[\s\S]*?<\/script>|<iframe\b[\s\S]*?<\/iframe>/gi, '');

  it("finds the repository's owner and its contributors with their full names", () => {
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(
      'https://github.com/steventroughtonsmith/marzipanify',
    );
    document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>|<\/html>[\s\S]*$/gi, '');
    expect(lines(readPeople(document, 'github'))).toEqual([
      'Steven Troughton-Smith | github:steventroughtonsmith | - | author+participant | R',
      'Andrian Budantsov | github:andrianbdn | - | participant | I',
      'Daniel Jalkut | github:danielpunkass | - | participant | I',
      'Emma | github:916253 | - | participant | I',
    ]);
  });
});

describe('limits', () => {
  it(`keeps at most ${MAX_PAGE_PEOPLE} people however many comment`, () => {
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(
      'https://github.com/acme/checkout/issues/1',
    );
    const comments = Array.from(
      { length: 150 },
      (_, i) =>
        `<div class="timeline-comment-header"><a class="author" href="/user-${i}">user-${i}</a> commented</div>`,
    ).join('');
    document.body.innerHTML = `<main>${comments}</main>`;
    expect(readPeople(document, 'github')).toHaveLength(MAX_PAGE_PEOPLE);
  });
});

describe('what is not a person of the page', () => {
  it('skips code, scripts and form fields for @mentions, and the viewer by the comment box', () => {
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(
      'https://github.com/acme/checkout/issues/3',
    );
    document.body.innerHTML = `<main>
      <div class="timeline-comment-header"><a class="author" href="/ana">ana</a> commented</div>
      <form class="js-new-comment-form"><a data-hovercard-type="user" href="/viewer"><img alt="@viewer"></a></form>
      <div class="js-suggested-reviewers"><a data-hovercard-type="user" href="/maybe">maybe</a></div>
    </main>`;
    expect(readPeople(document, 'github').map((p) => p.name)).toEqual(['ana']);
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(
      'https://blog.example.com/p',
    );
    document.body.innerHTML = `<article><p>Thanks @real-one.</p><pre>@Override</pre><code>@media</code>
      <textarea>@draft</textarea><script>"@script"</script></article>`;
    expect(readPeople(document, 'generic').map((p) => p.name)).toEqual(['real-one']);
  });
});
