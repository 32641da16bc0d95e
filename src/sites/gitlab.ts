// GitLab (gitlab.com and self-managed hosts): issues `#n`, merge requests `!n`, group epics `&n`.
import { cleanDocumentTitle, documentUrl, firstText, joinTitle, rootFrom } from './dom';
import { registerSite } from './registry';
import type { SiteAdapter, SiteHint } from './types';
import { pathSegments } from './url';

// GitLab's own reference sigils: group/project#5 (issue), !7 (merge request), &3 (epic).
const PROJECT_KINDS = new Map([
  ['issues', '#'],
  ['work_items', '#'],
  ['merge_requests', '!'],
]);
const GROUP_KINDS = new Map([
  ['epics', '&'],
  ['work_items', '&'],
]);
const NUMBER = /^\d+$/;

interface Reference {
  path: string;
  sigil: string;
  number: string;
}

/**
 * Routes put `/-/` between the namespace path (any depth of subgroups) and the resource; links from
 * before GitLab 12 had no `/-/` and still redirect, so `/group/proj/issues/5` is read too.
 * Namespace paths route case-insensitively, so they are lower-cased.
 */
function referenceOf(url: URL): Reference | null {
  const segments = pathSegments(url);
  const dash = segments.indexOf('-');
  let path: string[];
  let rest: string[];
  if (dash > 0) {
    path = segments.slice(0, dash);
    rest = segments.slice(dash + 1);
  } else {
    const at = segments.findIndex((segment, i) => i >= 2 && PROJECT_KINDS.has(segment));
    if (at === -1) return null;
    path = segments.slice(0, at);
    rest = segments.slice(at);
  }
  const [kind, number] = rest;
  if (!kind || !number || !NUMBER.test(number)) return null;
  const isGroup = path[0] === 'groups' && path.length > 1;
  const sigil = (isGroup ? GROUP_KINDS : PROJECT_KINDS).get(kind);
  if (!sigil || (!isGroup && path.length < 2)) return null;
  return {
    path: (isGroup ? path.slice(1) : path).join('/').toLowerCase(),
    sigil,
    number: number.replace(/^0+(?=\d)/, ''),
  };
}

function handles(url: URL, hint?: SiteHint): boolean {
  return hint?.customHost === true || url.hostname === 'gitlab.com';
}

const ROOTS = ['#content-body', '.content-wrapper main', '.content-wrapper'];
const TITLES = [
  '[data-testid="work-item-title"]',
  '[data-testid="issue-title"]',
  'h1[data-testid="title-content"]',
  '.detail-page-header h1',
];

function root(doc: Document): Element {
  return rootFrom(doc, ROOTS);
}

function title(doc: Document): string {
  const url = documentUrl(doc);
  const reference = url ? referenceOf(url) : null;
  // Tabs read "Move sessions to Redis (!7) · Merge requests · Acme / Checkout · GitLab".
  const tab = cleanDocumentTitle(doc, [/\s+·\s+GitLab$/]);
  const tabTitle = tab.split(' · ')[0]!.replace(/\s+\([#!&]\d+\)$/, '');
  const refText = reference ? `${reference.path}${reference.sigil}${reference.number}` : '';
  return joinTitle(refText, firstText(doc, TITLES) || tabTitle);
}

export const gitlab: SiteAdapter = {
  id: 'gitlab',
  matches: ['https://gitlab.com/*'],
  canHighlight: true,
  handles,
  pageKey(url, hint) {
    if (!handles(url, hint)) return null;
    const reference = referenceOf(url);
    return reference ? `gitlab:${url.host}:${reference.path}${reference.sigil}${reference.number}` : null;
  },
  title,
  root,
};

registerSite(gitlab);
