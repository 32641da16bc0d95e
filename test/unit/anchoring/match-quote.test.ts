// The matching strategy on plain text, at sizes happy-dom would make slow: long pages, far moves,
// edits inside quotes, and quotes that are simply not there.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Selectors } from '../../../src/anchoring/index';
import { matchQuote } from '../../../src/anchoring/match-quote';

const WORDS = (
  'the a we to of and in that is for on it with as be this by are will not from or at our which team ' +
  'decision release customers beta review plan migrate database schema security legal support owner ' +
  'rationale risk tradeoff rollout flag cluster session backup region issuer retry payment invoice ' +
  'pricing annual monthly experiment metric target conversion refund quarter sprint deadline agreed ' +
  'approved blocked follow-up escalate budget vendor contract latency outage incident postmortem'
).split(' ');

/** Deterministic prose-like text of about `length` characters. */
function prose(length: number, seed: number): string {
  let state = seed;
  const next = () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
  const out: string[] = [];
  let size = 0;
  while (size < length) {
    const word = WORDS[Math.floor(next() * WORDS.length)]!;
    const piece = next() < 0.08 ? `${word}.` : word;
    out.push(piece);
    size += piece.length + 1;
  }
  return out.join(' ');
}

function describeAt(text: string, start: number, end: number): Selectors {
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(end, end + 32),
    },
    position: { start, end },
  };
}

const BIG = prose(300_000, 7);
const at = BIG.indexOf(' ', 150_000) + 1;
const QUOTE_END = BIG.indexOf(' ', at + 120);
const SELECTORS = describeAt(BIG, at, QUOTE_END);

describe('on a long page', () => {
  test('an exact quote moved far away is found exactly', () => {
    const added = `${prose(80_000, 99)} `;
    const match = matchQuote(added + BIG, SELECTORS);
    expect(match?.exact).toBe(true);
    expect(match!.start).toBe(at + added.length);
  });

  test('a quote both edited and moved far away is still found, approximately', () => {
    const quote = SELECTORS.quote.exact;
    const words = quote.split(' ');
    words[5] = 'CHANGED';
    const edited = words.join(' ');
    const text = prose(60_000, 3) + BIG.slice(0, at) + edited + BIG.slice(QUOTE_END);
    const match = matchQuote(text, SELECTORS);
    expect(match).not.toBeNull();
    expect(match!.exact).toBe(false);
    expect(text.slice(match!.start, match!.end)).toBe(edited);
  });

  test('a removed quote is not found anywhere else', () => {
    const text = BIG.slice(0, at) + BIG.slice(QUOTE_END);
    expect(matchQuote(text, SELECTORS)).toBeNull();
  });
});

describe('properties', () => {
  const page = prose(20_000, 11);
  const quoteBounds = fc
    .tuple(fc.integer({ min: 0, max: page.length - 200 }), fc.integer({ min: 1, max: 150 }))
    .map(([start, length]) => [start, start + length] as const)
    .filter(([start, end]) => page.slice(start, end).trim() === page.slice(start, end));

  test('text inserted anywhere outside the quote never stops an exact match', () => {
    fc.assert(
      fc.property(
        quoteBounds,
        fc.nat(),
        fc.string({ minLength: 1, maxLength: 3000 }),
        ([start, end], where, added) => {
          const selectors = describeAt(page, start, end);
          const cut = where % (page.length + 1);
          fc.pre(cut <= start || cut >= end);
          const text = page.slice(0, cut) + added + page.slice(cut);
          const match = matchQuote(text, selectors);
          const expected = cut <= start ? start + added.length : start;
          // Short quotes may legitimately refuse when the insertion lands inside their context.
          if (match === null) {
            expect(end - start).toBeLessThan(20);
            return;
          }
          expect(match.exact).toBe(true);
          expect(text.slice(match.start, match.end)).toBe(selectors.quote.exact);
          if (text.indexOf(selectors.quote.exact) === text.lastIndexOf(selectors.quote.exact)) {
            expect(match.start).toBe(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a quote from another page is not anchored unless that exact text happens to be here', () => {
    const other = prose(20_000, 12345);
    fc.assert(
      fc.property(quoteBounds, ([start, end]) => {
        const selectors = describeAt(page, start, end);
        fc.pre(!other.includes(selectors.quote.exact));
        expect(matchQuote(other, selectors)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  test('a quote with one word replaced (a small edit for its length) is found where it was, exact false', () => {
    fc.assert(
      fc.property(quoteBounds, fc.constantFrom('zebra', 'x', 'entirely-new-words'), ([start, end], word) => {
        const quote = page.slice(start, end);
        const words = quote.split(' ');
        const middle = words.length >> 1;
        fc.pre(words.length >= 8 && Math.max(words[middle]!.length, word.length) <= quote.length / 6);
        words[middle] = word;
        const edited = words.join(' ');
        const text = page.slice(0, start) + edited + page.slice(end);
        const match = matchQuote(text, describeAt(page, start, end));
        expect(match?.exact).toBe(false);
        // Myers may settle a character either side when the edit sits at a word edge; never further.
        expect(Math.abs(match!.start - start)).toBeLessThanOrEqual(1);
        expect(Math.abs(match!.end - (start + edited.length))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });
});
