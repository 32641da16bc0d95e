import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHlc, encodeHlc, HlcClock } from '../../../src/core/hlc';

describe('HlcClock', () => {
  it('is monotonic whatever the wall clock and remote timestamps do', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('now' as const), wall: fc.integer({ min: 0, max: 2e12 }) }),
            fc.record({
              kind: fc.constant('receive' as const),
              wall: fc.integer({ min: 0, max: 2e12 }),
              remote: fc.record({
                ms: fc.integer({ min: 0, max: 2e12 }),
                counter: fc.integer({ min: 0, max: 999_999 }),
              }),
            }),
          ),
          { maxLength: 60 },
        ),
        (steps) => {
          let wall = 0;
          const clock = new HlcClock('a1', () => wall);
          let last = '';
          for (const step of steps) {
            wall = step.wall;
            const next =
              step.kind === 'now' ? clock.now() : clock.receive(encodeHlc({ ...step.remote, node: 'b2' }));
            expect(next > last).toBe(true);
            if (step.kind === 'receive') expect(next > encodeHlc({ ...step.remote, node: 'b2' })).toBe(true);
            last = next;
          }
        },
      ),
    );
  });

  it('orders by string comparison exactly as by (ms, counter, node)', () => {
    const part = fc.record({
      ms: fc.integer({ min: 0, max: 9e14 }),
      counter: fc.integer({ min: 0, max: 999_999 }),
      node: fc.stringMatching(/^[0-9a-z]{1,8}$/),
    });
    fc.assert(
      fc.property(part, part, (a, b) => {
        const byParts =
          a.ms !== b.ms ? a.ms < b.ms : a.counter !== b.counter ? a.counter < b.counter : a.node < b.node;
        const equal = a.ms === b.ms && a.counter === b.counter && a.node === b.node;
        if (!equal) expect(encodeHlc(a) < encodeHlc(b)).toBe(byParts);
        expect(decodeHlc(encodeHlc(a))).toEqual(a);
      }),
    );
  });

  it('keeps going forward when the wall clock jumps back an hour', () => {
    let wall = 1_800_000_000_000;
    const clock = new HlcClock('n', () => wall);
    const before = clock.now();
    wall -= 3_600_000;
    const after = clock.now();
    expect(after > before).toBe(true);
    expect(decodeHlc(after).ms).toBe(1_800_000_000_000);
  });

  it('rejects malformed timestamps', () => {
    expect(() => new HlcClock('n').receive('yesterday')).toThrow(/Not an HLC/);
  });
});
