// Notion: pages by the 32-hex block id that ends every page URL; a peeked page (`?p=`) wins.
import { cleanDocumentTitle, firstText, queryFirst, rootFrom } from './dom';
import { registerSite } from './registry';
import type { SiteAdapter } from './types';
import { pathSegments, queryParam } from './url';

// The id ends the last segment, bare or as a dashed UUID: "Decision-log-0f3c…", "0f3c…-…-…".
const TRAILING_ID = /(?:^|-)([0-9a-f]{32})$/i;
const TRAILING_UUID = /(?:^|-)([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export function notionIdOf(text: string | null | undefined): string | null {
  if (!text) return null;
  const match = TRAILING_UUID.exec(text) ?? TRAILING_ID.exec(text);
  return match ? match[1]!.replace(/-/g, '').toLowerCase() : null;
}

/** `?p=` names the page open in a side or centre peek over a database; `?v=` only picks a view. */
function pageIdOf(url: URL): string | null {
  return notionIdOf(queryParam(url, 'p')) ?? notionIdOf(pathSegments(url).at(-1));
}

function handles(url: URL): boolean {
  const host = url.hostname;
  return host === 'www.notion.so' || host === 'notion.so' || host.endsWith('.notion.site');
}

/** The open peek, if it has rendered a page; Notion keeps an empty renderer around between peeks. */
function peek(doc: Document): Element | null {
  const renderer = doc.querySelector('.notion-peek-renderer');
  return renderer?.querySelector('.notion-page-content') ? renderer : null;
}

function root(doc: Document): Element {
  // The frame outlives the block elements Notion replaces on every edit and sync.
  return peek(doc) ?? rootFrom(doc, ['.notion-frame', '.notion-page-content']);
}

const TITLES = ['.notion-page-block h1', 'h1[placeholder]', '[placeholder="Untitled"]', 'h1'];

function title(doc: Document): string {
  const scope = peek(doc) ?? queryFirst(doc, ['.notion-frame']) ?? doc;
  // Public pages on notion.site append " | Notion"; workspace tabs hold the bare page title.
  return firstText(scope, TITLES) || cleanDocumentTitle(doc, [/\s+[|–-]\s+Notion$/]);
}

export const notion: SiteAdapter = {
  id: 'notion',
  matches: ['https://www.notion.so/*', 'https://*.notion.site/*'],
  canHighlight: true,
  handles,
  pageKey(url) {
    if (!handles(url)) return null;
    const id = pageIdOf(url);
    return id ? `notion:${id}` : null;
  },
  title,
  root,
};

registerSite(notion);
