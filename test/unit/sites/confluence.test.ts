// Confluence page keys: the numeric page id, whatever the title slug, editor mode or legacy action says.
import { describe, expect, it } from 'vitest';
import { pageKeyFor } from '../../../src/sites';

const PAGE = 'confluence:acme.atlassian.net:98765';
const WIKI = 'https://acme.atlassian.net/wiki';

describe('Confluence page keys', () => {
  it.each([
    [`${WIKI}/spaces/ENG/pages/98765/Session+storage+decision+record`, PAGE],
    [`${WIKI}/spaces/ENG/pages/98765`, PAGE],
    [`${WIKI}/spaces/ENG/pages/98765/`, PAGE],
    [`${WIKI}/spaces/ENG/pages/98765/Renamed+after+review`, PAGE],
    [`${WIKI}/spaces/ENG/pages/98765/Session+storage?focusedCommentId=1234#comment-1234`, PAGE],
    [`${WIKI}/spaces/ENG/pages/edit-v2/98765?draftShareId=0b1c2d3e`, PAGE],
    [`${WIKI}/spaces/~5571234ab/pages/98765/Notes`, PAGE],
    [`${WIKI}/pages/viewpage.action?pageId=98765`, PAGE],
    [`${WIKI}/pages/viewpage.action?spaceKey=ENG&pageid=98765`, PAGE],
    [`${WIKI}/spaces/ENG/overview?homepageId=98001`, 'confluence:acme.atlassian.net:98001'],
    [`${WIKI}/spaces/ENG/blog/2024/05/14/99001/Why+Redis`, 'confluence:acme.atlassian.net:99001'],
    [`${WIKI}/spaces/ENG/blog/edit-v2/99001`, 'confluence:acme.atlassian.net:99001'],
  ])('%s → %s', (url, key) => {
    expect(pageKeyFor(url)).toBe(key);
  });

  it.each([`${WIKI}/spaces/ENG/overview`, `${WIKI}/home`, `${WIKI}/spaces/ENG/pages`])(
    '%s names no page and falls back to its URL',
    (url) => {
      expect(pageKeyFor(url)).toMatch(/^url:/);
    },
  );

  it.each([
    [`${WIKI}/spaces/ENG/pages/98765`, `${WIKI}/spaces/ENG/pages/98766`],
    [`${WIKI}/spaces/ENG/pages/98765`, 'https://globex.atlassian.net/wiki/spaces/ENG/pages/98765'],
    [`${WIKI}/spaces/ENG/pages/98765`, 'https://acme.atlassian.net/browse/ENG-98765'],
  ])('%s and %s are different pages', (a, b) => {
    expect(pageKeyFor(a)).not.toBe(pageKeyFor(b));
  });
});
