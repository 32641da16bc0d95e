// Linear: issues by their team key and number, whatever the slug after them says (it follows renames).
import { cleanDocumentTitle, documentUrl, firstText, joinTitle, rootFrom } from './dom';
import { registerSite } from './registry';
import type { SiteAdapter } from './types';
import { pathSegments } from './url';

const ISSUE = /^([A-Za-z][A-Za-z0-9_]*)-(\d+)$/;

/** `eng-0123` → `ENG-123`: Linear team keys are upper case and links resolve case-insensitively. */
function normaliseIdentifier(text: string | undefined): string | null {
  const match = ISSUE.exec((text ?? '').trim());
  return match ? `${match[1]!.toUpperCase()}-${match[2]!.replace(/^0+(?=\d)/, '')}` : null;
}

/** /<workspace>/issue/ENG-123/<slug>; the workspace is not in the key (DESIGN §4). */
function identifierOf(url: URL): string | null {
  const [, kind, identifier] = pathSegments(url);
  return kind === 'issue' ? normaliseIdentifier(identifier) : null;
}

function handles(url: URL): boolean {
  return url.hostname === 'linear.app';
}

const TITLES = ['[data-testid="issue-title"]', '[aria-label="Issue title"]', 'main h1'];

function root(doc: Document): Element {
  return rootFrom(doc, ['main [data-testid="issue-view"]', 'main']);
}

function title(doc: Document): string {
  const url = documentUrl(doc);
  // Tabs read "ENG-123 Move session storage to Redis" (older builds add " | Linear").
  const tab = cleanDocumentTitle(doc, [/\s+[|–-]\s+Linear$/]);
  const tabKey = /^([A-Za-z][A-Za-z0-9_]*-\d+)\s+/.exec(tab);
  const identifier =
    (url && handles(url) ? identifierOf(url) : null) ?? normaliseIdentifier(tabKey?.[1]) ?? '';
  const tabTitle = tabKey ? tab.slice(tabKey[0].length) : tab;
  return joinTitle(identifier, firstText(root(doc), TITLES) || tabTitle);
}

export const linear: SiteAdapter = {
  id: 'linear',
  matches: ['https://linear.app/*'],
  canHighlight: true,
  handles,
  pageKey(url) {
    if (!handles(url)) return null;
    const identifier = identifierOf(url);
    return identifier ? `linear:${identifier}` : null;
  },
  title,
  root,
};

registerSite(linear);
