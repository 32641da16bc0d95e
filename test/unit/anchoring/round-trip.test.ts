// @vitest-environment happy-dom
// Describing any range and anchoring it again in the unchanged page finds the same text.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { anchor, describeRange } from '../../../src/anchoring/index';
import { arbitraryRange, FIXTURES, loadFixture, splitsPair, squeezed, visibleText } from './helpers';

describe.each(FIXTURES)('round trip on %s', (fixture) => {
  test('anchor(describeRange(range)) covers the same visible text, exactly', () => {
    const root = loadFixture(fixture);
    fc.assert(
      fc.property(arbitraryRange(root), (range) => {
        const seen = visibleText(range);
        fc.pre(seen.length > 0);
        // A range through the middle of an emoji is widened to the whole character (context-cut.test.ts).
        fc.pre(
          !splitsPair(range.startContainer, range.startOffset) &&
            !splitsPair(range.endContainer, range.endOffset),
        );
        const selectors = describeRange(root, range);
        // The quote is what the user saw: hidden text, scripts and form controls are not in it.
        expect(squeezed(selectors.quote.exact)).toBe(squeezed(seen));
        expect(selectors.quote.exact).toBe(selectors.quote.exact.trim());
        expect(selectors.quote.exact).not.toMatch(/\s\s|[\n\t\u00a0]/);
        const result = anchor(root, selectors);
        // Quotes under 8 characters need their context, which is intact here, so all must anchor.
        expect(result).not.toBeNull();
        expect(result!.exact).toBe(true);
        expect(result!.score).toBeGreaterThan(0.99);
        expect(visibleText(result!.range)).toBe(seen);
      }),
      { numRuns: 80 },
    );
  }, 60_000);

  test('selectors carry context and positions that slice the quote out of the page text', () => {
    const root = loadFixture(fixture);
    fc.assert(
      fc.property(arbitraryRange(root), (range) => {
        fc.pre(visibleText(range).length > 0);
        const { quote, position } = describeRange(root, range);
        expect(position.end - position.start).toBe(quote.exact.length);
        expect(quote.prefix.length).toBeLessThanOrEqual(32);
        expect(quote.suffix.length).toBeLessThanOrEqual(32);
        const whole = document.createRange();
        whole.selectNodeContents(root);
        const all = describeRange(root, whole).quote.exact;
        expect(all.slice(position.start, position.end)).toBe(quote.exact);
        expect(all.slice(position.start - quote.prefix.length, position.start)).toBe(quote.prefix);
        expect(all.slice(position.end, position.end + quote.suffix.length)).toBe(quote.suffix);
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
