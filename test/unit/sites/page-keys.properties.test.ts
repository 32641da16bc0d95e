// Algebraic properties of page keys, checked over generated URLs with fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseUrl, pageKeyFor } from '../../../src/sites';

/** Real page shapes of every site, with the key they must keep under the properties below. */
const SITE_URLS = [
  'https://acme.atlassian.net/browse/ACME-7',
  'https://acme.atlassian.net/jira/software/projects/ACME/boards/1?selectedIssue=ACME-7',
  'https://acme.atlassian.net/wiki/spaces/ENG/pages/98765/Session+storage',
  'https://github.com/acme/checkout/pull/42/files',
  'https://gitlab.com/acme/platform/checkout/-/merge_requests/7/diffs',
  'https://linear.app/acme/issue/ENG-123/move-session-storage-to-redis',
  'https://www.notion.so/acme/Page-0f3c2b7a9d4e4c1b8a6f5e2d1c0b9a87?p=6b1e9c4d2a7f4e3b9c8d1a2b3c4d5e6f',
  'https://docs.google.com/document/d/1aBcD3fGhIjKlMnOpQrStUvWxYz0123456789AbCdEf/edit',
  'https://dev.azure.com/acme/Checkout%20Platform/_workitems/edit/4312',
];

const anyUrl = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(...SITE_URLS),
);
const fragment = fc.string({ maxLength: 30 });
const trackingName = fc.oneof(
  fc.constantFrom('gclid', 'fbclid', 'mc_cid', 'mc_eid', 'msclkid', 'igshid', '_hsenc', '_hsmi', 'ref_src'),
  fc.stringMatching(/^[a-z]{1,8}$/).map((suffix) => `utm_${suffix}`),
);

function withoutFragment(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

describe('pageKeyFor properties', () => {
  it('never throws and always returns a prefixed key, whatever the string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.webUrl(), anyUrl), (input) => {
        const key = pageKeyFor(input);
        expect(key).toMatch(/^[a-z]+:/);
        expect(key.length).toBeLessThanOrEqual(2048);
      }),
      { numRuns: 500 },
    );
  });

  it('is stable: the same input always gives the same key', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), anyUrl), (input) => {
        expect(pageKeyFor(input)).toBe(pageKeyFor(input));
      }),
    );
  });

  it('ignores fragments', () => {
    fc.assert(
      fc.property(anyUrl, fragment, (url, hash) => {
        const bare = withoutFragment(url);
        expect(pageKeyFor(`${bare}#${hash}`)).toBe(pageKeyFor(bare));
      }),
    );
  });

  it('ignores tracking parameters', () => {
    fc.assert(
      fc.property(anyUrl, trackingName, fc.string({ maxLength: 20 }), (url, name, value) => {
        const tracked = new URL(url);
        tracked.searchParams.append(name, value);
        expect(pageKeyFor(tracked.href)).toBe(pageKeyFor(url));
      }),
    );
  });

  it('ignores the order of query parameters on generic pages', () => {
    const pairs = fc.array(fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })), {
      maxLength: 6,
    });
    const shuffled = pairs.chain((list) =>
      fc.tuple(
        fc.constant(list),
        fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
      ),
    );
    fc.assert(
      fc.property(fc.webUrl(), shuffled, (base, [ordered, reordered]) => {
        const a = new URL(base);
        const b = new URL(base);
        a.search = new URLSearchParams(ordered).toString();
        b.search = new URLSearchParams(reordered).toString();
        expect(pageKeyFor(b.href)).toBe(pageKeyFor(a.href));
      }),
    );
  });

  it('ignores the case of the host', () => {
    fc.assert(
      fc.property(anyUrl, (url) => {
        const parsed = new URL(url);
        const shouted = url.replace(parsed.host, parsed.host.toUpperCase());
        expect(pageKeyFor(shouted)).toBe(pageKeyFor(url));
      }),
    );
  });

  it('round-trips: a normalised URL keys to the same page as the original', () => {
    fc.assert(
      fc.property(anyUrl, (url) => {
        expect(normaliseUrl(normaliseUrl(url))).toBe(normaliseUrl(url));
        expect(pageKeyFor(normaliseUrl(url))).toBe(pageKeyFor(url));
      }),
    );
  });

  it('ignores the case of GitHub owners and repositories, but not of the number', () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
    fc.assert(
      fc.property(name, name, fc.integer({ min: 1, max: 99_999 }), fc.boolean(), (owner, repo, n, pull) => {
        const kind = pull ? 'pull' : 'issues';
        const lower = pageKeyFor(`https://github.com/${owner}/${repo}/${kind}/${n}`);
        const upper = pageKeyFor(
          `https://github.com/${owner.toUpperCase()}/${repo.toUpperCase()}/${kind}/${n}`,
        );
        expect(upper).toBe(lower);
        expect(lower).toBe(`github:${owner}/${repo}#${n}`);
        expect(pageKeyFor(`https://github.com/${owner}/${repo}/${kind}/${n + 1}`)).not.toBe(lower);
      }),
    );
  });

  it('maps distinct Jira issue keys to distinct page keys', () => {
    const issue = fc.tuple(fc.stringMatching(/^[A-Z][A-Z0-9]{1,5}$/), fc.integer({ min: 1, max: 99_999 }));
    fc.assert(
      fc.property(issue, issue, ([p1, n1], [p2, n2]) => {
        fc.pre(p1 !== p2 || n1 !== n2);
        const a = pageKeyFor(`https://acme.atlassian.net/browse/${p1}-${n1}`);
        const b = pageKeyFor(`https://acme.atlassian.net/browse/${p2}-${n2}`);
        expect(a).not.toBe(b);
        expect(pageKeyFor(`https://acme.atlassian.net/browse/${p1.toLowerCase()}-${n1}`)).toBe(a);
      }),
    );
  });
});
