import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../../src/core/hlc';
import { elementKey } from '../../../src/core/list-merge';
import { applyOp, fieldFrontier, mergeRow } from '../../../src/core/merge';
import { ROW_ID, statesArb, worldArb } from './merge-world';

const ID = '01900000-0000-7000-8000-000000000001';
const stateArb = statesArb.map(([a]) => a);
const pairArb = statesArb.map(([a, b]) => [a, b] as const);

describe('mergeRow', () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        expect(mergeRow(a, b)).toEqual(mergeRow(b, a));
      }),
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(statesArb, ([a, b, c]) => {
        expect(mergeRow(mergeRow(a, b), c)).toEqual(mergeRow(a, mergeRow(b, c)));
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(stateArb, (a) => {
        expect(mergeRow(a, a)).toEqual(mergeRow(a, { ...a }));
      }),
    );
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        expect(mergeRow(mergeRow(a, b), b)).toEqual(mergeRow(a, b));
      }),
    );
  });

  it('loses no free-text write: each is the value, a kept version, or seen by a later writer', () => {
    fc.assert(
      fc.property(worldArb, ({ replicas, writes }) => {
        const final = replicas.reduce((x, y) => mergeRow(x, y), { id: ROW_ID, fieldHlc: {} });
        for (const w of writes) {
          if (w.field !== 'rationale' && w.field !== 'context') continue;
          const kept =
            (final.fieldHlc[w.field] === w.hlc && final[w.field] === w.value) ||
            (final.conflicts?.[w.field] ?? []).some((v) => v.hlc === w.hlc && v.value === w.value);
          const seen = writes.some((x) => x.field === w.field && x.knew.has(w.hlc));
          expect(kept || seen, `${w.field} ${w.hlc}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps an element of a list unless a removal saw every add of it (add wins)', () => {
    fc.assert(
      fc.property(worldArb, ({ replicas, writes }) => {
        const final = replicas.reduce((x, y) => mergeRow(x, y), { id: ROW_ID, fieldHlc: {} });
        for (const field of ['tags', 'options']) {
          const lists = writes.filter((w) => w.field === field);
          const expected = new Set(
            lists.flatMap((add) =>
              (add.put ?? []).filter(
                (key) => !lists.some((rm) => rm.removed?.includes(key) && rm.knew.has(add.hlc)),
              ),
            ),
          );
          const actual = ((final[field] as unknown[] | undefined) ?? []).map((e) => elementKey(field, e));
          expect(new Set(actual), field).toEqual(expected);
          expect(actual.length, field).toBe(expected.size);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the loser of a concurrent free-text edit as a conflict sibling', () => {
    const start = applyOp(
      undefined,
      { table: 'decisions', id: ID, set: { rationale: 'v0' } },
      encodeHlc({ ms: 1, counter: 0, node: 'a' }),
    );
    const base = { rationale: start.fieldHlc.rationale as string };
    const alice = applyOp(
      start,
      { table: 'decisions', id: ID, set: { rationale: 'alice' }, base },
      encodeHlc({ ms: 5, counter: 0, node: 'a' }),
    );
    const bob = applyOp(
      start,
      { table: 'decisions', id: ID, set: { rationale: 'bob' }, base },
      encodeHlc({ ms: 6, counter: 0, node: 'b' }),
    );
    const merged = mergeRow(alice, bob);
    expect(merged.rationale).toBe('bob');
    expect(merged.conflicts?.rationale?.map((v) => v.value)).toEqual(['alice']);
    // Keeping one version: a write that has seen both supersedes the sibling.
    const resolved = applyOp(
      merged,
      {
        table: 'decisions',
        id: ID,
        set: { rationale: 'alice' },
        base: { rationale: fieldFrontier(merged, 'rationale') as string[] },
      },
      encodeHlc({ ms: 7, counter: 0, node: 'b' }),
    );
    expect(resolved.rationale).toBe('alice');
    expect(resolved.conflicts).toBeUndefined();
    // …and the resolution wins on the other replica too.
    expect(mergeRow(alice, resolved)).toEqual(resolved);
  });

  it('lets a sequential edit replace the value without a conflict', () => {
    const first = applyOp(
      undefined,
      { table: 'decisions', id: ID, set: { rationale: 'a' } },
      encodeHlc({ ms: 1, counter: 0, node: 'a' }),
    );
    const second = applyOp(
      first,
      {
        table: 'decisions',
        id: ID,
        set: { rationale: 'b' },
        base: { rationale: first.fieldHlc.rationale as string },
      },
      encodeHlc({ ms: 2, counter: 0, node: 'b' }),
    );
    expect(mergeRow(first, second).conflicts).toBeUndefined();
  });

  it('keeps a delete over concurrent edits until a newer undelete', () => {
    const created = applyOp(
      undefined,
      { table: 'decisions', id: ID, set: { title: 't', deleted: false } },
      encodeHlc({ ms: 1, counter: 0, node: 'a' }),
    );
    const deleted = applyOp(
      created,
      { table: 'decisions', id: ID, set: { deleted: true } },
      encodeHlc({ ms: 3, counter: 0, node: 'a' }),
    );
    const edited = applyOp(
      created,
      { table: 'decisions', id: ID, set: { title: 'later edit' } },
      encodeHlc({ ms: 9, counter: 0, node: 'b' }),
    );
    const merged = mergeRow(deleted, edited);
    expect(merged.deleted).toBe(true);
    expect(merged.title).toBe('later edit');
    const undone = applyOp(
      merged,
      { table: 'decisions', id: ID, set: { deleted: false } },
      encodeHlc({ ms: 10, counter: 0, node: 'a' }),
    );
    expect(mergeRow(undone, deleted).deleted).toBe(false);
  });
});
