// Where each word of the page text starts, bucketed by its first 12 characters. Built at most once per
// pass, and only when some quote needs an approximate search beyond its hint window: then every such
// quote costs a few bucket lookups instead of rescanning a megabyte of text per piece.

/** Characters hashed at each word start: long enough to be selective, short enough to survive edits. */
export const GRAM = 12;
const BUCKET_BITS = 16;
const BUCKET_MASK = (1 << BUCKET_BITS) - 1;

/** Hash-chained word starts: `heads[bucket]` is the latest word whose gram hashes there, `next[word]` the
 * one before it (-1 ends a chain), `positions[word]` where it starts in `text`. */
export type GramIndex = { text: string; heads: Int32Array; next: Int32Array; positions: Int32Array };

/** Hash of the gram at `at`; buckets only narrow the search, hits are verified. */
function hashAt(text: string, at: number): number {
  let hash = 0;
  for (let i = 0; i < GRAM; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(at + i)) | 0;
  return hash & BUCKET_MASK;
}

/** Builds the whole index at once. */
export function buildGramIndex(text: string): GramIndex {
  return startGramIndex(text)(Number.POSITIVE_INFINITY)!;
}

/** A resumable build in one pass over the word starts (about 8 bytes a word): each call works until
 * `performance.now()` reaches `deadline` and returns the index once complete, else null. */
export function startGramIndex(text: string): (deadline: number) => GramIndex | null {
  const capacity = (text.length >> 1) + 1;
  const positions = new Int32Array(capacity);
  const next = new Int32Array(capacity);
  const heads = new Int32Array(1 << BUCKET_BITS).fill(-1);
  let words = 0;
  let at = 0;
  const last = text.length - GRAM;
  return (deadline) => {
    // indexOf finds the spaces natively; normalised text has no space runs, so each starts a word.
    while (at <= last) {
      if ((words & 511) === 511 && performance.now() >= deadline) return null;
      if (text.charCodeAt(at) !== 32) {
        const bucket = hashAt(text, at);
        positions[words] = at;
        next[words] = heads[bucket]!;
        heads[bucket] = words++;
      }
      const space = text.indexOf(' ', at);
      at = space === -1 ? last + 1 : space + 1;
    }
    return { text, heads, next, positions };
  };
}

/** Word starts in the text where `gram` (GRAM characters) occurs, up to `limit`; null if more. */
export function gramHits(index: GramIndex, gram: string, limit: number): number[] | null {
  const hits: number[] = [];
  for (let word = index.heads[hashAt(gram, 0)]!; word !== -1; word = index.next[word]!) {
    const at = index.positions[word]!;
    if (!index.text.startsWith(gram, at)) continue;
    if (hits.length === limit) return null;
    hits.push(at);
  }
  return hits;
}
