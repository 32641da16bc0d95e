import { describe, expect, it } from 'vitest';
import { plural } from '../../../src/core/plural';

describe('plural', () => {
  it('says "1 decision", never "1 decisions"', () => {
    expect([0, 1, 2].map((n) => plural(n, 'decision'))).toEqual(['0 decisions', '1 decision', '2 decisions']);
    expect(plural(1, 'person', 'people')).toBe('1 person');
    expect(plural(3, 'person', 'people')).toBe('3 people');
  });
});
