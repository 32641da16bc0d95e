import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBackup, toBackup } from '../../../../src/core/export';
import { TABLES } from '../../../../src/core/schemas';
import { buildDataset, datasetSpec } from './datasets';
import { sampleTables } from './records';

// Property runs are CPU-bound; on a busy machine they need more than the default 5 s.
const SLOW = 30_000;

const META = { exportedAt: '2024-06-01T10:00:00.000Z', schemaVersion: 1, clientId: 'c1' };
const OPTIONS = { currentSchemaVersion: 1, maxBytes: 10 * 1024 * 1024 };

const errorOf = (text: string, options = OPTIONS) => {
  const r = parseBackup(text, options);
  return r.ok ? 'ok' : r.error;
};

describe('toBackup / parseBackup', () => {
  it(
    'round-trips random data sets exactly, sync metadata and conflicts included',
    () => {
      fc.assert(
        fc.property(datasetSpec, (spec) => {
          const tables = buildDataset(spec);
          for (const [t, rows] of Object.entries(tables))
            for (const row of rows)
              expect(TABLES[t as keyof typeof TABLES].safeParse(row).success).toBe(true);
          const r = parseBackup(toBackup(tables, META), OPTIONS);
          if (!r.ok) throw new Error(r.error);
          expect(r.backup.tables).toEqual(tables);
          expect(r.backup).toMatchObject({ format: 'decidedly-backup', ...META });
        }),
        { numRuns: 60 },
      );
    },
    SLOW,
  );

  it('writes one record a line and a recognisable header', () => {
    const text = toBackup(sampleTables(), META);
    expect(
      text.startsWith(
        '{"format":"decidedly-backup","schemaVersion":1,"exportedAt":"2024-06-01T10:00:00.000Z","clientId":"c1",\n"tables": {\n"decisions": [\n{',
      ),
    ).toBe(true);
    expect(JSON.parse(text).tables.roles).toHaveLength(4);
    expect(text).toContain('"fieldHlc"');
  });

  it('says a truncated file is truncated', () => {
    const text = toBackup(sampleTables(), META);
    for (const cut of [text.length - 3, Math.floor(text.length / 2), 40]) {
      expect(errorOf(text.slice(0, cut))).toBe(
        'The file is not complete JSON (it may be truncated): it ends before the data does. Export the backup again.',
      );
    }
    expect(errorOf('')).toMatch(/^The file is not complete JSON/);
  });

  it('reports other JSON syntax errors as such', () => {
    expect(errorOf('{"format": "decidedly-backup",, }')).toMatch(/^The file is not valid JSON: /);
  });

  it('refuses files that are not Decidedly backups', () => {
    expect(errorOf('[1,2]')).toBe('This is not a Decidedly backup (its "format" is not "decidedly-backup").');
    expect(errorOf('{"format":"other"}')).toBe(
      'This is not a Decidedly backup (its "format" is not "decidedly-backup").',
    );
  });

  it('refuses a backup from a newer schema, and a missing version', () => {
    const newer = toBackup(sampleTables(), { ...META, schemaVersion: 3 });
    expect(errorOf(newer)).toBe(
      'This backup was made by a newer version of Decidedly (schema 3); update the extension to import it.',
    );
    expect(errorOf('{"format":"decidedly-backup","schemaVersion":"1"}')).toBe(
      'The backup has no valid "schemaVersion".',
    );
  });

  it('checks the size before parsing', () => {
    const text = toBackup(sampleTables(), META);
    expect(errorOf(text, { currentSchemaVersion: 1, maxBytes: 1000 })).toBe(
      'The file is larger than 1000 bytes, the most a backup import accepts.',
    );
    // Counted in UTF-8 bytes, not characters: 600 "é" are 1200 bytes.
    expect(errorOf(`"${'é'.repeat(600)}"`, { currentSchemaVersion: 1, maxBytes: 1000 })).toMatch(
      /^The file is larger than/,
    );
    expect(errorOf(`"${'e'.repeat(600)}"`, { currentSchemaVersion: 1, maxBytes: 1000 })).toMatch(
      /^This is not a Decidedly backup/,
    );
  });

  it('names the table, index, id and field of invalid records', () => {
    const tables = sampleTables();
    const backup = JSON.parse(toBackup(tables, META));
    backup.tables.decisions[0].title = 42;
    backup.tables.roles[2].raci = 'X';
    delete backup.tables.followUps[1].fieldHlc;
    const error = errorOf(JSON.stringify(backup));
    expect(error).toMatch(/^3 records are not valid, so nothing was imported\. /);
    expect(error).toContain(`decisions[0] (id ${tables.decisions[0]?.id}): title: expected string`);
    expect(error).toContain(`roles[2] (id ${tables.roles[2]?.id}): raci: `);
    expect(error).toContain(`followUps[1] (id ${tables.followUps[1]?.id}): fieldHlc: expected record`);
  });

  it.each([
    'javascript:alert(document.domain)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
  ])('refuses an anchor whose URL is %s: the log would render it as a link', (url) => {
    const tables = sampleTables();
    const backup = JSON.parse(toBackup(tables, META));
    backup.tables.anchors[0].url = url;
    const error = errorOf(JSON.stringify(backup));
    expect(error).toMatch(/^1 record is not valid, so nothing was imported\. /);
    expect(error).toContain(`anchors[0] (id ${tables.anchors[0]?.id}): url: an http(s) address`);
  });

  it('refuses unknown tables, tables that are not lists and duplicate ids', () => {
    const backup = JSON.parse(toBackup(sampleTables(), META));
    expect(errorOf(JSON.stringify({ ...backup, tables: { ...backup.tables, secrets: [] } }))).toBe(
      'The backup has unknown tables: "secrets".',
    );
    expect(errorOf(JSON.stringify({ ...backup, tables: { ...backup.tables, roles: {} } }))).toBe(
      'The table "roles" in the backup is not a list.',
    );
    const twice = {
      ...backup,
      tables: { ...backup.tables, decisions: [backup.tables.decisions[0], backup.tables.decisions[0]] },
    };
    expect(errorOf(JSON.stringify(twice))).toMatch(
      /decisions\[1\] \(id [0-9a-f-]+\): id: [0-9a-f-]+ appears twice/,
    );
  });

  it('drops unknown fields of a record instead of storing them', () => {
    const backup = JSON.parse(toBackup(sampleTables(), META));
    backup.tables.decisions[0].__proto__polluter = 'x';
    const r = parseBackup(JSON.stringify(backup), OPTIONS);
    expect(r.ok && Object.keys(r.backup.tables.decisions[0] ?? {})).not.toContain('__proto__polluter');
  });
});
