// The text model anchoring works in: the visible text under a root, in document order, whitespace-
// normalised, with each text node's span in it. Built once per anchoring pass, never per selector.
import { collapseWhitespace, needsCollapse } from './normalise';
import { isExcluded, visibilityChecker } from './visibility';

/** One text node's share of the index: `text.slice(start, end)`; `lead` is 1 when it begins with a space
 * that stands for whitespace or a block boundary before the node rather than for characters inside it. */
export type Segment = { node: Text; start: number; end: number; lead: 0 | 1 };

export type TextIndex = { root: Element; text: string; segments: Segment[] };

// Block boundaries become a space so words from adjacent paragraphs or cells do not glue together.
// Decided by tag, not by computed display, so that describing and anchoring agree even when a
// responsive layout changes an element's display between the two.
const BLOCK_TAGS = new Set(
  (
    'address article aside blockquote br caption dd details dialog div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hgroup hr legend li main menu nav ol p pre search section ' +
    'summary table tbody td text tfoot th thead tr ul'
  ).split(' '),
);

/** Builds the normalised text of `root`'s visible text nodes and where each node sits in it. */
export function buildTextIndex(root: Element): TextIndex {
  return startTextIndex(root)(Number.POSITIVE_INFINITY)!;
}

/**
 * A resumable build, for passes that must not hold the main thread: each call walks on until
 * `performance.now()` reaches `deadline` and returns the index once the walk is complete, else null.
 * The caller must start over if the DOM changed between calls.
 */
export function startTextIndex(root: Element): (deadline: number) => TextIndex | null {
  const isVisible = visibilityChecker(root);
  const blockOf = blockFinder(root);
  const parts: string[] = [];
  const segments: Segment[] = [];
  let length = 0;
  let pendingSpace = false;
  let lastParent: Element | null = null;
  let lastBlock: Element | null = null;

  const addText = (node: Text, parent: Element): void => {
    const data = node.data;
    let body = needsCollapse(data) ? collapseWhitespace(data) : data;
    const leadingSpace = body.charCodeAt(0) === 32;
    if (leadingSpace) body = body.slice(1);
    const trailingSpace = body.charCodeAt(body.length - 1) === 32;
    if (trailingSpace) body = body.slice(0, -1);
    if (body.length === 0) {
      // Whitespace-only nodes (indentation) are common: check visibility only when it matters.
      if (leadingSpace && !pendingSpace && isVisible(parent)) pendingSpace = true;
      return;
    }
    // Runs of text under one parent are common (text around inline elements): one check serves them.
    if (parent !== lastParent) {
      if (!isVisible(parent)) return;
      // Leaving a block shows up as the next text having another block container than the last one.
      const block = blockOf(parent);
      if (block !== lastBlock && lastBlock !== null) pendingSpace = true;
      lastParent = parent;
      lastBlock = block;
    }
    if (leadingSpace) pendingSpace = true;
    const lead = pendingSpace && length > 0 ? 1 : 0;
    if (lead) parts.push(' ');
    parts.push(body);
    segments.push({ node, start: length, end: length + lead + body.length, lead });
    length += lead + body.length;
    pendingSpace = trailingSpace;
  };

  // A native TreeWalker without a JS filter is several times faster than walking with firstChild /
  // nextSibling from script; excluded subtrees are jumped over by hand.
  const walker = root.ownerDocument.createTreeWalker(root, 0x5 /* SHOW_ELEMENT | SHOW_TEXT */);
  let node = walker.nextNode();
  return (deadline) => {
    for (let visited = 0; node !== null; visited++) {
      if ((visited & 127) === 127 && performance.now() >= deadline) return null;
      if (node.nodeType === 3) {
        addText(node as Text, node.parentNode as Element);
      } else if (isExcluded(node as Element)) {
        node = nextOutside(walker);
        continue;
      } else if (BLOCK_TAGS.has((node as Element).localName)) {
        pendingSpace = true;
      }
      node = walker.nextNode();
    }
    return { root, text: parts.join(''), segments };
  };
}

/** The first node after the walker's current node and its subtree, moving the walker there. */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling !== null) return sibling;
    if (walker.parentNode() === null) return null;
  }
}

/** Nearest block ancestor (or the root), cached per element for one build. */
function blockFinder(root: Element): (el: Element) => Element {
  const cache = new Map<Element, Element>();
  const find = (el: Element): Element => {
    if (el === root || BLOCK_TAGS.has(el.localName)) return el;
    let block = cache.get(el);
    if (block === undefined) {
      block = find(el.parentElement ?? root);
      cache.set(el, block);
    }
    return block;
  };
  return find;
}
