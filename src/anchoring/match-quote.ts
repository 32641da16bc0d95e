// The matching strategy on plain normalised text (no DOM): exact quote at the hinted position with its
// context → exact quote anywhere with its whole context → otherwise exact occurrences with partial context
// compete with approximate matches near the hint (an edit inside the quote keeps its place and context),
// then approximate matches elsewhere. A tie between look-alike places the hint cannot settle gives null.
import { buildGramIndex, type GramIndex } from './gram-index';
import { approximateByGrams, approximateIn, bracketed, exactCandidates } from './match';
import { collapseWhitespace, normaliseText } from './normalise';
import {
  type Candidate,
  indistinguishable,
  isAcceptable,
  type Quote,
  type Scored,
  STRONG_CONTEXT,
  scoreCandidate,
} from './score';
import type { Selectors } from './types';

/** Half-width (normalised characters) of the window searched for an approximate match around the hint:
 * Myers costs per character searched and yields more spurious matches in a wider window; quotes that
 * moved further are found through the gram index. */
const NEAR_APPROXIMATE = 1024;
/** Exact occurrences scored in full; beyond this a cheap context check picks which ones to score. */
const FULLY_SCORED = 32;
const MAX_ERRORS = 32;

export type QuoteMatch = Scored & { exact: boolean };
/** Returned by `matchQuoteWith` when only a search of the whole text is left and no gram index exists. */
export const NEEDS_GRAMS = 'needs-grams';

/** Where `selectors` anchor in `text`, or null when no place is trustworthy (see `matchQuoteWith`). */
export function matchQuote(text: string, selectors: Selectors, shift = 0): QuoteMatch | null {
  let grams: GramIndex | null = null;
  const match = matchQuoteWith(text, selectors, shift, () => {
    grams ??= buildGramIndex(text);
    return grams;
  });
  return match === NEEDS_GRAMS ? null : match;
}

/**
 * Where `selectors` anchor in `text`, or null when no place is trustworthy. `shift` is how far the
 * previous quote of this pass moved (text inserted above it likely moved this one too): the shifted
 * hint is searched first. `grams` gives the pass's gram index; when it gives null and the index is
 * needed, NEEDS_GRAMS is returned so the caller can build it without blocking and ask again.
 */
export function matchQuoteWith(
  text: string,
  selectors: Selectors,
  shift: number,
  grams: () => GramIndex | null,
): QuoteMatch | null | typeof NEEDS_GRAMS {
  const quote: Quote = {
    exact: normaliseText(selectors.quote.exact),
    prefix: collapseWhitespace(selectors.quote.prefix ?? ''),
    suffix: collapseWhitespace(selectors.quote.suffix ?? ''),
  };
  const length = quote.exact.length;
  if (length === 0) return null;
  const stored = hintOf(selectors, text.length);
  const hint = stored === null ? null : Math.min(Math.max(0, stored + shift), text.length);
  const hints = stored === null || hint === null ? [] : [hint, stored];
  const scored = (candidates: Candidate[]): Scored[] =>
    candidates.map((c) => scoreCandidate(text, quote, hints, c)).filter((c) => isAcceptable(c, length));
  const done = (best: Scored | null): QuoteMatch | null =>
    best && { ...best, exact: best.errors === 0 && text.startsWith(quote.exact, best.start) };

  // The quote exactly where it was, with its context on at least one side: the page is unchanged
  // there, or a copy of the passage was put just before it (then the copy took its place, which is
  // as good). The context is checked: a quoted copy of the sentence now at the old offset, among
  // other words, is not the place the user chose.
  for (const at of new Set(hints)) {
    if (!text.startsWith(quote.exact, at)) continue;
    const [here] = scored([{ start: at, end: at + length, errors: 0 }]);
    if (here && (here.prefix === 1 || here.suffix === 1)) return done(here);
  }
  const candidates = scored(mostPromising(text, quote, exactCandidates(text, quote.exact)));
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(length / 4));
  // Around the shifted hint and, when the shift was wrong for this quote, around its own: the quote
  // edited in place (an exact copy elsewhere must not win over it just for being exact).
  for (const at of new Set(hints)) {
    const [from, to] = [at - NEAR_APPROXIMATE, at + length + NEAR_APPROXIMATE];
    if (maxErrors > 0) candidates.push(...scored(approximateIn(text, quote.exact, maxErrors, from, to)));
    candidates.push(...scored(bracketed(text, quote, from - quote.prefix.length, to)));
  }
  if (candidates.length === 0 && maxErrors > 0) {
    const index = grams();
    if (index === null) return NEEDS_GRAMS;
    const skip = hint ?? 0;
    const [from, to] = [skip - NEAR_APPROXIMATE, skip + length + NEAR_APPROXIMATE];
    candidates.push(...scored(approximateByGrams(index, quote.exact, maxErrors, from, to)));
  }
  return done(choose(candidates, length));
}

/**
 * The best candidate, or null when the best is not clearly the place:
 * - another candidate as good in quote and context (a repeated passage, a carousel shown twice) about
 *   as close to the hint. Text added or removed elsewhere moves the quote by an unknown amount, so a
 *   rival only slightly farther from the hint may well be the right one.
 * - an exact copy with its context away from the hint, while an edited one with its context is nearer:
 *   the user's passage was edited, or the copy is it. Only an edited one exactly at the hint settles it.
 * A wrong highlight is worse than none.
 */
function choose(candidates: Scored[], length: number): Scored | null {
  // An approximate match overlapping an exact occurrence is that occurrence with a neighbour's
  // characters taken in (text inserted at the quote's edge): the occurrence is the place.
  const exact = candidates.filter((c) => c.errors === 0);
  const ranked = candidates
    .filter((c) => c.errors === 0 || !exact.some((e) => c.start < e.end && e.start < c.end))
    .sort((a, b) => b.score - a.score);
  if (ranked.length === 0) return null;
  const best = ranked[0]!;
  const apart = (c: Scored) => c.end <= best.start || c.start >= best.end;
  const edited = ranked.find(
    (c) =>
      c.errors > 0 &&
      apart(c) &&
      c.distance < best.distance &&
      Math.min(c.prefix, c.suffix) >= STRONG_CONTEXT,
  );
  if (best.errors === 0 && edited) return edited.distance === 0 ? edited : null;
  const rival = ranked.find((c) => apart(c) && indistinguishable(best, c));
  if (!rival) return best;
  return rival.distance > 2 * best.distance + length ? best : null;
}

function hintOf(selectors: Selectors, textLength: number): number | null {
  const start = selectors.position?.start;
  return typeof start === 'number' && Number.isFinite(start)
    ? Math.min(Math.max(0, start), textLength)
    : null;
}

/** Cheap pre-ranking of many exact occurrences by how many context characters agree verbatim. */
function mostPromising(text: string, quote: Quote, candidates: Candidate[]): Candidate[] {
  if (candidates.length <= FULLY_SCORED) return candidates;
  const agreeing = (c: Candidate): number => {
    let n = 0;
    const { prefix, suffix } = quote;
    while (n < prefix.length && text.charCodeAt(c.start - 1 - n) === prefix.charCodeAt(prefix.length - 1 - n))
      n++;
    let m = 0;
    while (m < suffix.length && text.charCodeAt(c.end + m) === suffix.charCodeAt(m)) m++;
    return n + m;
  };
  return candidates
    .map((c) => ({ c, agree: agreeing(c) }))
    .sort((a, b) => b.agree - a.agree)
    .slice(0, FULLY_SCORED)
    .map(({ c }) => c);
}
