// Any other page: keyed by its normalised URL, titled by its tab, anchored in the whole body.
import { firstText } from './dom';
import { registerFallback } from './registry';
import type { SiteAdapter } from './types';
import { normaliseUrl } from './url';

function title(doc: Document): string {
  const tab = (doc.title ?? '').replace(/\s+/g, ' ').trim();
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim();
  return tab || og || firstText(doc, ['h1']);
}

export const generic: SiteAdapter = {
  id: 'generic',
  // Other sites are granted one by one in the options page or for one tab (activeTab).
  matches: [],
  canHighlight: true,
  handles: () => true,
  pageKey: (url) => `url:${normaliseUrl(url)}`,
  title,
  // On an unknown page the discussion may sit outside <main> (comment threads, sidebars), so the
  // whole body is the root; anchoring's context matching copes with the extra text.
  root: (doc) => doc.body ?? doc.documentElement,
};

registerFallback(generic);
