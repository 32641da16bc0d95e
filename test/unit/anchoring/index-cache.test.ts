// @vitest-environment happy-dom
// describeRange and anchor share one text index while the DOM stands still (a 1 MB page takes
// hundreds of milliseconds to index), and never answer from a stale one: a DOM change, or the end of
// the script that built it (styles can change without a DOM mutation), means a new index.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { anchor, describeRange } from '../../../src/anchoring/index';
import { loadHtml } from './helpers';

/** Index builds so far: each walks the root with one TreeWalker. */
function countBuilds() {
  const spy = vi.spyOn(document, 'createTreeWalker');
  return () => spy.mock.calls.filter(([root]) => root === document.body).length;
}

function rangeOver(node: Text, from: number, to: number): Range {
  const range = document.createRange();
  range.setStart(node, from);
  range.setEnd(node, to);
  return range;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the text index', () => {
  test('is built once for many describes and anchors on an unchanged DOM', () => {
    const root = loadHtml(
      '<p>We decided to migrate the cluster in March.</p><p>Owner: the platform team.</p>',
    );
    const text = root.querySelector('p')!.firstChild as Text;
    const builds = countBuilds();
    const list = [0, 3, 11, 15].map((at) => describeRange(root, rangeOver(text, at, at + 10)));
    for (const selectors of list) expect(anchor(root, selectors)?.exact).toBe(true);
    expect(builds()).toBe(1);
  });

  test('is rebuilt after a DOM change in the same script, and anchors in the new text', () => {
    const root = loadHtml('<p>We decided to migrate the cluster in March.</p>');
    const text = root.querySelector('p')!.firstChild as Text;
    const selectors = describeRange(root, rangeOver(text, 14, 40));
    const builds = countBuilds();
    root.insertAdjacentHTML('afterbegin', '<p>A new paragraph above.</p>');
    const moved = anchor(root, selectors);
    expect(moved?.range.startContainer).toBe(text);
    expect(describeRange(root, moved!.range).position.start).toBe(selectors.position.start + 23);
    text.data = 'We decided to keep the cluster until April.';
    expect(anchor(root, selectors)).toBeNull();
    expect(builds()).toBe(2);
  });

  test('is not kept past the script that built it: text shown by a style change is read', async () => {
    const root = loadHtml(
      '<html><head><style>.more { display: none; }</style></head>' +
        '<body><p>Decided: ship it.</p><p class="more">Only once the review is done.</p></body></html>',
    );
    const more = root.querySelector('.more')!.firstChild as Text;
    expect(describeRange(root, rangeOver(more, 0, 9)).quote.exact).toBe('');
    // The stylesheet sits outside the root: no mutation under it tells the cache anything.
    document.head.querySelector('style')!.textContent = '';
    await Promise.resolve();
    expect(describeRange(root, rangeOver(more, 0, 9)).quote.exact).toBe('Only once');
  });
});
