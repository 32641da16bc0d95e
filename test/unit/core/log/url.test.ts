import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATE,
  GAPS,
  GROUPS,
  type LogState,
  NO_FILTERS,
  queryFromState,
  SORTS,
  stateFromQuery,
  VIEWS,
} from '../../../../src/core/log';
import { RACI, STANCES, STATUSES } from '../../../../src/core/schemas';

const subset = <T>(list: readonly T[]) =>
  fc.subarray([...list]).map((picked) => list.filter((x) => picked.includes(x)));
const word = fc.string({ maxLength: 40 });
const day = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const state: fc.Arbitrary<LogState> = fc.record({
  view: fc.constantFrom(...VIEWS),
  group: fc.constantFrom(...GROUPS),
  sort: fc.constantFrom(...SORTS),
  filters: fc.record({
    q: word,
    status: subset(STATUSES),
    open: fc.boolean(),
    site: word,
    page: word,
    tags: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 4 }),
    person: word,
    role: fc.constantFrom('' as const, ...RACI),
    stance: fc.constantFrom('' as const, ...STANCES),
    fn: word,
    from: fc.oneof(fc.constant(''), day),
    to: fc.oneof(fc.constant(''), day),
    gaps: subset(GAPS),
  }),
});

describe('log URL state', () => {
  it('round-trips every state through the query string', () => {
    fc.assert(
      fc.property(state, (s) => {
        expect(stateFromQuery(queryFromState(s))).toEqual(s);
      }),
    );
  });

  it('leaves defaults out, so the plain log has a plain URL', () => {
    expect(queryFromState(DEFAULT_STATE)).toBe('');
    expect(stateFromQuery('')).toEqual(DEFAULT_STATE);
    const s = {
      ...DEFAULT_STATE,
      view: 'matrix' as const,
      filters: { ...NO_FILTERS, gaps: ['unheard' as const] },
    };
    expect(queryFromState(s)).toBe('view=matrix&gap=unheard');
  });

  it('drops values that are not valid instead of trusting them', () => {
    const s = stateFromQuery(
      '?view=chart&status=decided&status=bogus&role=X&stance=angry&gap=unheard&gap=nope&from=2024-13&sort=x&open=yes',
    );
    expect(s.view).toBe('list');
    expect(s.sort).toBe('updated');
    expect(s.filters).toEqual({ ...NO_FILTERS, status: ['decided'], gaps: ['unheard'] });
  });

  it('reads any query string without throwing and settles to a fixed point', () => {
    fc.assert(
      fc.property(fc.string(), (q) => {
        const once = queryFromState(stateFromQuery(q));
        expect(queryFromState(stateFromQuery(once))).toBe(once);
      }),
    );
  });
});
