// @vitest-environment happy-dom
// Anchors survive edits around and inside the quote; a quote that is gone does not anchor anywhere.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { anchor, describeRange } from '../../../src/anchoring/index';
import {
  arbitraryRange,
  boundaryPoints,
  loadFixture,
  loadHtml,
  rangeBetween,
  rangeOfText,
  squeezed,
  visibleText,
} from './helpers';

const DECISION =
  'we go with Option A, exponential backoff with jitter, max 4 attempts over 10 minutes, and we honour Retry-After';

function decisionParagraph(root: Element): HTMLParagraphElement {
  return rangeOfText(root, 'Agreed. Decision').startContainer.parentElement as HTMLParagraphElement;
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

describe('edits outside the quote', () => {
  test('text inserted before the quote moves the anchor with it', () => {
    const root = loadFixture('jira-issue');
    const selectors = describeRange(root, rangeOfText(root, DECISION));
    root
      .querySelector('main')!
      .prepend(paragraph('Pinned: this issue blocks the Q3 payments launch. '.repeat(200)));
    const result = anchor(root, selectors);
    expect(result?.exact).toBe(true);
    expect(visibleText(result!.range)).toBe(DECISION);
  });

  test('text deleted before the quote, and text inserted or deleted after it, change nothing', () => {
    const root = loadFixture('jira-issue');
    const selectors = describeRange(root, rangeOfText(root, DECISION));
    root.querySelector('table')!.remove();
    root.querySelector('#comment-10001')!.remove();
    root.querySelector('#comment-10003')!.remove();
    root.querySelector('.activity')!.append(paragraph('A later comment that was added after the decision.'));
    const result = anchor(root, selectors);
    expect(result?.exact).toBe(true);
    expect(visibleText(result!.range)).toBe(DECISION);
  });

  test('random ranges still anchor exactly after unrelated text is added at the top and bottom', () => {
    const root = loadFixture('confluence-page');
    fc.assert(
      fc.property(arbitraryRange(root), fc.string({ minLength: 1, maxLength: 400 }), (range, added) => {
        const seen = visibleText(range);
        fc.pre(seen.length >= 8);
        const selectors = describeRange(root, range);
        const top = paragraph(added);
        const bottom = paragraph(added);
        root.prepend(top);
        root.append(bottom);
        try {
          const result = anchor(root, selectors);
          expect(result?.exact).toBe(true);
          expect(visibleText(result!.range)).toBe(seen);
        } finally {
          top.remove();
          bottom.remove();
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});

describe('edits inside the quote', () => {
  test.each([
    ['a word replaced', 'exponential backoff', 'exponential back-off'],
    ['a word inserted', 'max 4 attempts', 'max 4 total attempts'],
    ['a few characters deleted', 'over 10 minutes', 'over 10 min'],
  ])('%s still anchors, approximately, to the edited text', (_, before, after) => {
    const root = loadFixture('jira-issue');
    const selectors = describeRange(root, rangeOfText(root, DECISION));
    const p = decisionParagraph(root);
    p.textContent = p.textContent!.replace(/\s+/g, ' ').replace(before, after);
    root.prepend(paragraph('Moved down by a new banner at the top of the issue.'));
    const result = anchor(root, selectors);
    expect(result).not.toBeNull();
    expect(result!.exact).toBe(false);
    expect(result!.score).toBeGreaterThanOrEqual(0.75);
    expect(result!.score).toBeLessThan(1);
    expect(visibleText(result!.range)).toBe(DECISION.replace(before, after));
  });

  describe('a near-identical sentence elsewhere', () => {
    const page = () =>
      loadHtml(
        '<div class="c1"><p>Marco, 2 days ago</p><p>Decision: we release the mobile app on Thursday after the ' +
          'security review.</p></div><div class="c2"><p>Unrelated thread about hiring plans.</p><p>Earlier ' +
          'proposal: we release the mobile app on Tuesday after the security review, if QA agrees.</p></div>',
      );
    const QUOTE = 'we release the mobile app on Thursday after the security review';

    test('is not taken for the quote once the quote is deleted (the minimum score)', () => {
      const root = page();
      const selectors = describeRange(root, rangeOfText(root, QUOTE));
      root.querySelector('.c1')!.remove();
      expect(anchor(root, selectors)).toBeNull();
    });

    test('does not stop the same edit, made in place, from anchoring', () => {
      const root = page();
      const selectors = describeRange(root, rangeOfText(root, QUOTE));
      const p = root.querySelectorAll('.c1 p')[1]!;
      p.textContent = p.textContent!.replace('Thursday', 'Tuesday');
      const result = anchor(root, selectors);
      expect(result?.exact).toBe(false);
      expect(result!.range.startContainer.parentElement).toBe(p);
    });
  });

  test('a rewritten sentence does not anchor to the similar option it was based on', () => {
    const root = loadFixture('jira-issue');
    const selectors = describeRange(root, rangeOfText(root, DECISION));
    // The option list still reads "Option A: exponential backoff with jitter, max 4 attempts over 10 minutes".
    decisionParagraph(root).textContent = 'Agreed. We will decide on Thursday after the acquirer call.';
    expect(anchor(root, selectors)).toBeNull();
  });
});

describe('removed quotes', () => {
  test('a quote whose text was deleted returns null rather than a wrong place', () => {
    const pristine = loadFixture('github-pr');
    const pointCount = boundaryPoints(pristine).length;
    const whole = document.createRange();
    whole.selectNodeContents(pristine);
    const everything = squeezed(visibleText(whole));
    const point = fc.integer({ min: 0, max: pointCount - 1 });
    fc.assert(
      fc.property(point, point, (a, b) => {
        const root = loadFixture('github-pr');
        const range = rangeBetween(boundaryPoints(root), a, b);
        const seen = squeezed(visibleText(range));
        // Only quotes that occur once: deleting one copy of a repeated sentence leaves a true match.
        fc.pre(seen.length >= 20 && everything.indexOf(seen) === everything.lastIndexOf(seen));
        const selectors = describeRange(root, range);
        range.deleteContents();
        expect(anchor(root, selectors)).toBeNull();
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
