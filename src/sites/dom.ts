// DOM reading helpers for adapters: first matching element, visible text of titles, title formatting.

/** The first element matching any of the selectors, tried in order (most specific first). */
export function queryFirst(scope: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = scope.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/** The element's text with whitespace collapsed; inputs and textareas give their value (editable titles). */
export function readText(element: Element | null): string {
  if (!element) return '';
  const tag = element.tagName.toLowerCase();
  const raw =
    tag === 'input' || tag === 'textarea'
      ? (element as HTMLInputElement | HTMLTextAreaElement).value || (element.getAttribute('value') ?? '')
      : (element.textContent ?? '');
  return raw.replace(/\s+/g, ' ').trim();
}

/** Text of the first matching element that has any. */
export function firstText(scope: ParentNode, selectors: readonly string[]): string {
  for (const selector of selectors) {
    for (const element of scope.querySelectorAll(selector)) {
      const text = readText(element);
      if (text) return text;
    }
  }
  return '';
}

/** The site's root container, else the page's main landmark, else the body. */
export function rootFrom(doc: Document, selectors: readonly string[]): Element {
  return (
    queryFirst(doc, selectors) ??
    queryFirst(doc, ['main', '[role="main"]']) ??
    doc.body ??
    doc.documentElement
  );
}

/** `document.title`, whitespace collapsed, with the first matching site suffix removed. */
export function cleanDocumentTitle(doc: Document, suffixes: readonly RegExp[]): string {
  const title = (doc.title ?? '').replace(/\s+/g, ' ').trim();
  for (const suffix of suffixes) {
    if (suffix.test(title)) return title.replace(suffix, '').trim();
  }
  return title;
}

/** The document's URL, or null for documents without one (DOMParser output is about:blank). */
export function documentUrl(doc: Document): URL | null {
  try {
    const url = new URL(doc.URL);
    return url.protocol === 'about:' ? null : url;
  } catch {
    return null;
  }
}

/** "ACME-7 · Fix the login timeout"; either part alone when the other is unknown. */
export function joinTitle(reference: string, title: string): string {
  if (reference && title) return `${reference} · ${title}`;
  return reference || title;
}
