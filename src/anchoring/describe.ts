// Turns a user's selection into selectors that survive re-renders: the normalised quote, 32 characters
// of context either side, and its offsets in the normalised text.
import { cleanText } from '../core/strings';
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
  // Context is cut on whole characters (an emoji is two UTF-16 units), and any lone surrogate or
  // NUL the page itself holds is mended: records hold only clean text (src/core/strings.ts).
  let from = Math.max(0, start - CONTEXT_LENGTH);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--;
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++;
  return {
    quote: {
      exact: cleanText(text.slice(start, end)),
      prefix: cleanText(text.slice(from, start)),
      suffix: cleanText(text.slice(end, to)),
    },
    position: { start, end },
  };
}

const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;
