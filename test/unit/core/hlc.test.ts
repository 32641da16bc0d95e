import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHlc, encodeHlc, HlcClock, hlcMs } from '../../../src/core/hlc';

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

  it('takes the wall clock when it is ahead, and counts within one millisecond', () => {
    let wall = 1_000;
    const clock = new HlcClock('n', () => wall);
    expect(clock.now()).toBe(encodeHlc({ ms: 1_000, counter: 0, node: 'n' }));
    expect(clock.now()).toBe(encodeHlc({ ms: 1_000, counter: 1, node: 'n' }));
    wall = 1_001;
    expect(clock.now()).toBe(encodeHlc({ ms: 1_001, counter: 0, node: 'n' }));
  });

  type Pair = [number, number];
  it.each<[string, Pair, number, Pair, Pair]>([
    // [what, our ms and counter, wall, remote ms and counter, expected ms and counter]
    ['all three equal: after the larger counter', [500, 3], 500, [500, 7], [500, 8]],
    ['all three equal, ours larger', [500, 9], 400, [500, 2], [500, 10]],
    ['ours ahead of the remote: our counter goes on', [500, 3], 100, [400, 90], [500, 4]],
    ['the remote ahead of ours: after its counter', [300, 40], 100, [500, 6], [500, 7]],
    ['the wall ahead of both: a new millisecond', [300, 40], 900, [500, 6], [900, 0]],
  ])('receives a timestamp when %s', (_what, [ms, counter], wall, [rms, rcounter], [ems, ecounter]) => {
    let now = ms;
    const clock = new HlcClock('n', () => now);
    clock.now();
    for (let i = 0; i < counter; i += 1) clock.now();
    now = wall;
    expect(clock.receive(encodeHlc({ ms: rms, counter: rcounter, node: 'r' }))).toBe(
      encodeHlc({ ms: ems, counter: ecounter, node: 'n' }),
    );
  });

  it('borrows a millisecond when the counter would outgrow its six digits', () => {
    const clock = new HlcClock('n', () => 7);
    expect(clock.receive(encodeHlc({ ms: 7, counter: 999_997, node: 'r' }))).toBe(
      encodeHlc({ ms: 7, counter: 999_998, node: 'n' }),
    );
    expect(clock.now()).toBe(encodeHlc({ ms: 7, counter: 999_999, node: 'n' }));
    expect(clock.now()).toBe(encodeHlc({ ms: 8, counter: 0, node: 'n' }));
    const other = new HlcClock('m', () => 7);
    expect(other.receive(encodeHlc({ ms: 7, counter: 999_998, node: 'r' }))).toBe(
      encodeHlc({ ms: 7, counter: 999_999, node: 'm' }),
    );
    expect(other.receive(encodeHlc({ ms: 7, counter: 999_999, node: 'r' }))).toBe(
      encodeHlc({ ms: 8, counter: 0, node: 'm' }),
    );
  });

  it('reads the physical milliseconds of a timestamp', () => {
    expect(hlcMs(encodeHlc({ ms: 1_733_000_000_123, counter: 5, node: 'x' }))).toBe(1_733_000_000_123);
  });

  it('accepts only whole timestamps and node ids, and never echoes a long input', () => {
    const good = encodeHlc({ ms: 1, counter: 2, node: 'abc' });
    for (const bad of [`x${good}`, `${good}!`, `${good}.`, good.replace('abc', 'A')]) {
      expect(() => decodeHlc(bad), bad).toThrow(/^Not an HLC/);
    }
    expect(() => decodeHlc('9'.repeat(5_000))).toThrow(new Error(`Not an HLC: ${'9'.repeat(60)}`));
    for (const bad of ['', 'Upper', 'a b', `a${'b'.repeat(40)}`, '!a', 'a!']) {
      expect(() => new HlcClock(bad), JSON.stringify(bad)).toThrow(
        'HLC node ids are 1–40 chars of [0-9a-z_-]',
      );
    }
    expect(new HlcClock('a'.repeat(40)).node).toHaveLength(40);
  });
});
