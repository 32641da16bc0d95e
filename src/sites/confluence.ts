// Confluence (Cloud under *.atlassian.net/wiki, Server/Data Center on user-registered hosts): pages by id.
import { cleanDocumentTitle, firstText, rootFrom } from './dom';
import { registerSite } from './registry';
import type { SiteAdapter, SiteHint } from './types';
import { pathSegments, queryParam } from './url';

const PAGE_ID = /^\d+$/;
// Editor routes put a mode between `pages` and the id: /pages/edit-v2/123, /pages/edit/123.
const EDIT_MODES = new Set(['edit', 'edit-v2', 'edit-embed', 'resumedraft']);

function isId(text: string | null | undefined): text is string {
  return text !== null && text !== undefined && PAGE_ID.test(text);
}

/** The id after `pages/` (or `pages/edit-v2/`). */
function idAfterPages(segments: string[], at: number): string | null {
  const next = segments[at + 1];
  if (isId(next)) return next;
  if (next && EDIT_MODES.has(next) && isId(segments[at + 2])) return segments[at + 2]!;
  return null;
}

/** Blog posts: /blog/2024/05/14/<id>/<title>, or /blog/<id> and /blog/edit-v2/<id> in newer links. */
function idAfterBlog(segments: string[], at: number): string | null {
  const rest = segments.slice(at + 1);
  if (rest[0] && EDIT_MODES.has(rest[0])) rest.shift();
  const dated =
    /^\d{4}$/.test(rest[0] ?? '') && /^\d{1,2}$/.test(rest[1] ?? '') && /^\d{1,2}$/.test(rest[2] ?? '');
  const id = dated ? rest[3] : rest[0];
  return isId(id) ? id : null;
}

function pageIdOf(url: URL): string | null {
  // /pages/viewpage.action?pageId=, editpage.action and friends on Server; ?homepageId= on space overviews.
  const fromQuery = queryParam(url, 'pageId') ?? queryParam(url, 'homepageId');
  if (isId(fromQuery)) return fromQuery;
  const segments = pathSegments(url);
  for (let i = 0; i < segments.length; i++) {
    if (segments[i] === 'pages') {
      const id = idAfterPages(segments, i);
      if (id) return id;
    }
    if (segments[i] === 'blog') {
      const id = idAfterBlog(segments, i);
      if (id) return id;
    }
  }
  return null;
}

function handles(url: URL, hint?: SiteHint): boolean {
  return (
    hint?.customHost === true || (url.hostname.endsWith('.atlassian.net') && url.pathname.startsWith('/wiki'))
  );
}

// Server/Data Center's #content wraps title, body and comments (decisions often land in comments);
// Cloud's renderer has #main-content too.
const ROOTS = ['#content.page', '#main-content', '[data-testid="renderer-page"]', '#content'];
const TITLES = ['[data-testid="title-text"]', '#heading-title-text', '#title-text'];

function root(doc: Document): Element {
  return rootFrom(doc, ROOTS);
}

function title(doc: Document): string {
  const heading = firstText(doc, TITLES);
  if (heading) return heading;
  // "Session storage decision - Engineering - Confluence": drop the product, then the space name.
  const tab = cleanDocumentTitle(doc, []);
  if (!/\s-\sConfluence$/i.test(tab)) return tab;
  const withoutProduct = tab.replace(/\s+-\s+Confluence$/i, '');
  const spaceAt = withoutProduct.lastIndexOf(' - ');
  return spaceAt > 0 ? withoutProduct.slice(0, spaceAt) : withoutProduct;
}

export const confluence: SiteAdapter = {
  id: 'confluence',
  matches: ['https://*.atlassian.net/*'],
  canHighlight: true,
  handles,
  pageKey(url, hint) {
    if (!handles(url, hint)) return null;
    const id = pageIdOf(url);
    return id ? `confluence:${url.host}:${id}` : null;
  },
  title,
  root,
};

registerSite(confluence);
