// GitLab page keys: issues `#n`, merge requests `!n` (every tab), group epics `&n`, any subgroup depth.
import { describe, expect, it } from 'vitest';
import { pageKeyFor } from '../../../src/sites';

const PROJECT = 'https://gitlab.com/acme/platform/checkout';
const MR = 'gitlab:gitlab.com:acme/platform/checkout!7';
const ISSUE = 'gitlab:gitlab.com:acme/platform/checkout#5';

describe('GitLab page keys', () => {
  it.each([
    [`${PROJECT}/-/merge_requests/7`, MR],
    [`${PROJECT}/-/merge_requests/7/diffs`, MR],
    [`${PROJECT}/-/merge_requests/7/diffs?commit_id=4e1f2a#note_123456`, MR],
    [`${PROJECT}/-/merge_requests/7/commits`, MR],
    [`${PROJECT}/-/merge_requests/7/pipelines`, MR],
    [`${PROJECT}/-/issues/5`, ISSUE],
    [`${PROJECT}/-/issues/5#note_98765`, ISSUE],
    [`${PROJECT}/-/issues/5/`, ISSUE],
    [`${PROJECT}/-/work_items/5?iid_path=true`, ISSUE],
    ['https://gitlab.com/Acme/Platform/Checkout/-/issues/5', ISSUE],
    ['https://gitlab.com/acme/checkout/issues/5', 'gitlab:gitlab.com:acme/checkout#5'],
    ['https://gitlab.com/groups/acme/platform/-/epics/3', 'gitlab:gitlab.com:acme/platform&3'],
  ])('%s → %s', (url, key) => {
    expect(pageKeyFor(url)).toBe(key);
  });

  it.each([
    `${PROJECT}/-/merge_requests`,
    `${PROJECT}/-/issues/new`,
    `${PROJECT}/-/boards`,
    'https://gitlab.com/dashboard/issues',
  ])('%s names no issue and falls back to its URL', (url) => {
    expect(pageKeyFor(url)).toMatch(/^url:https:\/\/gitlab\.com\//);
  });

  it.each([
    [`${PROJECT}/-/issues/7`, `${PROJECT}/-/merge_requests/7`],
    [`${PROJECT}/-/issues/5`, `${PROJECT}/-/issues/6`],
    [`${PROJECT}/-/issues/5`, 'https://gitlab.com/acme/platform/payments/-/issues/5'],
    [`${PROJECT}/-/issues/5`, 'https://gitlab.com/acme/checkout/-/issues/5'],
    ['https://gitlab.com/groups/acme/platform/-/epics/3', `${PROJECT}/-/issues/3`],
  ])('%s and %s are different pages', (a, b) => {
    expect(pageKeyFor(a)).not.toBe(pageKeyFor(b));
  });
});
