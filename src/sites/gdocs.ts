// Google Docs: documents by id. The editor paints text on a canvas, so decisions anchor to the document.
import { cleanDocumentTitle, firstText, rootFrom } from './dom';
import { registerSite } from './registry';
import type { SiteAdapter } from './types';
import { pathSegments } from './url';

const DOC_ID = /^[A-Za-z0-9_-]{20,}$/;

/**
 * /document/d/<id>/edit, also behind an account switch (/document/u/1/d/<id>/edit). Ids are
 * case-sensitive, so they are kept as they are.
 */
function docIdOf(url: URL): string | null {
  const segments = pathSegments(url);
  if (segments[0] !== 'document') return null;
  const d = segments.indexOf('d');
  const id = d === -1 ? undefined : segments[d + 1];
  return id && DOC_ID.test(id) ? id : null;
}

function handles(url: URL): boolean {
  // Published copies (/document/d/e/<id>/pub) are plain HTML pages: the generic adapter reads them.
  return (
    url.hostname === 'docs.google.com' &&
    url.pathname.startsWith('/document/') &&
    !/^\/document\/(?:u\/\d+\/)?d\/e\//.test(url.pathname)
  );
}

function root(doc: Document): Element {
  return rootFrom(doc, ['.kix-appview-editor', '#docs-editor']);
}

function title(doc: Document): string {
  // The renamable title is an <input>; its label mirrors it for the collapsed header.
  return (
    firstText(doc, ['input.docs-title-input', '#docs-title-input-label-inner']) ||
    cleanDocumentTitle(doc, [/\s+-\s+Google Docs$/])
  );
}

export const gdocs: SiteAdapter = {
  id: 'gdocs',
  matches: ['https://docs.google.com/document/*'],
  canHighlight: false,
  handles,
  pageKey(url) {
    if (!handles(url)) return null;
    const id = docIdOf(url);
    return id ? `gdocs:${id}` : null;
  },
  title,
  root,
};

registerSite(gdocs);
