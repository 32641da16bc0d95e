// Public face of anchoring: describe a selection as selectors, find selectors again in a (changed)
// page, and paint highlights. Pure DOM code with no extension APIs (DESIGN.md §3).
//
// Typical content-script use: `describeRange(root, selection.getRangeAt(0))` when a decision is logged;
// `await anchorAll(root, anchors.map((a) => a.selectors))` when the page session starts (null means
// "source changed"); `highlighter.set(id, result.range)` for each hit. Ranges are live: after a
// re-render, a range whose text nodes were removed collapses, and anchoring it again finds the new text.
import { anchorMany, anchorOne } from './anchor';
import { describeInIndex } from './describe';
import { currentIndex } from './index-cache';
import type { AnchorResult, Selectors } from './types';

export type { Highlighter, HighlighterOptions } from './highlighter';
export { createHighlighter } from './highlighter';
export type { AnchorResult, Selectors } from './types';
/** Put this attribute on every element Decidedly adds to a page (shadow hosts, buttons): its text is never page text. */
export { UI_ATTRIBUTE } from './visibility';

/** Selectors (normalised quote, 32 characters of context each side, offsets) for a range inside `root`. */
export function describeRange(root: Element, range: Range): Selectors {
  return describeInIndex(currentIndex(root), range);
}

/** Finds `selectors` in `root`'s current text; null when only a weak match exists (the source changed). */
export function anchor(root: Element, selectors: Selectors): AnchorResult | null {
  return anchorOne(root, selectors);
}

/** Anchors many selectors with one text index, yielding to the page between chunks; results keep order. */
export function anchorAll(root: Element, list: Selectors[]): Promise<(AnchorResult | null)[]> {
  return anchorMany(root, list);
}
