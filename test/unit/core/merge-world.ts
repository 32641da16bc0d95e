// A generator of causally honest row states for the merge's properties: a few writers, each with
// its own replica and HLC clock (ahead, behind or in step), writing fields of one row and merging
// each other's replicas in random order. The wall clock rarely moves, so equal milliseconds and
// counter races are common. Any snapshot of any replica is a state a real device can hold.
import fc from 'fast-check';
import { HlcClock } from '../../../src/core/hlc';
import { elementKey, listDelta } from '../../../src/core/list-merge';
import {
  applyOp,
  fieldFrontier,
  isFreeText,
  mergeRow,
  type RowOp,
  type SyncRow,
} from '../../../src/core/merge';

export const ROW_ID = '01900000-0000-7000-8000-000000000001';
const NODES = ['a', 'b', 'c'] as const;
const FIELDS = ['title', 'status', 'rationale', 'context', 'deleted'] as const;
const VALUES = ['x', 'y', 'z', true, false] as const;

export type Step =
  | { kind: 'write'; node: number; field: (typeof FIELDS)[number]; value: string | boolean }
  | { kind: 'merge'; from: number; to: number }
  | { kind: 'tick'; ms: number }
  | { kind: 'list'; node: number; field: 'tags' | 'options'; key: string; put: boolean; title: string };

export interface WriteRecord {
  field: string;
  value: unknown;
  hlc: string;
  base: string[];
  /** The writes its writer's replica had received when it wrote (the true causal past). */
  knew: Set<string>;
  /** List writes: the elements it put and removed. */
  put?: string[];
  removed?: string[];
}

export interface World {
  snapshots: SyncRow[];
  replicas: SyncRow[];
  writes: WriteRecord[];
}

const node = fc.integer({ min: 0, max: NODES.length - 1 });
export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('write' as const),
      node,
      field: fc.constantFrom(...FIELDS),
      value: fc.constantFrom(...VALUES),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant('merge' as const), from: node, to: node }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.constantFrom(0, 1, 5) }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('list' as const),
      node,
      field: fc.constantFrom('tags' as const, 'options' as const),
      key: fc.constantFrom('k1', 'k2'),
      put: fc.boolean(),
      title: fc.constantFrom('p', 'q'),
    }),
    weight: 3,
  },
);

/** The list after a person adds or edits (`put`) or removes one element. */
function nextList(row: SyncRow | undefined, step: Extract<Step, { kind: 'list' }>): unknown[] {
  const current = (row?.[step.field] as unknown[] | undefined) ?? [];
  const rest = current.filter((e) => elementKey(step.field, e) !== step.key);
  if (!step.put) return rest;
  const element =
    step.field === 'tags' ? step.key : { id: step.key, title: step.title, pros: '', cons: '', chosen: false };
  const i = current.findIndex((e) => elementKey(step.field, e) === step.key);
  return i < 0 ? [...current, element] : current.map((e, j) => (j === i ? element : e));
}

/** Runs `steps`; `skews` puts each node's clock ahead or behind the shared wall clock. */
export function runWorld(steps: readonly Step[], skews: readonly number[] = [0, 0, 0]): World {
  let wall = 1000;
  const clocks = NODES.map((n, i) => new HlcClock(n, () => wall + (skews[i] ?? 0)));
  const replicas: (SyncRow | undefined)[] = NODES.map(() => undefined);
  // Tracked apart from the merge, so the no-loss oracle does not trust what it checks.
  const knows = NODES.map(() => new Set<string>());
  const snapshots: SyncRow[] = [];
  const writes: WriteRecord[] = [];
  for (const step of steps) {
    if (step.kind === 'tick') {
      wall += step.ms;
      continue;
    }
    if (step.kind === 'merge') {
      const from = replicas[step.from];
      if (!from || step.from === step.to) continue;
      const to = replicas[step.to];
      replicas[step.to] = to ? mergeRow(to, from) : from;
      for (const h of knows[step.from] ?? []) knows[step.to]?.add(h);
      const newest = Object.values(from.fieldHlc).sort().at(-1);
      if (newest) clocks[step.to]?.receive(newest);
      snapshots.push(replicas[step.to] as SyncRow);
      continue;
    }
    const row = replicas[step.node];
    const clock = clocks[step.node] as HlcClock;
    let op: RowOp;
    let delta: ReturnType<typeof listDelta> = null;
    if (step.kind === 'list') {
      delta = listDelta(row, step.field, nextList(row, step));
      if (!delta) continue;
      op = { table: 'decisions', id: ROW_ID, set: {}, lists: { [step.field]: delta } };
    } else {
      const base = row && isFreeText(step.field) ? (fieldFrontier(row, step.field) ?? []) : [];
      op = {
        table: 'decisions',
        id: ROW_ID,
        set: { [step.field]: step.value },
        ...(base.length ? { base: { [step.field]: base } } : {}),
      };
    }
    // As the write path does: the new HLC is after everything on the row.
    const latest = Object.values(row?.fieldHlc ?? {})
      .sort()
      .at(-1);
    const hlc = latest ? clock.receive(latest) : clock.now();
    replicas[step.node] = applyOp(row, op, hlc);
    const knew = new Set(knows[step.node]);
    knows[step.node]?.add(hlc);
    const base = (op.base?.[step.field] as string[] | undefined) ?? [];
    if (step.kind === 'list') {
      const put = (delta?.put ?? []).map((e) => elementKey(step.field, e));
      const removed = Object.keys(delta?.del ?? {});
      writes.push({ field: step.field, value: undefined, hlc, base, knew, put, removed });
    } else writes.push({ field: step.field, value: step.value, hlc, base, knew });
    snapshots.push(replicas[step.node] as SyncRow);
  }
  return {
    snapshots: snapshots.length ? snapshots : [{ id: ROW_ID, fieldHlc: {} }],
    replicas: replicas.filter((r): r is SyncRow => !!r),
    writes,
  };
}

export const skewArb = fc.array(fc.constantFrom(-50, -1, 0, 0, 1, 50), { minLength: 3, maxLength: 3 });
export const worldArb = fc
  .tuple(fc.array(stepArb, { minLength: 1, maxLength: 25 }), skewArb)
  .map(([steps, skews]) => runWorld(steps, skews));

/** Three states (possibly equal) a real system can hold at once. */
export const statesArb = worldArb.chain((w) =>
  fc.tuple(fc.constantFrom(...w.snapshots), fc.constantFrom(...w.snapshots), fc.constantFrom(...w.snapshots)),
);
