import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  bundleDecisions,
  DEFAULT_ZIP_LIMITS,
  importAdrZip,
  parseAdrFolder,
  readZip,
  toMadrZip,
} from '../../../../src/core/export';
import { recordMaker, sampleTables } from './records';

// Property runs are CPU-bound; on a busy machine they need more than the default 5 s.
const SLOW = 30_000;

const FIXTURES = join(__dirname, '../../../fixtures/adr');
/** One folder per template style (the folder also holds a biome.json that keeps them unformatted). */
const templateDirs = () =>
  readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

/** Offsets of every zip record with `signature` (local 0x04034b50, central 0x02014b50). */
function recordsOf(zip: Uint8Array, signature: number): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: number[] = [];
  for (let i = 0; i + 4 <= zip.length; i += 1) if (view.getUint32(i, true) === signature) out.push(i);
  return out;
}

/** Rewrites the uncompressed size every header declares for every entry. */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (const at of recordsOf(copy, 0x04034b50)) view.setUint32(at + 22, size, true);
  for (const at of recordsOf(copy, 0x02014b50)) view.setUint32(at + 24, size, true);
  return copy;
}

const limits = { maxEntries: 20, maxTotalBytes: 1024 * 1024, maxEntryBytes: 512 * 1024 };

describe('parseAdrFolder', () => {
  it('picks ADRs under adr/ and docs/decisions/ and skips index, template and other Markdown', () => {
    const read = (p: string) => readFileSync(join(FIXTURES, p), 'utf8');
    const result = parseAdrFolder([
      {
        name: 'doc/adr/0002-use-rabbitmq-for-events.md',
        text: read('nygard/0002-use-rabbitmq-for-events.md'),
      },
      {
        name: 'doc/adr/0001-record-architecture-decisions.md',
        text: read('nygard/0001-record-architecture-decisions.md'),
      },
      {
        name: 'docs/decisions/0004-use-postgresql.md',
        text: read('madr-4/0004-use-postgresql-for-the-sync-server.md'),
      },
      { name: 'docs/decisions/README.md', text: '# Decisions\n' },
      { name: 'docs/decisions/adr-template.md', text: '# {title}\n' },
      { name: 'docs/decisions/index.md', text: '# Index\n' },
      { name: 'README.md', text: '# App\n' },
      { name: 'docs/decisions/0009-empty.md', text: 'nothing here' },
      { name: 'src/main.ts', text: 'export {}' },
    ]);
    expect(result.decisions.map((d) => [d.number, d.title])).toEqual([
      [1, 'Record architecture decisions'],
      [2, 'Use RabbitMQ for events'],
      [4, 'Use PostgreSQL for the sync server'],
    ]);
    expect(result.errors).toEqual([
      {
        file: 'docs/decisions/0009-empty.md',
        error: 'docs/decisions/0009-empty.md has no title and no ADR sections; it does not look like an ADR.',
      },
    ]);
    expect(result.skipped.sort()).toEqual([
      'README.md',
      'docs/decisions/README.md',
      'docs/decisions/adr-template.md',
      'docs/decisions/index.md',
    ]);
  });

  it('takes numbered files at the top level when the folder itself was zipped', () => {
    const result = parseAdrFolder([
      { name: '0001-a.md', text: '# A\n' },
      { name: 'notes.md', text: '# Notes\n' },
    ]);
    expect(result.decisions.map((d) => d.title)).toEqual(['A']);
    expect(result.skipped).toEqual(['notes.md']);
  });

  it('reads every fixture folder', () => {
    for (const dir of templateDirs()) {
      const files = readdirSync(join(FIXTURES, dir)).map((f) => ({
        name: `docs/adr/${f}`,
        text: readFileSync(join(FIXTURES, dir, f), 'utf8'),
      }));
      const result = parseAdrFolder(files);
      expect(result.errors).toEqual([]);
      expect(result.decisions).toHaveLength(files.length);
    }
  });
});

describe('importAdrZip', () => {
  it('imports Decidedly’s own MADR zip back', () => {
    const result = importAdrZip(toMadrZip(bundleDecisions(sampleTables())));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.errors).toEqual([]);
    expect(result.decisions).toHaveLength(1);
    expect(result.decisions[0]).toMatchObject({
      number: 1,
      title: 'Use Postgres for sync',
      status: 'decided',
      decisionMakers: ['Dana Lee'],
    });
  });

  it('reads a zipped repository folder, reporting per-file problems', () => {
    const zip = zipSync({
      'repo-main/doc/adr/0001-record-architecture-decisions.md': readFileSync(
        join(FIXTURES, 'nygard/0001-record-architecture-decisions.md'),
      ),
      'repo-main/doc/adr/0002-broken.md': strToU8('no title here'),
      'repo-main/src/index.ts': strToU8('export {};'),
    });
    const result = importAdrZip(zip, limits);
    expect(result).toMatchObject({ ok: true, errors: [{ file: 'repo-main/doc/adr/0002-broken.md' }] });
    expect(result.ok && result.decisions.map((d) => d.title)).toEqual(['Record architecture decisions']);
  });

  it('says so when an archive holds no ADRs, or is not a zip', () => {
    expect(importAdrZip(zipSync({ 'src/a.ts': strToU8('x') }), limits)).toEqual({
      ok: false,
      error: 'No ADR files were found: expected Markdown files in an adr/ or docs/decisions/ folder.',
    });
    expect(importAdrZip(strToU8('PK but not really a zip'), limits)).toEqual({
      ok: false,
      error: 'The zip file is damaged or not a zip archive.',
    });
  });

  it('refuses entries that declare a huge size before inflating anything', () => {
    const zip = declareSize(zipSync({ 'docs/decisions/0001-a.md': strToU8('# A\n') }), 3_000_000_000);
    expect(importAdrZip(zip, limits)).toEqual({
      ok: false,
      error: '"docs/decisions/0001-a.md" would unpack to 2861 MB; files up to 512 KB can be imported.',
    });
    expect(importAdrZip(declareSize(zip, 0xffffffff), limits)).toEqual({
      ok: false,
      error: '"docs/decisions/0001-a.md" declares a size over 4 GB; the archive was refused.',
    });
  });

  it('refuses archives whose entries together declare too much', () => {
    const entry = new Uint8Array(400 * 1024).fill(0x61);
    const zip = zipSync(
      { 'adr/0001-a.md': entry, 'adr/0002-b.md': entry, 'adr/0003-c.md': entry },
      { level: 9 },
    );
    expect(zip.length).toBeLessThan(20_000);
    expect(importAdrZip(zip, limits)).toEqual({
      ok: false,
      error: 'The archive would unpack to 1.2 MB; up to 1 MB can be imported.',
    });
  });

  it(
    'stops inflating an entry that lies about its size (zip bomb)',
    () => {
      // 3 MB of one byte deflates to a few KB; the headers then claim 100 bytes.
      const bomb = declareSize(
        zipSync({ 'adr/0001-bomb.md': new Uint8Array(3 * 1024 * 1024).fill(0x41) }),
        100,
      );
      expect(bomb.length).toBeLessThan(40_000);
      expect(importAdrZip(bomb, limits)).toEqual({
        ok: false,
        error: '"adr/0001-bomb.md" unpacks to more than the 100 bytes it declares; the archive was refused.',
      });
    },
    SLOW,
  );

  it('refuses archives with too many entries', () => {
    const files = Object.fromEntries(
      Array.from({ length: 25 }, (_, i) => [`adr/${String(i).padStart(4, '0')}-x.md`, strToU8('# X\n')]),
    );
    expect(importAdrZip(zipSync(files), limits)).toEqual({
      ok: false,
      error: 'The archive has 25 entries; up to 20 can be imported.',
    });
  });

  it('reports entries with an unknown compression method or encryption as per-file errors', () => {
    const zip = zipSync(
      { 'adr/0001-a.md': strToU8('# A\n'), 'adr/0002-b.md': strToU8('# B\n') },
      { level: 0 },
    );
    const copy = zip.slice();
    const view = new DataView(copy.buffer);
    const [, second] = recordsOf(copy, 0x02014b50) as [number, number];
    view.setUint16(second + 10, 99, true);
    const result = readZip(copy, DEFAULT_ZIP_LIMITS);
    expect(result).toEqual({
      ok: true,
      entries: [{ name: 'adr/0001-a.md', bytes: strToU8('# A\n') }],
      errors: [{ name: 'adr/0002-b.md', error: 'The file uses an unsupported compression method (99).' }],
    });
    view.setUint16(second + 10, 0, true);
    view.setUint16(second + 8, 1, true);
    expect(readZip(copy, DEFAULT_ZIP_LIMITS)).toMatchObject({
      errors: [{ name: 'adr/0002-b.md', error: 'The file is encrypted.' }],
    });
  });

  it('keeps the decisions of one zip linked: superseded-by resolves to the other file', () => {
    const { make, tick } = recordMaker();
    const old = make('decisions', { title: 'Use RabbitMQ', status: 'decided' });
    tick();
    const next = make('decisions', { title: 'Use Kafka', status: 'decided', supersedes: old.id });
    const result = importAdrZip(
      toMadrZip(
        bundleDecisions({ decisions: [{ ...old, status: 'superseded', supersededBy: next.id }, next] }),
      ),
    );
    expect(
      result.ok &&
        result.decisions.map((d) => [
          d.title,
          d.status,
          d.supersededBy?.number ?? null,
          d.supersedes?.number ?? null,
        ]),
    ).toEqual([
      ['Use RabbitMQ', 'superseded', 2, null],
      ['Use Kafka', 'decided', null, 1],
    ]);
  });
});
