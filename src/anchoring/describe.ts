// Turns a user's selection into selectors that survive re-renders: the normalised quote, 32 characters
// of context either side, and its offsets in the normalised text.
import { cleanText } from '../core/strings';
import type { TextIndex } from './text-index';
import { offsetAt } from './text-position';
import type { Selectors } from './types';

/** Characters of context kept either side of a quote (as W3C TextQuoteSelector users commonly do). */
export const CONTEXT_LENGTH = 32;

/** Selectors for `range` against an index of its root; leading and trailing spaces are not quoted, and
 * nothing is cut inside a surrogate pair. */
export function describeInIndex(index: TextIndex, range: Range): Selectors {
  const { text } = index;
  let start = offsetAt(index, range.startContainer, range.startOffset);
  let end = Math.max(start, offsetAt(index, range.endContainer, range.endOffset));
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  // A boundary inside a surrogate pair (an emoji, a rare CJK character) takes the whole character.
  if (isLowSurrogate(text, start) && isHighSurrogate(text, start - 1)) start--;
  end = Math.max(start, end);
  if (end > start && isHighSurrogate(text, end - 1) && isLowSurrogate(text, end)) end++;
  // Context is cut on code points, taking a whole character where the cut falls inside one: half a
  // pair is not text, and the sync server rejects it.
  let from = Math.max(0, start - CONTEXT_LENGTH);
  if (from > 0 && isLowSurrogate(text, from) && isHighSurrogate(text, from - 1)) from--;
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  if (isHighSurrogate(text, to - 1) && isLowSurrogate(text, to)) to++;
  // A lone surrogate or NUL the page itself holds is mended: records hold only clean text
  // (src/core/strings.ts).
  return {
    quote: {
      exact: cleanText(text.slice(start, end)),
      prefix: cleanText(text.slice(from, start)),
      suffix: cleanText(text.slice(end, to)),
    },
    position: { start, end },
  };
}

function isHighSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff;
}
