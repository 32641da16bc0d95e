// @vitest-environment happy-dom
// Quote context is cut on code points: a lone surrogate in a prefix or suffix is not text (the sync
// server answers 500 for it), so an emoji at the 32-character boundary is kept whole or left out.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { anchor, describeRange } from '../../../src/anchoring/index';
import { loadHtml } from './helpers';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function selectText(root: HTMLElement, start: number, end: number): Range {
  const node = root.querySelector('p')!.firstChild as Text;
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  return range;
}

describe('context around emoji and other astral characters', () => {
  test('an emoji straddling the 32nd character before or after the quote is not split', () => {
    // Emoji at every offset around the cut: one of them puts a pair across each boundary.
    for (let pad = 0; pad < 4; pad++) {
      const head = `${'x'.repeat(pad)}😀${'a'.repeat(30)}`;
      const quote = 'the decision we made';
      const tail = `${'b'.repeat(31 - pad)}🎉 end`;
      const root = loadHtml(`<p>${head}${quote}${tail}</p>`);
      const selectors = describeRange(root, selectText(root, head.length, head.length + quote.length));
      expect(selectors.quote.exact).toBe(quote);
      expect(selectors.quote.prefix).not.toMatch(LONE_SURROGATE);
      expect(selectors.quote.suffix).not.toMatch(LONE_SURROGATE);
      expect(head.endsWith(selectors.quote.prefix)).toBe(true);
      expect(tail.startsWith(selectors.quote.suffix)).toBe(true);
      expect(selectors.quote.prefix.length).toBeGreaterThanOrEqual(31);
      expect(anchor(root, selectors)?.exact).toBe(true);
    }
  });

  test('any range over astral text gives selectors without lone surrogates that anchor back', () => {
    const text = '𠀋 family 👨‍👩‍👧 met 🇯🇵 in 𝒳 and agreed 😀😀 to ship 🚀 the 🧪 beta 🎉 next week ✅ ok';
    const root = loadHtml(`<p>${text}</p>`);
    fc.assert(
      fc.property(fc.nat(text.length), fc.nat(text.length), (a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const selectors = describeRange(root, selectText(root, start, end));
        for (const part of [selectors.quote.exact, selectors.quote.prefix, selectors.quote.suffix]) {
          expect(part).not.toMatch(LONE_SURROGATE);
        }
        fc.pre(selectors.quote.exact.length > 0);
        expect(anchor(root, selectors)?.exact).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
