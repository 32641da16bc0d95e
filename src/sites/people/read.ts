// Helpers the per-site people readers share: what a person element says (name, login, email), and
// the values of labelled fields ("Assignee: Marco Bianchi") in the shapes sites lay them out.
import type { PagePart, PagePerson } from '../../core/page-people';

/** Reads the people a page names; pure DOM, no requests. */
export type PeopleReader = (doc: Document, url: URL) => PagePerson[];

export const person = (
  name: string,
  part: PagePart,
  handle: string | null = null,
  email: string | null = null,
): PagePerson => ({ name: clean(name), handle, email, parts: [part] });

export const clean = (text: string | null | undefined): string =>
  (text ?? '').replace(/\s+/g, ' ').trim().replace(/^@/, '').slice(0, 120);

/** Visible text of an element, whitespace collapsed; an avatar's alt when it has no text. */
export function nameOf(element: Element): string {
  const text = clean(element.textContent);
  if (text) return text;
  const img = element.matches('img') ? element : element.querySelector('img[alt]');
  return clean(img?.getAttribute('alt'));
}

const EMAIL = /^[^\s@<>()"]+@[^\s@<>()"]+\.[^\s@<>()"]+$/;

/** The address of a `mailto:` link, or null. */
export function mailtoOf(element: Element | null): string | null {
  const href = element?.getAttribute('href') ?? '';
  if (!/^mailto:/i.test(href)) return null;
  let address = href.slice(7).split('?')[0] ?? '';
  try {
    address = decodeURIComponent(address);
  } catch {
    return null;
  }
  address = address.split(',')[0]!.trim().toLowerCase();
  return EMAIL.test(address) ? address : null;
}

/** The path segments of a link's href on the page's own origin, or null for other origins. */
export function ownPath(element: Element, url: URL): string[] | null {
  const href = element.getAttribute('href');
  if (!href) return null;
  try {
    const target = new URL(href, url);
    if (target.host !== url.host) return null;
    return target.pathname.split('/').filter(Boolean);
  } catch {
    return null;
  }
}

const NOBODY = /^(?:unassigned|none|no one|nobody|no reviewers?|no approvers?|-|—)$/i;

/** The names a field's value holds as plain text ("Priya Raman, Dana Okafor"). */
export function namesIn(value: Element): string[] {
  return clean(value.textContent)
    .split(/\s*[,;]\s*/)
    .map((n) => n.trim())
    .filter((n) => n && !NOBODY.test(n));
}

/**
 * The value elements of labelled fields: `<dt>Label</dt><dd>…`, table rows `<th>Label</th><td>…`,
 * and headings followed by their field. `labels` maps a lower-case label to the part it names.
 */
export function labelledFields(
  scope: ParentNode,
  labels: Record<string, PagePart>,
): { part: PagePart; value: Element }[] {
  const out: { part: PagePart; value: Element }[] = [];
  for (const label of scope.querySelectorAll('dt, th, [data-field-label]')) {
    const part = labels[clean(label.textContent).replace(/:$/, '').toLowerCase()];
    if (!part) continue;
    const value = label.nextElementSibling;
    if (value && value.tagName !== label.tagName) out.push({ part, value });
  }
  return out;
}

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'TEMPLATE', 'CODE', 'PRE']);

/** The text of `root` outside scripts, styles, form fields and code, up to `limit` characters. */
export function textOfPage(root: Element, limit = 500_000): string {
  const walker = root.ownerDocument.createTreeWalker(root, 1 | 4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    // Rejecting an element skips its whole subtree: one check per element, not per text node.
    acceptNode: (node) => (SKIPPED.has(node.nodeName) ? 2 /* FILTER_REJECT */ : 1 /* FILTER_ACCEPT */),
  });
  let out = '';
  for (let node = walker.nextNode(); node && out.length < limit; node = walker.nextNode())
    if (node.nodeType === 3) out += ` ${node.nodeValue ?? ''}`;
  return out;
}
