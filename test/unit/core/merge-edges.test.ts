// The merge's edges, each pinned by an example: equal HLCs (the same write arriving twice, or a
// buggy peer reusing one), rows holding only some fields, hostile causality claims, and the
// byte-for-byte shape of rows written once. The properties in merge.test.ts rarely reach these.
import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../../src/core/hlc';
import {
  fieldFrontier,
  hasConflict,
  mergeRow,
  PURGED_MARK,
  rowFromOp,
  type SyncRow,
} from '../../../src/core/merge';

const h = (ms: number, node = 'n1', counter = 0) => encodeHlc({ ms, counter, node });
const row = (
  fields: Record<string, unknown>,
  fieldHlc: Record<string, string>,
  extra: Partial<SyncRow> = {},
) => ({ id: 'd1', ...fields, fieldHlc, ...extra }) as SyncRow;

describe('mergeRow at its edges', () => {
  it('refuses to merge two different rows, naming both', () => {
    expect(() => mergeRow(row({}, {}), { id: 'd2', fieldHlc: {} })).toThrow(
      new Error('mergeRow: different rows d1 / d2'),
    );
  });

  it('settles the workspace on the greater id, whichever side holds it', () => {
    const a = row({}, {}, { workspaceId: 'ws-b' });
    const b = row({}, {}, { workspaceId: 'ws-a' });
    expect(mergeRow(a, b).workspaceId).toBe('ws-b');
    expect(mergeRow(b, a).workspaceId).toBe('ws-b');
    expect(mergeRow(row({}, {}), b).workspaceId).toBe('ws-a');
    expect(mergeRow(b, row({}, {})).workspaceId).toBe('ws-a');
    expect('workspaceId' in mergeRow(row({}, {}), row({}, {}))).toBe(false);
  });

  it('takes a register from the side that holds it', () => {
    const a = row({ status: 'open' }, { status: h(1) });
    const b = row({ title: 'T' }, { title: h(2) });
    expect(mergeRow(a, b)).toEqual(mergeRow(b, a));
    expect(mergeRow(b, a)).toEqual({
      id: 'd1',
      status: 'open',
      title: 'T',
      fieldHlc: { status: h(1), title: h(2) },
    });
  });

  it('does not merge sync metadata as data, even when a peer stamps it', () => {
    const a = row({}, { workspaceId: h(9) }, { workspaceId: 'ws-a' });
    const b = row({}, { workspaceId: h(1) }, { workspaceId: 'ws-b' });
    expect(mergeRow(a, b).workspaceId).toBe('ws-b');
    expect(mergeRow(a, b).fieldHlc).toEqual({});
  });

  it('breaks a tie of equal HLCs by value, the same in either order', () => {
    const a = row({ status: 'open' }, { status: h(5) });
    const b = row({ status: 'decided' }, { status: h(5) });
    expect(mergeRow(a, b).status).toBe('open');
    expect(mergeRow(b, a).status).toBe('open');
    expect(mergeRow(b, a).fieldHlc.status).toBe(h(5));
    const c = row({ title: 'B' }, { title: h(5) });
    const d = row({ title: 'A' }, { title: h(5) });
    expect(mergeRow(c, d).title).toBe('B');
    expect(mergeRow(d, c).title).toBe('B');
  });

  it('takes the newer register and its HLC, whichever side it is on', () => {
    const older = row({ status: 'open' }, { status: h(1) });
    const newer = row({ status: 'decided' }, { status: h(2) });
    for (const [x, y] of [
      [older, newer],
      [newer, older],
    ] as const) {
      const out = mergeRow(x, y);
      expect([out.status, out.fieldHlc.status]).toEqual(['decided', h(2)]);
    }
  });

  it('keeps one version of a free-text write that arrives with two values, the same in either order', () => {
    const a = row({ rationale: 'first' }, { rationale: h(7) });
    const b = row({ rationale: 'second' }, { rationale: h(7) });
    expect(mergeRow(a, b)).toEqual(mergeRow(b, a));
    expect(mergeRow(a, b).rationale).toBe('second');
    expect(mergeRow(a, b).conflicts).toBeUndefined();
  });

  it('writes the same bytes whichever order the rows come in', () => {
    const a = row(
      { title: 'T', status: 'open', rationale: 'r' },
      { title: h(1), status: h(3), rationale: h(2) },
    );
    const b = row({ status: 'decided', tags: ['x'], title: 'U' }, { tags: h(4), status: h(2), title: h(5) });
    expect(JSON.stringify(mergeRow(a, b))).toBe(JSON.stringify(mergeRow(b, a)));
  });

  it('adds no empty causality or list state to rows that need none', () => {
    const out = mergeRow(row({ rationale: 'r' }, { rationale: h(1) }), row({ tags: ['x'] }, { tags: h(2) }));
    expect(out).toEqual({ id: 'd1', rationale: 'r', tags: ['x'], fieldHlc: { rationale: h(1), tags: h(2) } });
    expect(Object.keys(out)).not.toContain('fieldBase');
    expect(Object.keys(out)).not.toContain('elements');
  });

  it('keeps concurrent versions apart from superseded ones, and says so', () => {
    const base = row({ rationale: 'v0' }, { rationale: h(1) });
    const a = row({ rationale: 'A' }, { rationale: h(2, 'na') }, { fieldBase: { rationale: [h(1)] } });
    const b = row({ rationale: 'B' }, { rationale: h(3, 'nb') }, { fieldBase: { rationale: [h(1)] } });
    const out = mergeRow(mergeRow(base, a), b);
    expect(out.rationale).toBe('B');
    expect(out.fieldBase).toEqual({ rationale: [h(1)] });
    expect(out.conflicts).toEqual({ rationale: [{ value: 'A', hlc: h(2, 'na'), base: [h(1)] }] });
    expect(hasConflict(out, 'rationale')).toBe(true);
    expect(hasConflict(out, 'consequences')).toBe(false);
    expect(hasConflict(a, 'rationale')).toBe(false);
    expect(hasConflict({ ...a, conflicts: { rationale: [] } }, 'rationale')).toBe(false);
  });

  it('does not let a version supersede itself by naming itself in what it saw', () => {
    const selfSeen = row(
      { rationale: 'odd' },
      { rationale: h(2, 'na') },
      { fieldBase: { rationale: [h(2, 'na')] } },
    );
    const other = row({ rationale: 'other' }, { rationale: h(3, 'nb') });
    const out = mergeRow(selfSeen, other);
    expect(out.rationale).toBe('other');
    expect(out.conflicts?.rationale?.map((v) => v.value)).toEqual(['odd']);
  });

  it('keeps the newest, alone, of versions that each claim to have seen the other', () => {
    const a = row({ rationale: 'A' }, { rationale: h(2, 'na') }, { fieldBase: { rationale: [h(3, 'nb')] } });
    const b = row({ rationale: 'B' }, { rationale: h(3, 'nb') }, { fieldBase: { rationale: [h(2, 'na')] } });
    for (const out of [mergeRow(a, b), mergeRow(b, a)]) {
      expect(out.rationale).toBe('B');
      expect(out.conflicts).toBeUndefined();
    }
  });
});

describe('rowFromOp', () => {
  it('takes only data fields from an op: sync metadata in `set` is ignored', () => {
    const out = rowFromOp(
      {
        table: 'decisions',
        id: 'd1',
        set: { title: 'T', workspaceId: 'evil', fieldHlc: { title: 'x' }, conflicts: {} },
      },
      h(4),
    );
    expect(out).toEqual({ id: 'd1', title: 'T', fieldHlc: { title: h(4) } });
  });

  it('records what the writer saw for free-text fields only, and only when it saw something', () => {
    const op = {
      table: 'decisions',
      id: 'd1',
      set: { rationale: 'r', consequences: 'c', status: 'open' },
      base: { rationale: [h(1)], status: [h(1)] },
    };
    expect(rowFromOp(op, h(4)).fieldBase).toEqual({ rationale: [h(1)] });
    expect(rowFromOp({ ...op, base: {} }, h(4)).fieldBase).toBeUndefined();
  });

  it('leaves a list written whole as a plain array, byte for byte', () => {
    const out = rowFromOp({ table: 'decisions', id: 'd1', set: { tags: ['a', 'b'] } }, h(4));
    expect(out).toEqual({ id: 'd1', tags: ['a', 'b'], fieldHlc: { tags: h(4) } });
    expect('elements' in out).toBe(false);
  });

  it('keeps one copy of a tag written twice in one list', () => {
    expect(rowFromOp({ table: 'decisions', id: 'd1', set: { tags: ['b', 'a', 'b'] } }, h(4)).tags).toEqual([
      'b',
      'a',
    ]);
  });

  it('takes element deltas for list fields only, and a whole list over a delta of the same field', () => {
    const op = {
      table: 'decisions',
      id: 'd1',
      set: { tags: ['whole'] },
      lists: { tags: { put: ['delta'] }, title: { put: ['not a list'] } },
    };
    const out = rowFromOp(op as never, h(4));
    expect(out.tags).toEqual(['whole']);
    expect(out.title).toBeUndefined();
    expect(out.fieldHlc).toEqual({ tags: h(4) });
  });
});

describe('the purge mark', () => {
  it('is named on the wire as docs/protocol.md says, so other clients can read it', () => {
    expect(PURGED_MARK).toBe('_purged');
  });
});

describe('fieldFrontier', () => {
  it('is undefined for a field the row has never held', () => {
    expect(fieldFrontier(row({ title: 'T' }, { title: h(1) }), 'rationale')).toBeUndefined();
  });

  it('covers the value, its kept versions and what their writers saw', () => {
    const r = row(
      { rationale: 'B' },
      { rationale: h(3, 'nb') },
      { fieldBase: { rationale: [h(1, 'nc')] }, conflicts: { rationale: [{ value: 'A', hlc: h(2, 'na') }] } },
    );
    expect(fieldFrontier(r, 'rationale')).toEqual([h(2, 'na'), h(3, 'nb'), h(1, 'nc')].sort());
  });
});
