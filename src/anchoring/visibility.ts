// Is a text node rendered? Answered per parent element and cached for one index build, since
// style reads dominate the cost of indexing a large page.

/** Attribute carried by Decidedly's own shadow hosts and overlays; their text is never page text. */
export const UI_ATTRIBUTE = 'data-decidedly-ui';

// Never user-visible page text: code, form controls (their value is not in the DOM anyway), embedded
// documents and media. Buttons, SVG <text> and MathML are read like any text: a user can select them,
// and a range that starts or ends inside one must come back whole when anchored again.
const EXCLUDED_TAGS = new Set(
  (
    'script style noscript template textarea select input option optgroup datalist iframe embed ' +
    'canvas video audio title'
  ).split(' '),
);

/** Elements whose whole subtree is not page text, whatever the styles say. */
export function isExcluded(el: Element): boolean {
  if (EXCLUDED_TAGS.has(el.localName) || el.hasAttribute(UI_ATTRIBUTE)) return true;
  // An <object> shows its resource instead of its children, but one with no `data` has nothing to
  // show and renders its children as fallback content: pages nest a link in a link that way.
  if (el.localName === 'object' && el.hasAttribute('data')) return true;
  // `hidden="until-found"` content is found by find-in-page and revealed on demand: it is page text.
  const hidden = el.getAttribute('hidden');
  return hidden !== null && hidden !== 'until-found';
}

/**
 * A checker for "no ancestor up to `root` has display: none". `checkVisibility()` answers for the
 * whole ancestor chain in one native call (about twice as fast as a computed-style read per element);
 * when it says no, the answer is confirmed with computed styles, because it also says no for
 * `display: contents` parents and `content-visibility: hidden` content, which are page text here.
 */
export function visibilityChecker(root: Element): (parent: Element) => boolean {
  const view = root.ownerDocument.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return () => true;
  const hasCheck = typeof root.checkVisibility === 'function';
  const visible = new Map<Element, boolean>();
  const displayNone = new Map<Element, boolean>();
  const isDisplayNone = (el: Element): boolean => {
    let none = displayNone.get(el);
    if (none === undefined) {
      none = view.getComputedStyle(el).display === 'none';
      displayNone.set(el, none);
    }
    return none;
  };
  return (parent) => {
    let answer = visible.get(parent);
    if (answer === undefined) {
      answer = hasCheck && parent.checkVisibility();
      for (let el: Element | null = parent; !answer && el !== null; el = el.parentElement) {
        if (isDisplayNone(el)) break;
        if (el === root) answer = true;
      }
      visible.set(parent, answer);
    }
    return answer;
  };
}
