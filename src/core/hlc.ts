// Hybrid logical clock: wall time plus a counter, so causally later writes compare greater even
// when device clocks disagree. Encoded as a fixed-width string so plain string comparison orders it.

export type Hlc = string;

export interface HlcParts {
  ms: number;
  counter: number;
  node: string;
}

const MS_WIDTH = 15;
const COUNTER_WIDTH = 6;
const MAX_COUNTER = 10 ** COUNTER_WIDTH - 1;
export const HLC_PATTERN = /^\d{15}\.\d{6}\.[0-9a-z_-]{1,40}$/;

export function encodeHlc({ ms, counter, node }: HlcParts): Hlc {
  return `${String(ms).padStart(MS_WIDTH, '0')}.${String(counter).padStart(COUNTER_WIDTH, '0')}.${node}`;
}

export function decodeHlc(hlc: Hlc): HlcParts {
  if (!HLC_PATTERN.test(hlc)) throw new Error(`Not an HLC: ${hlc.slice(0, 60)}`);
  const [ms, counter, node] = hlc.split('.') as [string, string, string];
  return { ms: Number(ms), counter: Number(counter), node };
}

/** Physical milliseconds of an HLC (for skew checks). */
export const hlcMs = (hlc: Hlc): number => decodeHlc(hlc).ms;

/** A clock for one node. `now()` never goes backwards, whatever the wall clock does. */
export class HlcClock {
  private ms = 0;
  private counter = 0;

  constructor(
    readonly node: string,
    private readonly wall: () => number = Date.now,
  ) {
    if (!/^[0-9a-z_-]{1,40}$/.test(node)) throw new Error('HLC node ids are 1–40 chars of [0-9a-z_-]');
  }

  /** A timestamp for a local event, greater than every one this clock has issued or received. */
  now(): Hlc {
    const wall = this.wall();
    if (wall > this.ms) {
      this.ms = wall;
      this.counter = 0;
    } else {
      this.bump();
    }
    return this.current();
  }

  /** Folds in a timestamp seen from another node, so our next `now()` is after it. */
  receive(remote: Hlc): Hlc {
    const r = decodeHlc(remote);
    const wall = this.wall();
    const ms = Math.max(wall, this.ms, r.ms);
    if (ms === this.ms && ms === r.ms) this.counter = Math.max(this.counter, r.counter) + 1;
    else if (ms === this.ms) this.counter += 1;
    else if (ms === r.ms) this.counter = r.counter + 1;
    else this.counter = 0;
    this.ms = ms;
    if (this.counter > MAX_COUNTER) this.bump();
    return this.current();
  }

  private bump() {
    this.counter += 1;
    // Counter overflow borrows a millisecond rather than breaking the fixed width.
    if (this.counter > MAX_COUNTER) {
      this.ms += 1;
      this.counter = 0;
    }
  }

  private current(): Hlc {
    return encodeHlc({ ms: this.ms, counter: this.counter, node: this.node });
  }
}
