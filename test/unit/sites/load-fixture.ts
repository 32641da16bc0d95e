// Loads a fixture page into the happy-dom test document at the URL the real site serves it from.
import { readFixture } from '../../fixtures/pages';

interface HappyDomWindow {
  happyDOM: { setURL(url: string): void };
}

/**
 * Replaces the test document with the fixture's DOM (scripts do not run: happy-dom evaluates no
 * JavaScript by default), after moving the window to `url` so adapters can read `document.URL`.
 */
export function loadFixture(file: string, url: string): Document {
  (window as unknown as HappyDomWindow).happyDOM.setURL(url);
  const parsed = new DOMParser().parseFromString(readFixture(file), 'text/html');
  swapDocumentElement(parsed);
  return document;
}

/** Remove-then-append: happy-dom's Document.replaceChild inserts first and rejects a second <html>. */
function swapDocumentElement(parsed: Document): void {
  const imported = document.importNode(parsed.documentElement, true);
  document.documentElement.remove();
  document.append(imported);
}

/** A document with only a tab title and an optional body, for the document.title fallbacks. */
export function documentWithTitle(title: string, url: string, body = ''): Document {
  (window as unknown as HappyDomWindow).happyDOM.setURL(url);
  const parsed = new DOMParser().parseFromString(
    '<!doctype html><html><head></head><body></body></html>',
    'text/html',
  );
  parsed.title = title;
  const paragraph = parsed.createElement('p');
  paragraph.textContent = body;
  parsed.body.append(paragraph);
  swapDocumentElement(parsed);
  return document;
}
