// The registry: which adapter speaks for a URL, self-hosted hosts, and the default manifest matches.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MATCHES, pageKeyFor, type SiteAdapter, setCustomHosts, siteFor } from '../../../src/sites';

afterEach(() => setCustomHosts([]));

/** Chrome's match-pattern semantics for the https patterns we use. */
function matchesPattern(pattern: string, url: string): boolean {
  const [, host, path] = /^https:\/\/([^/]+)(\/.*)$/.exec(pattern)!;
  const parsed = new URL(url);
  const hostOk = host!.startsWith('*.') ? parsed.hostname.endsWith(host!.slice(1)) : parsed.hostname === host;
  const pathRe = new RegExp(`^${path!.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return parsed.protocol === 'https:' && hostOk && pathRe.test(parsed.pathname + parsed.search);
}

const SAMPLES: Record<SiteAdapter['id'], string> = {
  jira: 'https://acme.atlassian.net/browse/ACME-7',
  confluence: 'https://acme.atlassian.net/wiki/spaces/ENG/pages/98765/Title',
  github: 'https://github.com/acme/checkout/issues/12',
  gitlab: 'https://gitlab.com/acme/platform/checkout/-/issues/5',
  linear: 'https://linear.app/acme/issue/ENG-123/slug',
  notion: 'https://www.notion.so/acme/Page-0f3c2b7a9d4e4c1b8a6f5e2d1c0b9a87',
  gdocs: 'https://docs.google.com/document/d/1aBcD3fGhIjKlMnOpQrStUvWxYz0123456789AbCdEf/edit',
  'azure-devops': 'https://dev.azure.com/acme/Checkout%20Platform/_workitems/edit/4312',
  generic: 'https://blog.example.com/post',
};

describe('siteFor', () => {
  it.each(Object.entries(SAMPLES))('finds the %s adapter', (id, url) => {
    expect(siteFor(url).id).toBe(id);
  });

  it('gives every adapter a title, a root and a highlight flag', () => {
    for (const url of Object.values(SAMPLES)) {
      const site = siteFor(url);
      expect(typeof site.title).toBe('function');
      expect(typeof site.root).toBe('function');
      expect(typeof site.canHighlight).toBe('boolean');
    }
  });

  it('never claims a look-alike host', () => {
    expect(siteFor('https://github.com.evil.example/acme/checkout/issues/12').id).toBe('generic');
    expect(siteFor('https://notatlassian.net/browse/ACME-7').id).toBe('generic');
    expect(pageKeyFor('https://mygitlab.com/acme/proj/-/issues/5')).toBe(
      'url:https://mygitlab.com/acme/proj/-/issues/5',
    );
  });
});

describe('DEFAULT_MATCHES', () => {
  it('lists exactly the default hosts', () => {
    expect([...DEFAULT_MATCHES].sort()).toEqual(
      [
        'https://*.atlassian.net/*',
        'https://github.com/*',
        'https://gitlab.com/*',
        'https://linear.app/*',
        'https://www.notion.so/*',
        'https://*.notion.site/*',
        'https://docs.google.com/document/*',
        'https://dev.azure.com/*',
        'https://*.visualstudio.com/*',
      ].sort(),
    );
  });

  it.each(Object.entries(SAMPLES).filter(([id]) => id !== 'generic'))(
    'covers the %s sample page',
    (_, url) => {
      expect(DEFAULT_MATCHES.some((pattern) => matchesPattern(pattern, url))).toBe(true);
    },
  );
});

describe('self-hosted hosts', () => {
  it('applies the Jira rules to a registered Jira Data Center host only once registered', () => {
    const url = 'https://jira.corp.example/browse/ACME-7';
    expect(pageKeyFor(url)).toBe(`url:${url}`);
    expect(siteFor(url).id).toBe('generic');
    setCustomHosts([{ host: 'jira.corp.example', site: 'jira' }]);
    expect(pageKeyFor(url)).toBe('jira:jira.corp.example:ACME-7');
    expect(
      pageKeyFor('https://jira.corp.example/secure/RapidBoard.jspa?rapidView=4&selectedIssue=acme-7'),
    ).toBe('jira:jira.corp.example:ACME-7');
    expect(siteFor(url).id).toBe('jira');
  });

  it('reads issues under a context path and on a non-default port', () => {
    setCustomHosts([{ host: 'https://Tools.Corp.Example:8443/jira/', site: 'jira' }]);
    expect(pageKeyFor('https://tools.corp.example:8443/jira/browse/OPS-42')).toBe(
      'jira:tools.corp.example:8443:OPS-42',
    );
  });

  it('covers subdomains with a *. pattern', () => {
    setCustomHosts([{ host: '*.corp.example', site: 'gitlab' }]);
    expect(pageKeyFor('https://git.corp.example/acme/checkout/-/merge_requests/7')).toBe(
      'gitlab:git.corp.example:acme/checkout!7',
    );
    expect(siteFor('https://corp.example/acme/checkout/-/merge_requests/7').id).toBe('generic');
  });

  it('reads Confluence Server page ids from viewpage.action', () => {
    setCustomHosts([{ host: 'wiki.corp.example', site: 'confluence' }]);
    expect(pageKeyFor('https://wiki.corp.example/pages/viewpage.action?pageId=123456')).toBe(
      'confluence:wiki.corp.example:123456',
    );
    // /display/SPACE/Title carries no id: the page falls back to its URL key.
    expect(pageKeyFor('https://wiki.corp.example/display/ENG/Sessions')).toBe(
      'url:https://wiki.corp.example/display/ENG/Sessions',
    );
  });

  it('tells apart a Jira and a Confluence that share one host', () => {
    setCustomHosts([
      { host: 'corp.example', site: 'jira' },
      { host: 'corp.example', site: 'confluence' },
    ]);
    expect(pageKeyFor('https://corp.example/jira/browse/ACME-7')).toBe('jira:corp.example:ACME-7');
    expect(pageKeyFor('https://corp.example/confluence/pages/viewpage.action?pageId=55')).toBe(
      'confluence:corp.example:55',
    );
    expect(siteFor('https://corp.example/confluence/pages/viewpage.action?pageId=55').id).toBe('confluence');
  });

  it('keeps the same issue on two Jira hosts apart', () => {
    setCustomHosts([
      { host: 'jira.corp.example', site: 'jira' },
      { host: 'jira.other.example', site: 'jira' },
    ]);
    expect(pageKeyFor('https://jira.corp.example/browse/ACME-7')).not.toBe(
      pageKeyFor('https://jira.other.example/browse/ACME-7'),
    );
  });

  it('ignores entries it cannot use, as stored settings may come from another version', () => {
    setCustomHosts([
      { host: 'github.corp.example', site: 'github' as 'gitlab' },
      { host: '', site: 'jira' },
      { host: 42 as unknown as string, site: 'jira' },
    ]);
    expect(siteFor('https://github.corp.example/acme/checkout/issues/1').id).toBe('generic');
  });
});
