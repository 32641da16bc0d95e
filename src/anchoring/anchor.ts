// Anchoring passes over the DOM: one text index per pass (single calls share one, index-cache.ts),
// matches mapped back to live ranges.
// `anchorMany` never holds the main thread for long: the index, the gram index and the matching
// are all done in slices, with a yield to the page between them.
import { type GramIndex, startGramIndex } from './gram-index';
import { currentGrams, currentIndex } from './index-cache';
import { matchQuoteWith, NEEDS_GRAMS } from './match-quote';
import { watchText, yieldToPage } from './schedule';
import { startTextIndex, type TextIndex } from './text-index';
import { rangeAt } from './text-position';
import type { AnchorResult, Selectors } from './types';

/** Longest stretch of work before yielding. One slow selector can overrun it, but a task stays
 * well under the 50 ms long-task line. */
const SLICE_MS = 8;
/** Selectors per chunk at most, so the page gets its turns even where the clock is coarse. */
const CHUNK = 64;
/** A page that keeps re-rendering gets this many restarts of a sliced build, then one in a single go. */
const MAX_RESTARTS = 3;

type Located = { result: AnchorResult | null; movedBy: number | null };

/** Anchors one set of selectors in a built index; `movedBy` is how far an exact match moved from its hint. */
function locate(
  index: TextIndex,
  grams: () => GramIndex | null,
  selectors: Selectors,
  shift: number,
): Located | typeof NEEDS_GRAMS {
  const match = matchQuoteWith(index.text, selectors, shift, grams);
  if (match === NEEDS_GRAMS) return match;
  const range = match && rangeAt(index, match.start, match.end);
  if (!match || !range) return { result: null, movedBy: null };
  const hint = selectors.position?.start;
  const movedBy = match.exact && typeof hint === 'number' ? match.start - hint : null;
  return { result: { range, score: match.score, exact: match.exact }, movedBy };
}

export function anchorOne(root: Element, selectors: Selectors): AnchorResult | null {
  const located = locate(currentIndex(root), () => currentGrams(root), selectors, 0);
  return located === NEEDS_GRAMS ? null : located.result;
}

export async function anchorMany(root: Element, list: Selectors[]): Promise<(AnchorResult | null)[]> {
  if (list.length === 0) return [];
  const watch = watchText(root);
  let sliceEnd = performance.now() + SLICE_MS;
  /** Yields, starts a new slice and says whether the page's text may have changed meanwhile. */
  const pause = async (): Promise<boolean> => {
    await yieldToPage();
    sliceEnd = performance.now() + SLICE_MS;
    return watch.changed();
  };
  const deadline = (attempt: number) => (attempt < MAX_RESTARTS ? sliceEnd : Number.POSITIVE_INFINITY);
  const results: (AnchorResult | null)[] = new Array(list.length).fill(null);
  // In document order, neighbours have mostly moved by the same amount: `shift` carries it along.
  const order = list.map((_, i) => i).sort((a, b) => positionOf(list[a]!) - positionOf(list[b]!));
  try {
    const freshIndex = () => inSlices(() => startTextIndex(root), pause, deadline);
    /** The gram index of `text` built in slices, or null if the page changed meanwhile. */
    const gramsOf = async (text: string, attempt: number): Promise<GramIndex | null> => {
      const step = startGramIndex(text);
      for (;;) {
        const built = step(deadline(attempt));
        if (built !== null) return built;
        if (await pause()) return null;
      }
    };
    let index = await freshIndex();
    let grams: GramIndex | null = null;
    let shift = 0;
    let inChunk = 0;
    for (const i of order) {
      if (inChunk >= CHUNK || performance.now() >= sliceEnd) {
        inChunk = 0;
        // The page may have re-rendered while we waited: offsets from the old index would be wrong.
        if (await pause()) [index, grams] = [await freshIndex(), null];
      }
      inChunk++;
      let located = locate(index, () => grams, list[i]!, shift);
      for (let attempt = 0; located === NEEDS_GRAMS; attempt++) {
        grams = await gramsOf(index.text, attempt);
        // A re-render during that build left `index` stale: rebuild it, then the grams again.
        if (grams === null) index = await freshIndex();
        located = locate(index, () => grams, list[i]!, shift);
      }
      results[i] = located.result;
      // Text inserted above one quote usually moves the next ones by as much: try that first next time.
      if (located.movedBy !== null) shift = located.movedBy;
    }
  } finally {
    watch.stop();
  }
  return results;
}

function positionOf(selectors: Selectors): number {
  const start = selectors.position?.start;
  return typeof start === 'number' && Number.isFinite(start) ? start : 0;
}

/** Runs a resumable build a slice at a time; a DOM change between slices starts it over. */
async function inSlices<T>(
  start: () => (deadline: number) => T | null,
  pause: () => Promise<boolean>,
  deadline: (attempt: number) => number,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const step = start();
    for (;;) {
      const built = step(deadline(attempt));
      if (built !== null) return built;
      if (await pause()) break;
    }
  }
}
