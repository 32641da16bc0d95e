// The one whitespace rule shared by the text index (describing) and the matcher (anchoring):
// any run of whitespace, NBSP included, is a single space. Pages swap NBSPs, newlines and indentation
// between renders, so only the words and their order count.

const WHITESPACE_RUN = /\s+/g;
/** Whitespace other than single spaces (JavaScript's `\s` less the space, spelled out, which irregexp
 * scans faster than `[^\S ]`): only text containing it changes when collapsed, and most does not. */
const NEEDS_COLLAPSE = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;
const WHITESPACE_CHAR = /\s/;
const NON_WHITESPACE = /\S/;

/** Collapses every whitespace run to one space (no trimming, so offsets stay predictable). */
export function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ');
}

/** Whether `collapseWhitespace` would change `text`. */
export function needsCollapse(text: string): boolean {
  return NEEDS_COLLAPSE.test(text);
}

/** Collapses whitespace and trims both ends: the form a quote is stored and compared in. */
export function normaliseText(text: string): string {
  return collapseWhitespace(text).trim();
}

/** True for the characters `collapseWhitespace` folds; must agree with `\s` exactly. */
export function isWhitespace(char: string): boolean {
  return WHITESPACE_CHAR.test(char);
}

/** Index of the first non-whitespace character, or -1. */
export function firstNonWhitespace(text: string): number {
  return text.search(NON_WHITESPACE);
}
