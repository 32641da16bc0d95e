// Where a quote could be in the text: exact occurrences first, then approximate ones, cheapest search
// first. Myers' bit-parallel search costs tens of milliseconds per MB, so it only runs on small windows.
import search from 'approx-string-match';
import { GRAM, type GramIndex, gramHits } from './gram-index';
import type { Candidate, Quote } from './score';

/** Exact occurrences beyond this are ignored; a quote that common cannot be placed by context anyway. */
const MAX_EXACT = 5000;
/** Candidate regions verified with Myers outside the hint window, per quote, most voted first. */
const MAX_REGIONS = 8;
/** Occurrences of one gram before it is judged too common to narrow anything down. */
const MAX_GRAM_HITS = 64;
/** Grams looked up per quote: enough that scattered edits leave several intact. */
const MAX_GRAMS = 8;

/** All exact occurrences of `quote` in `text[from, to)`. */
export function exactCandidates(text: string, quote: string, from = 0, to = text.length): Candidate[] {
  const found: Candidate[] = [];
  const scope = from === 0 && to === text.length ? text : text.slice(from, to);
  for (
    let at = scope.indexOf(quote);
    at !== -1 && found.length < MAX_EXACT;
    at = scope.indexOf(quote, at + 1)
  ) {
    found.push({ start: from + at, end: from + at + quote.length, errors: 0 });
  }
  return found;
}

/** Best approximate matches of `quote` within `text[from, to)` with at most `maxErrors` edits. */
export function approximateIn(
  text: string,
  quote: string,
  maxErrors: number,
  from: number,
  to: number,
): Candidate[] {
  const start = Math.max(0, from);
  const end = Math.min(text.length, to);
  if (end - start < quote.length - maxErrors) return [];
  return search(text.slice(start, end), quote, maxErrors).map((m) =>
    trimmed(text, {
      start: start + m.start,
      end: start + m.end,
      errors: m.errors,
    }),
  );
}

/** Shortest context (characters) that can bracket a quote: fewer occur too often to mean anything. */
const MIN_BRACKET = 8;

/**
 * The text between the quote's stored prefix and suffix, both found verbatim within `[from, to)`, when
 * its length is within half to twice the quote's: where the quote was, however much of it was edited.
 * `errors` is its edit distance to the quote (bounded below; beyond, not a candidate).
 * A removed quote leaves prefix and suffix side by side, with nothing between them to match.
 */
export function bracketed(text: string, quote: Quote, from: number, to: number): Candidate[] {
  const { exact, prefix, suffix } = quote;
  if (prefix.trim().length < MIN_BRACKET || suffix.trim().length < MIN_BRACKET) return [];
  const found: Candidate[] = [];
  const limit = Math.min(text.length, to);
  for (
    let at = text.indexOf(prefix, Math.max(0, from));
    at !== -1 && at < limit;
    at = text.indexOf(prefix, at + 1)
  ) {
    const start = at + prefix.length;
    const end = text.indexOf(suffix, start + (exact.length >> 1));
    if (end === -1 || end - start > 2 * exact.length) continue;
    const gap = trimmed(text, { start, end, errors: 0 });
    // A replaced word or two, not a rewrite: half a short quote, a quarter (and a word) of a long one.
    const budget = Math.min(exact.length >> 1, (exact.length >> 2) + 12);
    const matches = search(text.slice(gap.start, gap.end), exact, budget);
    // The whole gap against the whole quote: a match inside the gap leaves the rest as extra edits.
    const errors = Math.min(
      budget + 1,
      ...matches.map((m) => m.errors + m.start + (gap.end - gap.start - m.end)),
    );
    if (errors <= budget) found.push({ ...gap, errors });
    if (found.length >= 4) break;
  }
  return found;
}

// A match that begins or ends on a space would highlight a stray space; the error count is kept.
function trimmed(text: string, c: Candidate): Candidate {
  let { start, end } = c;
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  return { start, end, errors: c.errors };
}

/**
 * Approximate matches anywhere outside `[skipFrom, skipTo)`, found by filter-then-verify: 12-character
 * grams at word starts inside the quote are looked up in the gram index, each hit votes for where the
 * quote would begin, and only the most voted regions run Myers. An edit destroys the grams it overlaps,
 * so the quote is found while a few of its grams survive; edits touching every word are missed, the
 * price of not running Myers over the whole page for every quote that is gone.
 */
export function approximateByGrams(
  grams: GramIndex,
  quote: string,
  maxErrors: number,
  skipFrom: number,
  skipTo: number,
): Candidate[] {
  const origins: number[] = [];
  for (const offset of gramOffsets(quote)) {
    for (const at of gramHits(grams, quote.slice(offset, offset + GRAM), MAX_GRAM_HITS) ?? []) {
      origins.push(at - offset);
    }
  }
  origins.sort((a, b) => a - b);
  // Hits within the error budget of each other vote for the same region.
  const regions: { from: number; to: number; votes: number }[] = [];
  for (const origin of origins) {
    const last = regions[regions.length - 1];
    if (last && origin - maxErrors <= last.to - quote.length) {
      last.to = origin + quote.length + maxErrors;
      last.votes++;
    } else {
      regions.push({ from: origin - maxErrors, to: origin + quote.length + maxErrors, votes: 1 });
    }
  }
  return regions
    .filter((r) => r.from < skipFrom || r.to > skipTo)
    .sort((a, b) => b.votes - a.votes)
    .slice(0, MAX_REGIONS)
    .flatMap((r) => approximateIn(grams.text, quote, maxErrors, r.from, r.to));
}

/** Offsets of up to MAX_GRAMS word starts inside the quote (after a space), spread along it. */
function gramOffsets(quote: string): number[] {
  const all: number[] = [];
  for (let i = 1; i + GRAM <= quote.length; i++) {
    if (quote.charCodeAt(i - 1) === 32 && quote.charCodeAt(i) !== 32) all.push(i);
  }
  if (all.length <= MAX_GRAMS) return all;
  return Array.from({ length: MAX_GRAMS }, (_, k) => all[Math.floor((k * all.length) / MAX_GRAMS)]!);
}
