// @vitest-environment happy-dom
// Describe → anchor is an identity on real web pages (fixtures from the anchor-bench corpus, see
// test/fixtures/real-pages/LICENSE.md), on the page as it is and after it is rebuilt with the same text,
// so a regression in the text model or the matcher fails `npm test`, not only the benchmark.
import { readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeUrl } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { anchor, describeRange } from '../../../src/anchoring/index';
import { boundaryPoints, loadHtml, rangeBetween, squeezed, visibleText } from './helpers';

const PAGES = [
  'epaper.zeit.de',
  'jvndb.jvn.jp',
  'www.americanow.com',
  'www.nydailynews.com',
  'arstechnica.com',
];

function loadPage(name: string): HTMLElement {
  const url = new NodeUrl(`../../fixtures/real-pages/${name}.html`, import.meta.url);
  // Nothing is fetched (as in the benchmark): drop style sheet links, frames and images rather than log errors.
  return loadHtml(
    readFileSync(fileURLToPath(url), 'utf8').replace(
      /<link\b[^>]*>|<iframe\b[\s\S]*?<\/iframe>|<img\b[^>]*>/gi,
      '',
    ),
  );
}

/** The normalised text a range covers, read through describeRange itself on the same root. */
function quoted(root: HTMLElement, range: Range): string {
  return describeRange(root, range).quote.exact;
}

describe.each(PAGES)('real page %s', (name) => {
  test('anchor(describeRange(range)) gives back the same place, on the page and after a re-render', () => {
    const root = loadPage(name);
    const points = boundaryPoints(root);
    const index = fc.integer({ min: 0, max: points.length - 1 });
    fc.assert(
      fc.property(index, fc.integer({ min: 1, max: 400 }), (a, span) => {
        const range = rangeBetween(points, a, Math.min(points.length - 1, a + span));
        const selectors = describeRange(root, range);
        fc.pre(selectors.quote.exact.length > 0);
        const result = anchor(root, selectors);
        expect(result).not.toBeNull();
        expect(result!.exact).toBe(true);
        // Same text and same offsets: the very place, not another occurrence of the words. And the text
        // the user sees in it, read independently: nothing visible (a button label) left out at an edge.
        expect(describeRange(root, result!.range)).toEqual(selectors);
        expect(squeezed(visibleText(result!.range))).toBe(squeezed(visibleText(range)));
      }),
      { numRuns: 25 },
    );
    // Rebuilt with the same text (a framework re-render): every node is new, the place is the same.
    const ranges = fc.sample(fc.tuple(index, fc.integer({ min: 1, max: 400 })), { numRuns: 15, seed: 7 });
    const described = ranges
      .map(([a, span]) => describeRange(root, rangeBetween(points, a, Math.min(points.length - 1, a + span))))
      .filter((s) => s.quote.exact.length > 0);
    root.replaceChildren(...Array.from(root.childNodes, (n) => n.cloneNode(true)));
    for (const selectors of described) {
      const result = anchor(root, selectors);
      expect(result?.exact).toBe(true);
      expect(quoted(root, result!.range)).toBe(selectors.quote.exact);
      expect(describeRange(root, result!.range).position).toEqual(selectors.position);
    }
  }, 120_000);
});
