// Judges anchoring results against live "truth" ranges: the DOM keeps each truth range on its
// quote's text through every edit, so it says where the quote really is now (or that it is gone).
import type { AnchorResult, Selectors } from '../../../src/anchoring/index';

export type Quote = { selectors: Selectors; truth: Range; length: number };

function normalised(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Dice coefficient over character bigrams: 1 for equal texts, ~0 for unrelated ones. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++)
    grams.set(a.slice(i, i + 2), (grams.get(a.slice(i, i + 2)) ?? 0) + 1);
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const n = grams.get(b.slice(i, i + 2)) ?? 0;
    if (n > 0) {
      shared++;
      grams.set(b.slice(i, i + 2), n - 1);
    }
  }
  return (2 * shared) / Math.max(1, a.length - 1 + b.length - 1);
}

function overlaps(a: Range, b: Range): boolean {
  return (
    a.compareBoundaryPoints(Range.START_TO_END, b) > 0 && a.compareBoundaryPoints(Range.END_TO_START, b) < 0
  );
}

/** Right / null / wrong against the truth ranges, split by whether the quote's text is still there. */
export function classify(quotes: Quote[], results: (AnchorResult | null)[]) {
  const counts = {
    present: 0,
    removed: 0,
    right: 0,
    exactText: 0,
    missed: 0,
    wrong: 0,
    correctNull: 0,
    falseAnchor: 0,
  };
  results.forEach((result, i) => {
    const { truth, length } = quotes[i]!;
    const remaining = normalised(truth.toString());
    if (remaining.length < length / 2) {
      counts.removed++;
      if (result === null) counts.correctNull++;
      else if (!overlaps(result.range, truth)) counts.falseAnchor++;
      else counts.right++;
      return;
    }
    counts.present++;
    if (result === null) counts.missed++;
    else if (
      overlaps(result.range, truth) &&
      similarity(normalised(result.range.toString()), remaining) >= 0.9
    ) {
      counts.right++;
      if (normalised(result.range.toString()) === remaining) counts.exactText++;
    } else counts.wrong++;
  });
  return counts;
}
