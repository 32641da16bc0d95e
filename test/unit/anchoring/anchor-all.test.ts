// @vitest-environment happy-dom
// anchorAll: same answers as anchor, in order, without holding the page's event loop for the whole pass.
// (happy-dom's getComputedStyle makes each index build ~40 ms here, hence the generous timeouts.)
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { anchor, anchorAll, describeRange, type Selectors } from '../../../src/anchoring/index';
import { arbitraryRange, loadFixture, visibleText } from './helpers';

function sampleSelectors(root: Element, count: number): Selectors[] {
  return fc
    .sample(arbitraryRange(root), { numRuns: count * 3, seed: 42 })
    .filter((range) => visibleText(range).length >= 3)
    .slice(0, count)
    .map((range) => describeRange(root, range));
}

test('returns one result per selector, in order, matching what anchor() finds', async () => {
  const root = loadFixture('notion-doc');
  const list = sampleSelectors(root, 30);
  const gone: Selectors = {
    quote: { exact: 'This sentence was never on the page at all.', prefix: '', suffix: '' },
    position: { start: 10, end: 53 },
  };
  const results = await anchorAll(root, [...list, gone]);
  expect(results).toHaveLength(list.length + 1);
  expect(results[list.length]).toBeNull();
  list.forEach((selectors, i) => {
    const single = anchor(root, selectors);
    expect(visibleText(results[i]!.range)).toBe(visibleText(single!.range));
    expect(results[i]!.exact).toBe(true);
  });
}, 30_000);

test('an empty list resolves to an empty list', async () => {
  expect(await anchorAll(loadFixture('jira-issue'), [])).toEqual([]);
});

test('yields to the event loop: a timer queued before a long pass runs before the pass ends', async () => {
  const root = loadFixture('github-pr');
  const list = sampleSelectors(root, 40);
  const many = Array.from({ length: 1000 }, (_, i) => list[i % list.length]!);
  let timerRanAt: number | null = null;
  let finished = 0;
  setTimeout(() => {
    timerRanAt = finished;
  }, 0);
  const pass = anchorAll(root, many).then((results) => {
    finished = 1;
    return results;
  });
  const results = await pass;
  expect(timerRanAt).toBe(0);
  expect(results.every((r) => r !== null)).toBe(true);
}, 30_000);

test('when the page re-renders during a pass, later results are ranges in the new DOM', async () => {
  const root = loadFixture('jira-issue');
  const list = sampleSelectors(root, 40);
  const many = Array.from({ length: 600 }, (_, i) => list[i % list.length]!);
  const expected = list.map((selectors) => visibleText(anchor(root, selectors)!.range));
  // A re-render that replaces every text node of the description and shifts the text below it.
  setTimeout(() => {
    const body = root.querySelector('.issue-body')!;
    body.replaceWith(body.cloneNode(true));
    root.prepend(Object.assign(document.createElement('p'), { textContent: 'Banner. ' }));
  }, 0);
  const results = await anchorAll(root, many);
  const last = results.slice(-list.length);
  last.forEach((result, i) => {
    expect(result!.range.startContainer.isConnected).toBe(true);
    expect(visibleText(result!.range)).toBe(expected[(many.length - list.length + i) % list.length]);
  });
}, 30_000);
