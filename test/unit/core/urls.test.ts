import { describe, expect, it } from 'vitest';
import { HlcClock } from '../../../src/core/hlc';
import { opProblem } from '../../../src/core/protocol';
import { makeRow } from '../../../src/core/records';
import { Anchor, describeIssues } from '../../../src/core/schemas';
import { isAllowedUrl, isWebUrl, linkHref } from '../../../src/core/urls';

const clock = new HlcClock('test');
const ctx = () => ({ workspaceId: 'local', hlc: clock.now(), now: new Date('2026-11-21T10:00:00Z') });
const anchor = (url: string, site = 'jira') =>
  makeRow(
    'anchors',
    { decisionId: crypto.randomUUID(), pageKey: 'jira:acme.atlassian.net:ACME-7', url, site },
    ctx(),
  );

const HOSTILE = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.domain)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'chrome://settings',
  'chrome-extension://abcdefghijklmnopabcdefghijklmnop/src/options/index.html',
  'about:blank',
  'vbscript:msgbox(1)',
  'blob:https://acme.atlassian.net/1b2c',
  '/browse/ACME-7',
  '//evil.example/x',
  'https://',
  '',
];

describe('the URL rule', () => {
  it('accepts http and https addresses with a host', () => {
    expect(isWebUrl('https://acme.atlassian.net/browse/ACME-7')).toBe(true);
    expect(isWebUrl('http://jira.internal:8080/browse/OPS-1')).toBe(true);
    expect(isAllowedUrl('HTTPS://GITHUB.COM/acme/web/issues/3')).toBe(true);
  });

  it('refuses every other scheme, relative addresses and junk', () => {
    for (const url of HOSTILE) {
      expect(isWebUrl(url), url).toBe(false);
      expect(isAllowedUrl(url, 'jira'), url).toBe(false);
      expect(linkHref(url), url).toBeNull();
    }
  });

  it('keeps a known app’s own scheme only on that site’s anchors', () => {
    expect(isAllowedUrl('notion://www.notion.so/acme/Plan-0123456789abcdef0123456789abcdef', 'notion')).toBe(
      true,
    );
    expect(isAllowedUrl('notion://www.notion.so/x', 'github')).toBe(false);
    expect(isAllowedUrl('linear://acme/issue/ENG-12', 'linear')).toBe(true);
    expect(isAllowedUrl('linear://acme/issue/ENG-12', 'notion')).toBe(false);
  });

  it('links only http(s), even an app link it keeps', () => {
    expect(linkHref('https://github.com/acme/web/pull/9')).toBe('https://github.com/acme/web/pull/9');
    expect(linkHref('notion://www.notion.so/x')).toBeNull();
    expect(linkHref(undefined)).toBeNull();
  });
});

describe('Anchor.url', () => {
  it('accepts a page’s web address', () => {
    const parsed = Anchor.safeParse(anchor('https://acme.atlassian.net/browse/ACME-7'));
    expect(parsed.success ? 'ok' : describeIssues(parsed.error)).toBe('ok');
  });

  it('refuses a dangerous address and names the field', () => {
    for (const url of HOSTILE) {
      const parsed = Anchor.safeParse(anchor(url));
      expect(parsed.success, url).toBe(false);
      if (!parsed.success) expect(describeIssues(parsed.error)).toMatch(/url: /);
    }
  });

  it('refuses an app scheme on another site’s anchor', () => {
    expect(Anchor.safeParse(anchor('notion://www.notion.so/x', 'notion')).success).toBe(true);
    expect(Anchor.safeParse(anchor('notion://www.notion.so/x', 'jira')).success).toBe(false);
  });

  it('is checked on a pushed field on its own (the server’s push validation)', () => {
    const op = (url: string) => ({ table: 'anchors', id: crypto.randomUUID(), set: { url } });
    expect(opProblem(op('https://github.com/acme/web/issues/3'))).toBeNull();
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x'])
      expect(opProblem(op(url)), url).toMatch(/^anchors\.url: /);
  });
});
