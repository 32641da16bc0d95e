// Issue 15 item 4: options and trade-offs merge per element by id, tags as an add-wins set, so
// two people adding to a list both keep their additions.
import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../../src/core/hlc';
import { listDelta } from '../../../src/core/list-merge';
import { applyOp, mergeRow, type RowOp, type SyncRow } from '../../../src/core/merge';
import type { DecisionOption } from '../../../src/core/schemas';

const ID = '01900000-0000-7000-8000-000000000001';
const at = (ms: number, node: string) => encodeHlc({ ms, counter: 0, node });
const option = (id: string, title: string, chosen = false): DecisionOption => ({
  id,
  title,
  pros: '',
  cons: '',
  chosen,
});

/** A local list edit as the write path makes it: only what changed, removals naming what they saw. */
function edit(
  row: SyncRow | undefined,
  field: 'options' | 'tradeoffs' | 'tags',
  next: unknown[],
  hlc: string,
) {
  const delta = listDelta(row, field, next);
  const op: RowOp = { table: 'decisions', id: ID, set: {}, ...(delta ? { lists: { [field]: delta } } : {}) };
  return applyOp(row, op, hlc);
}

describe('list fields merge per element', () => {
  const v0 = edit(undefined, 'options', [option('o1', 'Postgres')], at(100, 'c'));

  it('keeps both options two people add concurrently', () => {
    const a = edit(v0, 'options', [...(v0.options as DecisionOption[]), option('o2', 'MySQL')], at(110, 'a'));
    const b = edit(
      v0,
      'options',
      [...(v0.options as DecisionOption[]), option('o3', 'SQLite')],
      at(105, 'b'),
    );
    const merged = mergeRow(a, b);
    expect((merged.options as DecisionOption[]).map((o) => o.title)).toEqual(['Postgres', 'SQLite', 'MySQL']);
    expect(mergeRow(b, a)).toEqual(merged);
  });

  it('keeps concurrent edits of different options, and an edit over a concurrent removal', () => {
    const two = edit(v0, 'options', [option('o1', 'Postgres'), option('o2', 'MySQL')], at(101, 'c'));
    const a = edit(two, 'options', [option('o1', 'Postgres 16', true), option('o2', 'MySQL')], at(110, 'a'));
    const b = edit(two, 'options', [option('o1', 'Postgres'), option('o2', 'MySQL 8')], at(111, 'b'));
    const merged = mergeRow(a, b);
    expect((merged.options as DecisionOption[]).map((o) => o.title)).toEqual(['Postgres 16', 'MySQL 8']);
    // B removes o1 without having seen A's edit of it: the edit wins, nothing typed is lost.
    const removed = edit(two, 'options', [option('o2', 'MySQL')], at(120, 'b'));
    expect((mergeRow(a, removed).options as DecisionOption[]).map((o) => o.title)).toEqual([
      'Postgres 16',
      'MySQL',
    ]);
  });

  it('removes an option whose removal saw it', () => {
    const a = edit(v0, 'options', [option('o1', 'Postgres'), option('o2', 'MySQL')], at(110, 'a'));
    const b = edit(a, 'options', [option('o1', 'Postgres')], at(120, 'b'));
    expect((mergeRow(a, b).options as DecisionOption[]).map((o) => o.id)).toEqual(['o1']);
    expect((mergeRow(b, a).options as DecisionOption[]).map((o) => o.id)).toEqual(['o1']);
  });

  it('keeps both tags two people add, and lets a removal that saw a tag win over it', () => {
    const t0 = edit(undefined, 'tags', ['infra'], at(100, 'c'));
    const a = edit(t0, 'tags', ['infra', 'db'], at(110, 'a'));
    const b = edit(t0, 'tags', ['infra', 'q3'], at(105, 'b'));
    const both = mergeRow(a, b);
    expect(both.tags).toEqual(['infra', 'q3', 'db']);
    const removed = edit(both, 'tags', ['infra', 'q3'], at(130, 'b'));
    expect(mergeRow(a, removed).tags).toEqual(['infra', 'q3']);
  });

  it('lets a concurrent add win over a removal that did not see it', () => {
    const t0 = edit(undefined, 'tags', ['infra'], at(100, 'c'));
    const removed = edit(t0, 'tags', [], at(200, 'a'));
    // C never saw the first add; it adds the same tag, with a clock behind A's.
    const readded = edit(undefined, 'tags', ['infra'], at(150, 'd'));
    expect(mergeRow(removed, readded).tags).toEqual(['infra']);
    expect(mergeRow(readded, removed).tags).toEqual(['infra']);
    // Removing it again, having seen both adds, removes it for everyone.
    const gone = edit(mergeRow(removed, readded), 'tags', [], at(210, 'a'));
    expect(mergeRow(readded, gone).tags).toEqual([]);
  });

  it('lets a concurrent add win even when its clock is behind the add the removal saw', () => {
    const seenAdd = edit(undefined, 'tags', ['infra'], at(300, 'c'));
    const removed = edit(seenAdd, 'tags', [], at(310, 'a'));
    const unseenAdd = edit(undefined, 'tags', ['infra'], at(150, 'd'));
    expect(mergeRow(removed, unseenAdd).tags).toEqual(['infra']);
  });

  it('reads rows and queued ops of schema version 1 (whole arrays) without losing elements', () => {
    const legacyRow: SyncRow = {
      id: ID,
      tags: ['infra', 'db'],
      fieldHlc: { tags: at(100, 'c') },
    };
    const added = edit(legacyRow, 'tags', ['infra', 'db', 'q3'], at(110, 'a'));
    expect(added.tags).toEqual(['infra', 'db', 'q3']);
    // A queued version-1 op writes the whole array: its elements are added, none removed.
    const legacyOp = applyOp(
      legacyRow,
      { table: 'decisions', id: ID, set: { tags: ['infra', 'ops'] } },
      at(105, 'b'),
    );
    expect(mergeRow(added, legacyOp).tags).toEqual(['infra', 'db', 'ops', 'q3']);
  });

  it('leaves a list unchanged when nothing in it changed', () => {
    expect(listDelta(v0, 'options', v0.options as unknown[])).toBeNull();
  });
});
