// The whitespace rule describing and anchoring share, and its fast-path check.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { collapseWhitespace, needsCollapse, normaliseText } from '../../../src/anchoring/normalise';

const whitespacey = fc.string({
  unit: fc.constantFrom('a', 'b', ' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b'),
  maxLength: 30,
});

test('needsCollapse says exactly when collapsing would change the text', () => {
  fc.assert(
    fc.property(whitespacey, (text) => {
      expect(needsCollapse(text)).toBe(collapseWhitespace(text) !== text);
    }),
    { numRuns: 2000 },
  );
});

test('normalised text has single spaces only, no edges, and is stable', () => {
  fc.assert(
    fc.property(whitespacey, (text) => {
      const once = normaliseText(text);
      expect(once).not.toMatch(/^\s|\s$|\s\s|[^\S ]/);
      expect(normaliseText(once)).toBe(once);
    }),
  );
});
