import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lookupFrom, parseBackup, planImport, type TableRows, toBackup } from '../../../../src/core/export';
import { encodeHlc } from '../../../../src/core/hlc';
import { applyOp } from '../../../../src/core/merge';
import { TABLE_NAMES } from '../../../../src/core/schemas';
import { buildDataset, datasetSpec } from './datasets';
import { sampleTables } from './records';

// Property runs are CPU-bound; on a busy machine they need more than the default 5 s.
const SLOW = 30_000;

const total = (tables: TableRows) => TABLE_NAMES.reduce((n, t) => n + tables[t].length, 0);
const restore = (tables: TableRows) => {
  const r = parseBackup(toBackup(tables, { exportedAt: '2024-06-01T00:00:00.000Z', schemaVersion: 1 }), {
    currentSchemaVersion: 1,
    maxBytes: 1e7,
  });
  if (!r.ok) throw new Error(r.error);
  return r.backup;
};
const later = (n: number) => encodeHlc({ ms: Date.UTC(2030, 0, 1) + n, counter: 0, node: 'local' });

describe('planImport', () => {
  it(
    'into an empty store: everything is new and written as in the backup',
    () => {
      fc.assert(
        fc.property(datasetSpec, (spec) => {
          const tables = buildDataset(spec);
          const plan = planImport(restore(tables), lookupFrom({}));
          expect(plan.newRows).toHaveLength(total(tables));
          expect(plan.merged).toEqual(plan.newRows);
          expect(plan.updated.length + plan.keptNewer.length + plan.unchanged.length).toBe(0);
          expect(plan.merged.filter((p) => p.table === 'decisions').map((p) => p.row)).toEqual(
            tables.decisions,
          );
          expect(plan.counts.decisions.new).toBe(tables.decisions.length);
        }),
        { numRuns: 40 },
      );
    },
    SLOW,
  );

  it(
    'into the same data: everything is unchanged and nothing is written',
    () => {
      fc.assert(
        fc.property(datasetSpec, (spec) => {
          const tables = buildDataset(spec);
          const plan = planImport(restore(tables), lookupFrom(tables));
          expect(plan.unchanged).toHaveLength(total(tables));
          expect(plan.merged).toEqual([]);
        }),
        { numRuns: 40 },
      );
    },
    SLOW,
  );

  it(
    'never overwrites a field edited locally after the backup',
    () => {
      fc.assert(
        fc.property(datasetSpec, (spec) => {
          const tables = buildDataset(spec);
          const backup = restore(tables);
          const local = {
            ...tables,
            decisions: tables.decisions.map((d, i) =>
              applyOp(
                d,
                { table: 'decisions', id: d.id, set: { title: `local ${i}`, status: 'rejected' } },
                later(i),
              ),
            ),
          };
          const plan = planImport(backup, lookupFrom(local));
          expect(plan.keptNewer.map((k) => k.id)).toEqual(local.decisions.map((d) => d.id));
          expect(plan.counts.decisions).toEqual({
            new: 0,
            updated: 0,
            keptNewer: local.decisions.length,
            unchanged: 0,
          });
          expect(plan.merged.filter((p) => p.table === 'decisions')).toEqual([]);
        }),
        { numRuns: 40 },
      );
    },
    SLOW,
  );

  it('brings in newer fields and keeps newer local ones in the same row', () => {
    const tables = sampleTables();
    const original = tables.decisions[0] as (typeof tables.decisions)[0];
    const backupCopy = applyOp(
      original,
      { table: 'decisions', id: original.id, set: { title: 'From the backup' } },
      later(1),
    );
    const localCopy = applyOp(
      original,
      { table: 'decisions', id: original.id, set: { status: 'revisiting' } },
      later(2),
    );
    const plan = planImport(
      restore({ ...tables, decisions: [backupCopy] }),
      lookupFrom({ ...tables, decisions: [localCopy] }),
    );
    expect(plan.counts.decisions).toEqual({ new: 0, updated: 1, keptNewer: 0, unchanged: 0 });
    expect(plan.updated[0]?.row).toMatchObject({
      title: 'From the backup',
      status: 'revisiting',
      context: original.context,
    });
    // Nothing else in the plan touches the untouched tables.
    expect(plan.merged).toHaveLength(1);
    expect(plan.maxHlc).toBe(later(1));
  });

  it('restores deleted rows as tombstones unless undeleted later locally', () => {
    const tables = sampleTables();
    const role = tables.roles[0] as (typeof tables.roles)[0];
    const deleted = applyOp(role, { table: 'roles', id: role.id, set: { deleted: true } }, later(1));
    const plan = planImport(restore({ ...tables, roles: [deleted] }), lookupFrom(tables));
    expect(plan.updated.map((p) => [p.table, p.row.deleted])).toEqual([['roles', true]]);
  });

  it('moves new rows into the current workspace when asked, and never moves stored rows', () => {
    const tables = sampleTables();
    const plan = planImport(restore(tables), lookupFrom({}), { workspaceId: 'ws-other' });
    expect(new Set(plan.merged.map((p) => p.row.workspaceId))).toEqual(new Set(['ws-other']));
    const fromElsewhere = restore({
      ...tables,
      decisions: tables.decisions.map((d) => ({ ...d, workspaceId: 'zz-later-name' })),
    });
    const same = planImport(fromElsewhere, lookupFrom(tables));
    expect(same.merged).toEqual([]);
    expect(same.counts.decisions).toEqual({ new: 0, updated: 0, keptNewer: 0, unchanged: 1 });
  });
});
