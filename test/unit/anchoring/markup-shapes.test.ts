// @vitest-environment happy-dom
// Describe → anchor is an identity whatever the markup: tables, <br>, <pre>, inline-block, display:
// contents, generated ::before text, RTL, CJK, astral characters, soft hyphens, NBSP, zero-width
// characters, text in <template> or [hidden], SVG <text>, buttons. Pages are generated from these
// shapes, ranges picked at random; the anchored range must cover the same visible text at the same offsets.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { anchor, describeRange } from '../../../src/anchoring/index';
import { boundaryPoints, loadHtml, rangeBetween, splitsPair, squeezed, visibleText } from './helpers';

const WORDS = [
  'decision',
  'migrate',
  'the',
  'cluster',
  'نحن',
  'قررنا',
  '決定',
  'しました',
  '데이터',
  '😀',
  '𠀋',
  '👨‍👩‍👧',
  'soft\u00adhyphen',
  'zero\u200bwidth',
  'no\u00a0break',
  'a  b',
  '\n  indented\t',
  '&amp;',
  '&lt;ok&gt;',
];

const words = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));

/** One piece of markup around `inner`, or a leaf of words. */
const shape = (inner: string, text: string): fc.Arbitrary<string> =>
  fc.constantFrom(
    `<p>${inner} ${text}</p>`,
    `<div>${text}<br>${inner}<br/>${text}</div>`,
    `<table><tr><td>${text}</td><td>${inner}</td></tr><tr><th>${text}</th></tr></table>`,
    `<pre>${text}\n\n  ${inner}</pre>`,
    `<span style="display:inline-block">${inner}</span>${text}`,
    `<div style="display:contents">${text}<span>${inner}</span></div>`,
    `<p class="before">${inner}</p>`,
    `<p dir="rtl">${text} <bdi>${inner}</bdi></p>`,
    `<ul><li>${text}</li><li>${inner}</li></ul>`,
    // Wrapped: happy-dom collapses a range that ends in a text node after a <template> sibling
    // (and, whatever the wrapping, one that starts before a <template> and ends after it: see the seed note).
    `<span><template>${text}</template></span>${inner}`,
    `<div hidden>${text}</div>${inner}`,
    `<span style="display:none">${text}</span>${inner}`,
    `<span style="visibility:hidden">${text}</span>${inner}`,
    `<svg><text x="0" y="10">${text}</text><text>${text}</text></svg>${inner}`,
    `<button type="button">${text}</button>${inner}`,
    `<em>${text}</em><strong>${inner}</strong>`,
    `<h2>${text}</h2><section>${inner}</section>`,
  );

const page: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    words,
    fc.tuple(tie('node'), words).chain(([inner, text]) => shape(inner, text)),
    fc.tuple(tie('node'), tie('node')).map(([a, b]) => a + b),
  ),
})).node;

const STYLE = '<style>.before::before { content: "Generated "; }</style>';

describe('markup shapes', () => {
  test('any range on any page built from them anchors back to the same place', () => {
    fc.assert(
      fc.property(page, fc.nat(), fc.nat(), (html, a, b) => {
        const root = loadHtml(`<html><head>${STYLE}</head><body>${html}</body></html>`);
        const points = boundaryPoints(root);
        const range = rangeBetween(points, a % points.length, b % points.length);
        // A range through the middle of an emoji is widened to the whole character (context-cut.test.ts).
        fc.pre(
          !splitsPair(range.startContainer, range.startOffset) &&
            !splitsPair(range.endContainer, range.endOffset),
        );
        const selectors = describeRange(root, range);
        fc.pre(selectors.quote.exact.length > 0);
        const result = anchor(root, selectors);
        expect(result).not.toBeNull();
        expect(describeRange(root, result!.range)).toEqual(selectors);
        expect(squeezed(visibleText(result!.range))).toBe(squeezed(visibleText(range)));
        // Rebuilt with the same markup, every node new: the same place again.
        root.replaceChildren(...Array.from(root.childNodes, (n) => n.cloneNode(true)));
        const again = anchor(root, selectors);
        expect(again?.exact).toBe(true);
        expect(describeRange(root, again!.range).position).toEqual(selectors.position);
      }),
      // A fixed seed keeps `npm test` repeatable; SEED=<n> explores others. Seed 929150224 fails, in
      // happy-dom only: on `<span style="display:none">…</span>قررنانحن 𠀋😀<span><template>a  b</template></span>
      // soft\u00adhyphen`, the whole visible text describes and anchors to [0, 24), but the range anchor()
      // returns comes back collapsed. happy-dom's Range.setEnd compares boundary points by walking
      // firstChild/nextSibling (NodeUtility.following), which steps into a <template>'s content
      // fragment and never comes out, so a point after a <template> seems to precede one before it and
      // the range collapses to its end (its compareDocumentPosition, used by our code, is right). The
      // same page and range in Chromium 156 round-trip exactly, rebuilt DOM included (checked with the
      // subject bundle, issue #14): a test-DOM limitation, not an anchoring bug.
      { numRuns: 150, seed: Number(process.env.SEED ?? 20261202) },
    );
  }, 120_000);
});

describe("boundary points between an element's children", () => {
  test("resolve by tree order, before or after an element's text", () => {
    const root = loadHtml('<template>x</template>abc<button>def</button>ghi');
    const range = document.createRange();
    range.setStart(root, 1);
    for (const [end, text] of [
      [2, 'abc'],
      [3, 'abcdef'],
      [4, 'abcdefghi'],
    ] as const) {
      range.setEnd(root, end);
      expect(describeRange(root, range).quote.exact).toBe(text);
    }
    range.setStart(root.querySelector('button')!, 1);
    const selectors = describeRange(root, range);
    expect(selectors.quote.exact).toBe('ghi');
    expect(anchor(root, selectors)?.exact).toBe(true);
  });
});
