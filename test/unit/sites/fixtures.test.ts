// @vitest-environment happy-dom
// The fixture pages stay self-contained and agree with the URLs that serve them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageKeyFor, siteFor } from '../../../src/sites';
import { FIXTURES_DIR, fixtureFor, fixturePages, readFixture } from '../../fixtures/pages';

const files = [...new Set(fixturePages.map((page) => page.file))];

function parse(file: string): Document {
  return new DOMParser().parseFromString(readFixture(file), 'text/html');
}

describe('fixture pages', () => {
  it.each(files)('%s exists and has a tab title', (file) => {
    expect(existsSync(join(FIXTURES_DIR, file))).toBe(true);
    expect(parse(file).title.trim()).not.toBe('');
  });

  it.each(files)('%s loads nothing from the network', (file) => {
    const doc = parse(file);
    const html = readFixture(file);
    expect(
      doc.querySelectorAll('script[src], link[href], img[src], iframe[src], video[src], audio[src]'),
    ).toHaveLength(0);
    expect(html).not.toMatch(/url\(|@import|fetch\(|XMLHttpRequest|WebSocket/);
  });

  it.each(files)('%s builds its DOM without innerHTML', (file) => {
    expect(readFixture(file)).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it.each(fixturePages)('$url is served by $file and keyed by its site', ({ url, file }) => {
    const site = siteFor(url);
    expect(site.id === 'generic').toBe(file.startsWith('generic'));
    expect(pageKeyFor(url).startsWith('url:')).toBe(file.startsWith('generic') || url.endsWith('/boards/1'));
  });

  it('serves the same ticket the URL names', () => {
    for (const { url, file } of fixturePages) {
      const key = pageKeyFor(url);
      const ticket = /[:#!]([A-Z]+-\d+|\d+)$/.exec(key)?.[1];
      if (ticket) expect(readFixture(file), `${file} for ${url}`).toContain(ticket);
    }
  });

  it('finds fixtures by exact URL, ignoring the fragment, and by path when the query changed', () => {
    expect(fixtureFor('https://github.com/acme/checkout/pull/42/files#diff-5f2c')?.file).toBe(
      'github-pr.html',
    );
    expect(
      fixtureFor('https://acme.atlassian.net/jira/software/projects/ACME/boards/1?selectedIssue=ACME-11')
        ?.file,
    ).toBe('jira-board.html');
    expect(fixtureFor('https://github.com/acme/checkout/issues/99')).toBeUndefined();
    expect(fixtureFor('not a url')).toBeUndefined();
  });
});
