// GitHub page keys: issues, pull requests on every tab and discussions share one number space per repo.
import { describe, expect, it } from 'vitest';
import { pageKeyFor, siteFor } from '../../../src/sites';

const REPO = 'https://github.com/acme/checkout';

describe('GitHub page keys', () => {
  it.each([
    [`${REPO}/issues/12`, 'github:acme/checkout#12'],
    ['https://github.com/Acme/Checkout/issues/12#issuecomment-1987654321', 'github:acme/checkout#12'],
    ['https://www.github.com/acme/checkout/issues/12/', 'github:acme/checkout#12'],
    [`${REPO}/issues?q=is%3Aissue+is%3Aopen&issue=acme%7Ccheckout%7C12`, 'github:acme/checkout#12'],
    [`${REPO}/pull/42`, 'github:acme/checkout#42'],
    [`${REPO}/pull/42/files`, 'github:acme/checkout#42'],
    [
      `${REPO}/pull/42/files#diff-5f2c3b1e9a7d0c4b8e6f1a2d3c4b5a6e7f8091a2b3c4d5e6f7a8b9c0d1e2f3a4`,
      'github:acme/checkout#42',
    ],
    [`${REPO}/pull/42/commits`, 'github:acme/checkout#42'],
    [`${REPO}/pull/42/commits/9f8e7d6c5b4a39281706f5e4d3c2b1a098765432`, 'github:acme/checkout#42'],
    [`${REPO}/pull/42/checks?check_run_id=123456`, 'github:acme/checkout#42'],
    [`${REPO}/pull/42/changes`, 'github:acme/checkout#42'],
    [`${REPO}/discussions/34`, 'github:acme/checkout#34'],
    [`${REPO}/discussions/34?sort=top#discussioncomment-99`, 'github:acme/checkout#34'],
    [
      'https://github.com/orgs/acme/projects/3/views/1?pane=issue&itemId=55&issue=acme%7Capi%7C77',
      'github:acme/api#77',
    ],
    ['https://github.com/acme/checkout.js/issues/3', 'github:acme/checkout.js#3'],
  ])('%s → %s', (url, key) => {
    expect(pageKeyFor(url)).toBe(key);
  });

  it.each([REPO, `${REPO}/issues`, `${REPO}/issues/new`, `${REPO}/pulls`, `${REPO}/blob/main/README.md`])(
    '%s names no thread and falls back to its URL',
    (url) => {
      expect(pageKeyFor(url)).toMatch(/^url:https:\/\/github\.com\/acme\/checkout/);
      expect(siteFor(url).id).toBe('github');
    },
  );

  it.each([
    [`${REPO}/issues/12`, `${REPO}/issues/13`],
    [`${REPO}/issues/12`, 'https://github.com/acme/payments/issues/12'],
    [`${REPO}/issues/12`, 'https://github.com/globex/checkout/issues/12'],
    [`${REPO}/pull/42`, 'https://github.com/acme/check-out/pull/42'],
    [`${REPO}/pull/4`, `${REPO}/pull/42`],
  ])('%s and %s are different threads', (a, b) => {
    expect(pageKeyFor(a)).not.toBe(pageKeyFor(b));
  });
});
