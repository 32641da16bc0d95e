// The matching strategy on plain normalised text (no DOM): exact quote at the hinted position → exact
// quote elsewhere, best context wins → approximate match near the hint → approximate match elsewhere.
// Each step runs only when the cheaper one before it found nothing acceptable.
import { buildGramIndex, type GramIndex } from './gram-index';
import { approximateByGrams, approximateIn, exactCandidates } from './match';
import { collapseWhitespace, normaliseText } from './normalise';
import { better, type Candidate, isAcceptable, type Quote, type Scored, scoreCandidate } from './score';
import type { Selectors } from './types';

/** Half-width (normalised characters) of the window searched for the exact quote around the hint first. */
const NEAR = 4096;
/** The same for approximate search: Myers costs per character searched and yields more spurious
 * matches in a wider window; quotes that moved further are found through the gram index. */
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
  const pick = (candidates: Candidate[]): Scored | null => {
    let best: Scored | null = null;
    for (const c of candidates) {
      const scored = scoreCandidate(text, quote, hints, c);
      if (isAcceptable(scored, length)) best = better(best, scored);
    }
    return best;
  };
  const done = (best: Scored | null): QuoteMatch | null =>
    best && { ...best, exact: best.errors === 0 && text.startsWith(quote.exact, best.start) };

  if (hint !== null) {
    for (const at of new Set(hints)) {
      if (!text.startsWith(quote.exact, at)) continue;
      const here = pick([{ start: at, end: at + length, errors: 0 }]);
      if (here && here.context === 1) return done(here);
    }
    const near = pick(exactCandidates(text, quote.exact, Math.max(0, hint - NEAR), hint + length + NEAR));
    if (near && near.context === 1) return done(near);
  }
  const exact = pick(mostPromising(text, quote, exactCandidates(text, quote.exact)));
  if (exact) return done(exact);

  const maxErrors = Math.min(MAX_ERRORS, Math.floor(length / 4));
  if (maxErrors === 0) return null;
  // Around the shifted hint and, when the shift was wrong for this quote, around its own.
  for (const at of new Set(hints)) {
    const near = pick(
      approximateIn(text, quote.exact, maxErrors, at - NEAR_APPROXIMATE, at + length + NEAR_APPROXIMATE),
    );
    if (near) return done(near);
  }
  const index = grams();
  if (index === null) return NEEDS_GRAMS;
  const skip = hint ?? 0;
  const far = approximateByGrams(
    index,
    quote.exact,
    maxErrors,
    skip - NEAR_APPROXIMATE,
    skip + length + NEAR_APPROXIMATE,
  );
  return done(pick(far));
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
