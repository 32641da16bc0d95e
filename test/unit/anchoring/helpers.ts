// Shared test helpers: load HTML fixtures into happy-dom's document and read the text a user sees in a
// range, independently of the code under test.
import { readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeUrl } from 'node:url';
import fc from 'fast-check';

export const FIXTURES = ['jira-issue', 'github-pr', 'confluence-page', 'notion-doc'] as const;

/** Replaces the current document's head and body with those of `html`; returns the body. */
export function loadHtml(html: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceChildren(...Array.from(document.importNode(parsed.head, true).childNodes));
  document.body.replaceChildren(...Array.from(document.importNode(parsed.body, true).childNodes));
  return document.body;
}

export function loadFixture(name: string): HTMLElement {
  // node:url's URL, not happy-dom's global one, which resolves against the fake page's address.
  const url = new NodeUrl(`../../fixtures/anchoring/${name}.html`, import.meta.url);
  return loadHtml(readFileSync(fileURLToPath(url), 'utf8'));
}

// What counts as page text, restated from the product rules (DESIGN §3) rather than imported.
const NOT_PAGE_TEXT =
  'script, style, noscript, template, textarea, select, input, option, optgroup, datalist, iframe, object[data], ' +
  'embed, canvas, video, audio, title, [data-decidedly-ui], [hidden]:not([hidden="until-found"])';

// happy-dom's getComputedStyle costs ~0.3 ms; tests never restyle an element after reading it.
const displayNone = new WeakMap<Element, boolean>();
function isDisplayNone(el: Element): boolean {
  let none = displayNone.get(el);
  if (none === undefined) {
    none = getComputedStyle(el).display === 'none';
    displayNone.set(el, none);
  }
  return none;
}

export function isPageText(node: Text): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (el.matches(NOT_PAGE_TEXT) || isDisplayNone(el)) return false;
    if (el === document.body) return true;
  }
  return true;
}

/** All text nodes under `root`, in document order. */
export function textNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** The visible text inside `range`, whitespace collapsed and trimmed (no spaces added at block edges). */
export function visibleText(range: Range): string {
  let out = '';
  const common = range.commonAncestorContainer;
  // A TreeWalker never returns its own root, so a range inside one text node is walked from its parent.
  for (const node of textNodes(common.nodeType === 3 ? common.parentNode! : common)) {
    if (!isPageText(node) || !inRange(range, node)) continue;
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.data.length;
    // A text node can intersect at its edge only (range ends at offset 0 of it): slice handles that.
    out += node.data.slice(from, Math.max(from, to));
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Whether part of `node` lies between the range's ends, by tree order only (happy-dom's intersectsNode
 * and comparePoint misplace points between an element's children). */
function inRange(range: Range, node: Text): boolean {
  const after = (container: Node, offset: number): boolean => {
    if (container === node) return true;
    if (container.nodeType === 3) return (container.compareDocumentPosition(node) & 4) !== 0;
    const child = container.childNodes[offset];
    if (child) return child === node || (child.compareDocumentPosition(node) & 4) !== 0;
    const position = container.compareDocumentPosition(node);
    return (position & 4) !== 0 && (position & 16) === 0;
  };
  const beforeEnd = range.endContainer === node || !after(range.endContainer, range.endOffset);
  return after(range.startContainer, range.startOffset) && beforeEnd;
}

/** Whether a boundary point falls between the two halves of a surrogate pair (describeRange widens it). */
export function splitsPair(node: Node, offset: number): boolean {
  if (node.nodeType !== 3) return false;
  const code = (node as Text).data.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The same text with every space removed: block boundaries add spaces in quotes but not here. */
export function squeezed(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Every boundary point under `root`: each offset of each text node and each child index of each element. */
export function boundaryPoints(root: Element): [Node, number][] {
  const points: [Node, number][] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let n: Node | null = root; n; n = walker.nextNode()) {
    const size = n.nodeType === 3 ? (n as Text).data.length : n.childNodes.length;
    for (let offset = 0; offset <= size; offset++) points.push([n, offset]);
  }
  return points;
}

/** The range between boundary points `a` and `b` of `points`, whichever comes first in the document. */
export function rangeBetween(points: [Node, number][], a: number, b: number): Range {
  const [first, second] = [points[a]!, points[b]!];
  const range = document.createRange();
  range.setStart(first[0], first[1]);
  range.collapse(true);
  const [start, end] = range.comparePoint(second[0], second[1]) < 0 ? [second, first] : [first, second];
  range.setStart(start[0], start[1]);
  range.setEnd(end[0], end[1]);
  return range;
}

/** A fast-check arbitrary of ranges between two boundary points under `root`. */
export function arbitraryRange(root: Element): fc.Arbitrary<Range> {
  const points = boundaryPoints(root);
  const index = fc.integer({ min: 0, max: points.length - 1 });
  return fc.tuple(index, index).map(([a, b]) => rangeBetween(points, a, b));
}

/** A range over the nth occurrence of `text` inside one text node under `root`; spaces in `text`
 * match any whitespace run, so fixtures can wrap lines. */
export function rangeOfText(root: Element, text: string, nth = 0): Range {
  const pattern = new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'), 'g');
  let seen = 0;
  for (const node of textNodes(root)) {
    for (const match of node.data.matchAll(pattern)) {
      if (seen++ !== nth) continue;
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      return range;
    }
  }
  throw new Error(`text not found: ${text}`);
}
