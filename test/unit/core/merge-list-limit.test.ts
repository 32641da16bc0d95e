// Issue 15: concurrent additions can take a list past its limit (50 options, trade-offs or tags):
// two replicas each under it merge to more. The merge keeps every element's state (nothing is
// lost) but shows at most the limit, the same elements on every replica, so a merged row always
// validates and no replica quarantines a row the sync itself produced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../../src/core/hlc';
import { elementsOf, LIST_LIMIT, listDelta } from '../../../src/core/list-merge';
import { applyOp, mergeRow, type RowOp, type SyncRow } from '../../../src/core/merge';
import { makeRow } from '../../../src/core/records';
import { Decision } from '../../../src/core/schemas';

const ID = '01900000-0000-7000-8000-000000000001';
const at = (ms: number, node: string) => encodeHlc({ ms, counter: 0, node });
type Field = 'options' | 'tradeoffs' | 'tags';

const element = (field: Field, key: string): unknown =>
  field === 'tags'
    ? key
    : field === 'options'
      ? { id: key, title: key, pros: '', cons: '', chosen: false }
      : { id: key, gain: key, cost: '', bornBy: '' };

function edit(row: SyncRow, field: Field, next: unknown[], hlc: string): SyncRow {
  const delta = listDelta(row, field, next);
  const op: RowOp = { table: 'decisions', id: ID, set: {}, ...(delta ? { lists: { [field]: delta } } : {}) };
  return applyOp(row, op, hlc);
}

const base = (field: Field, keys: string[]) =>
  makeRow(
    'decisions',
    { title: 'Pick a queue', [field]: keys.map((k) => element(field, k)) },
    { workspaceId: 'w', hlc: at(100, 'c'), now: new Date(0), id: ID },
  ) as unknown as SyncRow;

describe('list limit under concurrent additions', () => {
  it('keeps every merged row valid, the same on every replica, and loses no element', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Field>('options', 'tradeoffs', 'tags'),
        fc.integer({ min: 0, max: LIST_LIMIT }),
        fc.integer({ min: 0, max: LIST_LIMIT }),
        fc.integer({ min: 0, max: LIST_LIMIT }),
        (field, shared, extraA, extraB) => {
          const start = Array.from({ length: Math.min(shared, LIST_LIMIT) }, (_, i) => `s${i}`);
          const v0 = base(field, start);
          const list = (row: SyncRow) => row[field] as unknown[];
          const room = LIST_LIMIT - start.length;
          const addsA = Array.from({ length: Math.min(extraA, room) }, (_, i) => `a${i}`);
          const addsB = Array.from({ length: Math.min(extraB, room) }, (_, i) => `b${i}`);
          const a = edit(v0, field, [...list(v0), ...addsA.map((k) => element(field, k))], at(110, 'a'));
          const b = edit(v0, field, [...list(v0), ...addsB.map((k) => element(field, k))], at(105, 'b'));
          const ab = mergeRow(a, b);
          const ba = mergeRow(b, a);
          expect(ba).toEqual(ab);
          expect(Decision.safeParse(ab).success).toBe(true);
          expect(list(ab).length).toBe(Math.min(LIST_LIMIT, start.length + addsA.length + addsB.length));
          // Nothing is lost: every added element keeps its state, shown once there is room.
          const kept = Object.keys(elementsOf(ab, field));
          for (const k of [...start, ...addsA, ...addsB]) expect(kept).toContain(k);
        },
      ),
      { numRuns: 40 },
    );
  }, 30_000);

  it('shows a held-back element once someone removes one, and never removes what was not shown', () => {
    const start = Array.from({ length: 49 }, (_, i) => `s${i}`);
    const v0 = base('tags', start);
    const a = edit(v0, 'tags', [...(v0.tags as string[]), 'alpha'], at(110, 'a'));
    const b = edit(v0, 'tags', [...(v0.tags as string[]), 'beta'], at(105, 'b'));
    const merged = mergeRow(a, b);
    expect(merged.tags as string[]).toHaveLength(LIST_LIMIT);
    // B's tag came first (older HLC): A's waits. Editing the shown list keeps the waiting one.
    expect(merged.tags).toContain('beta');
    expect(merged.tags).not.toContain('alpha');
    const edited = edit(
      merged,
      'tags',
      (merged.tags as string[]).filter((t) => t !== 's0'),
      at(120, 'c'),
    );
    expect(edited.tags).toContain('alpha');
    expect(edited.tags).not.toContain('s0');
    expect(edited.tags as string[]).toHaveLength(LIST_LIMIT);
  });
});
