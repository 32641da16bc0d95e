// Turns a user's selection into selectors that survive re-renders: the normalised quote, 32 characters
// of context either side, and its offsets in the normalised text.
import type { TextIndex } from './text-index';
import { offsetAt } from './text-position';
import type { Selectors } from './types';

/** Characters of context kept either side of a quote (as W3C TextQuoteSelector users commonly do). */
export const CONTEXT_LENGTH = 32;

/** Selectors for `range` against an index of its root; leading and trailing spaces are not quoted. */
export function describeInIndex(index: TextIndex, range: Range): Selectors {
  const { text } = index;
  let start = offsetAt(index, range.startContainer, range.startOffset);
  let end = Math.max(start, offsetAt(index, range.endContainer, range.endOffset));
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { start, end },
  };
}
