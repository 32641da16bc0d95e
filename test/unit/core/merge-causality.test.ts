// Issue 15 item 3: a concurrent offline free-text edit never vanishes. What a writer saw is a
// version vector (its `base`), never one timestamp compared with `>=`.
import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../../src/core/hlc';
import { applyOp, fieldFrontier, mergeRow, type SyncRow } from '../../../src/core/merge';

const ID = '01900000-0000-7000-8000-000000000001';
const at = (ms: number, node: string) => encodeHlc({ ms, counter: 0, node });

/** A local edit as the extension makes it: the base is everything the writer's row holds. */
function edit(row: SyncRow | undefined, value: string, hlc: string): SyncRow {
  const seen = row ? fieldFrontier(row, 'consequences') : undefined;
  return applyOp(
    row,
    {
      table: 'decisions',
      id: ID,
      set: { consequences: value },
      ...(seen ? { base: { consequences: seen } } : {}),
    },
    hlc,
  );
}

const versions = (row: SyncRow) =>
  [row.consequences, ...(row.conflicts?.consequences ?? []).map((v) => v.value)].sort();

describe('causality of free-text edits', () => {
  it('keeps an offline edit from v0 after a teammate edited twice meanwhile (A pushes last)', () => {
    const v0 = edit(undefined, 'v0', at(100, 'c'));
    // A goes offline holding v0 and edits; A's clock is behind B's.
    const a = edit(v0, 'alice offline', at(105, 'a'));
    // Meanwhile B edits twice, the second edit having seen the first.
    const b1 = edit(v0, 'bob 1', at(110, 'b'));
    const b2 = edit(b1, 'bob 2', at(120, 'b'));
    // The server holds B's state; A's write arrives last.
    const server = mergeRow(b2, a);
    expect(versions(server)).toEqual(['alice offline', 'bob 2']);
    expect(server.conflicts?.consequences).toHaveLength(1);
    // B pulling the server's row sees "2 versions" too, and so does A.
    expect(versions(mergeRow(b2, server))).toEqual(['alice offline', 'bob 2']);
    expect(versions(mergeRow(a, server))).toEqual(['alice offline', 'bob 2']);
  });

  it('keeps the offline edit also when the offline clock is ahead', () => {
    const v0 = edit(undefined, 'v0', at(100, 'c'));
    const a = edit(v0, 'alice', at(500, 'a'));
    const b2 = edit(edit(v0, 'bob 1', at(110, 'b')), 'bob 2', at(120, 'b'));
    const merged = mergeRow(a, b2);
    expect(merged.consequences).toBe('alice');
    expect(versions(merged)).toEqual(['alice', 'bob 2']);
  });

  it('lets a writer who saw both versions replace them, on every replica', () => {
    const v0 = edit(undefined, 'v0', at(100, 'c'));
    const a = edit(v0, 'alice', at(105, 'a'));
    const b2 = edit(edit(v0, 'bob 1', at(110, 'b')), 'bob 2', at(120, 'b'));
    const both = mergeRow(b2, a);
    const resolved = edit(both, 'merged text', at(130, 'a'));
    expect(resolved.conflicts).toBeUndefined();
    expect(mergeRow(a, resolved)).toEqual(resolved);
    expect(mergeRow(b2, mergeRow(v0, resolved))).toEqual(resolved);
  });

  it('treats a legacy single-HLC base as having seen only that version', () => {
    const v0 = edit(undefined, 'v0', at(100, 'c'));
    const b1 = edit(v0, 'bob 1', at(110, 'b'));
    // A legacy writer names v0's HLC as one string; it must not supersede b1 (written at 110).
    const legacy = applyOp(
      v0,
      {
        table: 'decisions',
        id: ID,
        set: { consequences: 'old client' },
        base: { consequences: at(100, 'c') },
      },
      at(150, 'a'),
    );
    expect(versions(mergeRow(b1, legacy))).toEqual(['bob 1', 'old client']);
  });
});
