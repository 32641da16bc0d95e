// Jira (Cloud on *.atlassian.net, Data Center on user-registered hosts): one page per issue key.
import { cleanDocumentTitle, documentUrl, firstText, joinTitle, rootFrom } from './dom';
import { registerSite } from './registry';
import type { SiteAdapter, SiteHint } from './types';
import { pathSegments, queryParam } from './url';

const ISSUE_KEY = /^([A-Za-z][A-Za-z0-9_]*)-(\d+)$/;

/** `acme-007` → `ACME-7`: Jira resolves keys case-insensitively, and project keys are upper case. */
export function normaliseIssueKey(text: string | null | undefined): string | null {
  const match = ISSUE_KEY.exec((text ?? '').trim());
  if (!match) return null;
  return `${match[1]!.toUpperCase()}-${match[2]!.replace(/^0+(?=\d)/, '')}`;
}

function isCloud(url: URL): boolean {
  return url.hostname.endsWith('.atlassian.net');
}

/**
 * The issue a URL shows. `selectedIssue` wins because boards, backlogs and the issue navigator keep
 * their own path and open the issue in a side panel. Paths are searched rather than matched from
 * the root, since Data Center often lives under a context path (`/jira/browse/KEY`).
 */
function issueKeyOf(url: URL): string | null {
  const selected = normaliseIssueKey(queryParam(url, 'selectedIssue'));
  if (selected) return selected;
  const segments = pathSegments(url);
  for (let i = 0; i < segments.length - 1; i++) {
    // /browse/KEY, /projects/X/issues/KEY, /jira/software/(c/)projects/X/issues/KEY
    if (segments[i] === 'browse' || segments[i] === 'issues') {
      const key = normaliseIssueKey(segments[i + 1]);
      if (key) return key;
    }
  }
  // Service management queues and portal requests end in the key:
  // /jira/servicedesk/projects/SD/queues/custom/1/SD-12, /servicedesk/customer/portal/2/SD-12
  if (segments.includes('queues') || segments.includes('portal')) return normaliseIssueKey(segments.at(-1));
  return null;
}

// Cloud renders the full issue page, the board side panel and the modal from the same components;
// the containers differ, so the open panel or modal is looked up before the page layout.
const ROOTS = [
  '[data-testid="issue.views.issue-details.issue-modal.modal-dialog"]',
  '[data-testid="issue.views.issue-details.issue-layout.compact-layout"]',
  '[data-testid="issue.views.issue-details.issue-layout.issue-layout"]',
  '[data-vc="FullPageIssueContainer"]',
  '#issue-content', // Data Center
];
const KEYS = ['[data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item"]', '#key-val'];
const SUMMARIES = ['[data-testid="issue.views.issue-base.foundation.summary.heading"]', '#summary-val'];

function handles(url: URL, hint?: SiteHint): boolean {
  // Confluence shares *.atlassian.net under /wiki.
  return hint?.customHost === true || (isCloud(url) && !url.pathname.startsWith('/wiki'));
}

function root(doc: Document): Element {
  return rootFrom(doc, ROOTS);
}

function title(doc: Document): string {
  const scope = root(doc);
  // The tab reads "[ACME-7] Fix the login timeout - Jira" (Data Center: "- ACME Jira").
  const tab = cleanDocumentTitle(doc, [/\s+-\s+[^-]*\bjira\b[^-]*$/i]);
  const tabKey = /^\[([^\]]+)\]\s*/.exec(tab);
  const url = documentUrl(doc);
  const key =
    normaliseIssueKey(firstText(scope, KEYS)) ??
    (url && issueKeyOf(url)) ??
    normaliseIssueKey(tabKey?.[1]) ??
    '';
  const summary = firstText(scope, SUMMARIES) || (tabKey ? tab.slice(tabKey[0].length) : tab);
  return joinTitle(key, summary);
}

export const jira: SiteAdapter = {
  id: 'jira',
  matches: ['https://*.atlassian.net/*'],
  canHighlight: true,
  handles,
  pageKey(url, hint) {
    if (!handles(url, hint)) return null;
    const key = issueKeyOf(url);
    return key ? `jira:${url.host}:${key}` : null;
  },
  title,
  root,
};

registerSite(jira);
