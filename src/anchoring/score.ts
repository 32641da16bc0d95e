// How much a candidate match looks like the place the quote was taken from, and whether that is enough.
// Unlike annotators that always highlight their best guess, a weak match is refused: the decision then
// shows "source changed" instead of marking the wrong words.

/** A place in the normalised text that matches the quote with `errors` edits. */
export type Candidate = { start: number; end: number; errors: number };
/** `prefix`, `suffix`: context similarity (0..1, 1 verbatim) either side; `distance` from the nearest hint. */
export type Scored = Candidate & {
  score: number;
  context: number;
  prefix: number;
  suffix: number;
  distance: number;
  /** Characters between the longest common start and end of quote and candidate: where the edits are. */
  editSpan: number;
};
export type Quote = { exact: string; prefix: string; suffix: string };

// The quote dominates: an exact quote alone outscores any context, and context (0.3) plus position
// (0.1) decide between candidates and whether an approximate one is trusted at all.
const WEIGHT_QUOTE = 0.6;
const WEIGHT_PREFIX = 0.15;
const WEIGHT_SUFFIX = 0.15;
const WEIGHT_POSITION = 0.1;
/** Distance (normalised characters) from the position hint at which the position term halves. */
const POSITION_SCALE = 2000;
/** An approximate match must score at least this; an exact one only needs enough context (below). */
const MIN_APPROXIMATE_SCORE = 0.75;
/** Shorter quotes only anchor exactly: a few letters off is another word, not an edit. */
const MIN_APPROXIMATE_LENGTH = 16;
/** Context similarity that counts as "still there" for an approximate match (1 is verbatim). */
export const STRONG_CONTEXT = 0.9;
/** Context similarities closer than this do not tell two candidates apart. */
const SAME_CONTEXT = 0.05;
/** Unrelated 32-character contexts still share about this much (common letters, spaces): it counts as 0. */
const UNRELATED_SIMILARITY = 0.45;
/** Extra window characters so context that gained a few characters still aligns. */
const CONTEXT_SLACK = 8;
const MAX_CONTEXT = 32;

const row = new Int32Array(MAX_CONTEXT + CONTEXT_SLACK + 1);

/** Edit distance between `expected` and text read outward from the quote, the far end of the text free. */
function outwardDistance(expected: string, text: string, at: number, before: boolean): number {
  const length = expected.length;
  const width = before
    ? Math.min(at, length + CONTEXT_SLACK)
    : Math.min(text.length - at, length + CONTEXT_SLACK);
  for (let j = 0; j <= width; j++) row[j] = j;
  for (let i = 1; i <= length; i++) {
    const a = before ? expected.charCodeAt(length - i) : expected.charCodeAt(i - 1);
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= width; j++) {
      const b = before ? text.charCodeAt(at - j) : text.charCodeAt(at + j - 1);
      const next = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a === b ? 0 : 1));
      diagonal = row[j]!;
      row[j] = next;
    }
  }
  let best = length;
  for (let j = 0; j <= width; j++) best = Math.min(best, row[j]!);
  return best;
}

/** Similarity (0..1) of the stored context to the text beside a candidate; 0 means unrelated. */
export function contextSimilarity(stored: string, text: string, at: number, before: boolean): number {
  const expected = before ? stored.slice(-MAX_CONTEXT) : stored.slice(0, MAX_CONTEXT);
  if (expected.length === 0) {
    // The quote was at the very start (or end) of the text: still there is full agreement, else neutral.
    return (before ? at === 0 : at === text.length) ? 1 : 0.5;
  }
  const exactHere = before ? text.startsWith(expected, at - expected.length) : text.startsWith(expected, at);
  if (exactHere && (!before || at >= expected.length)) return 1;
  const raw = 1 - outwardDistance(expected, text, at, before) / expected.length;
  return Math.max(0, (raw - UNRELATED_SIMILARITY) / (1 - UNRELATED_SIMILARITY));
}

/** Weighted score of quote likeness, both contexts and closeness to the nearest hint (none: no usable hint). */
export function scoreCandidate(text: string, quote: Quote, hints: readonly number[], c: Candidate): Scored {
  const prefix = contextSimilarity(quote.prefix, text, c.start, true);
  const suffix = contextSimilarity(quote.suffix, text, c.end, false);
  const quoteScore = 1 - Math.min(1, c.errors / Math.max(1, quote.exact.length));
  const distance =
    hints.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...hints.map((h) => Math.abs(c.start - h)));
  const position = hints.length === 0 ? 0 : 1 / (1 + distance / POSITION_SCALE);
  const score =
    WEIGHT_QUOTE * quoteScore + WEIGHT_PREFIX * prefix + WEIGHT_SUFFIX * suffix + WEIGHT_POSITION * position;
  const editSpan = c.errors === 0 ? 0 : differingSpan(quote.exact, text, c.start, c.end);
  return { ...c, score, prefix, suffix, distance, editSpan, context: (prefix + suffix) / 2 };
}

/** Length of the stretch where `quote` and `text[start, end)` differ, between their common start and end. */
function differingSpan(quote: string, text: string, start: number, end: number): number {
  const shorter = Math.min(quote.length, end - start);
  let head = 0;
  while (head < shorter && quote.charCodeAt(head) === text.charCodeAt(start + head)) head++;
  let tail = 0;
  while (
    tail < shorter - head &&
    quote.charCodeAt(quote.length - 1 - tail) === text.charCodeAt(end - 1 - tail)
  )
    tail++;
  return Math.max(quote.length, end - start) - head - tail;
}

/** Context a quote of this length needs: short quotes occur everywhere, so only context tells them apart. */
function requiredContext(quoteLength: number): number {
  if (quoteLength < 8) return 0.5;
  if (quoteLength < 20) return 0.2;
  return 0;
}

/**
 * Whether a scored candidate is trustworthy enough to highlight. An approximate match must be long
 * enough that an edit leaves most of it (a short phrase one letter off is another phrase: "Tip
 * Profile", "Tail Profile"), and its context must still be there: verbatim on one side and mostly on
 * the other. That is what an edit inside the quote leaves, and what a similar sentence elsewhere on
 * the page (a repeated template, a neighbouring list item) rarely has.
 */
export function isAcceptable(s: Scored, quoteLength: number): boolean {
  if (s.context < requiredContext(quoteLength)) return false;
  if (s.errors === 0) return true;
  return (
    quoteLength >= MIN_APPROXIMATE_LENGTH &&
    s.score >= MIN_APPROXIMATE_SCORE &&
    Math.max(s.prefix, s.suffix) >= STRONG_CONTEXT &&
    Math.min(s.prefix, s.suffix) >= 0.5 &&
    // An edit leaves most of the quote verbatim around it; differences from end to end ("Jason Goldman
    // ... @Goldman" against "Jason Furman ... @JasonFurman") are another sentence from the same template.
    (s.editSpan <= quoteLength / 2 || s.errors <= quoteLength / 10)
  );
}

/** Whether two candidates are told apart only by their distance from the hint: same quote errors,
 * context alike on both sides. */
export function indistinguishable(a: Scored, b: Scored): boolean {
  return (
    a.errors === b.errors &&
    Math.abs(a.prefix - b.prefix) <= SAME_CONTEXT &&
    Math.abs(a.suffix - b.suffix) <= SAME_CONTEXT
  );
}
