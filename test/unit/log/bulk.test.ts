import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBackup } from '../../../src/core/export';
import { HlcClock } from '../../../src/core/hlc';
import { SCHEMA_VERSION } from '../../../src/core/protocol';
import { addTagTo, reviewInstant, setReviewOf } from '../../../src/log/bulk-actions';
import { type DecidedlyDb, openDb } from '../../../src/storage/db';
import { createDecision, deleteDecision } from '../../../src/storage/decisions';
import { readDecisionTables } from '../../../src/storage/export-data';
import { addRole, createStakeholder } from '../../../src/storage/people';
import type { WriteContext } from '../../../src/storage/write';
import { exportFile } from '../../../src/ui/export-file';

let db: DecidedlyDb;
let ctx: WriteContext;
let ids: string[];

const anchor = {
  pageKey: 'github:acme/checkout#42',
  url: 'https://github.com/acme/checkout/pull/42',
  pageTitle: 'Checkout rewrite',
  site: 'github',
  selectors: null,
};

beforeEach(async () => {
  db = openDb(`log-bulk-${crypto.randomUUID()}`);
  await db.open();
  ctx = { db, clock: new HlcClock('c1'), workspaceId: 'local', actor: 'me' };
  const dana = await createStakeholder(ctx, { name: 'Dana Lee' });
  ids = [];
  for (const title of ['Use Postgres', 'Ship behind a flag', 'Drop IE11']) {
    const id = await createDecision(ctx, { title, tags: title === 'Drop IE11' ? ['q3'] : [] }, anchor);
    await addRole(ctx, id, dana, 'A');
    ids.push(id);
  }
});
afterEach(async () => {
  await db.delete();
});

describe('log bulk actions', () => {
  it('add a tag to each chosen decision once, through the repository', async () => {
    expect(await addTagTo(ctx, ids, '  q3 ')).toBe(2);
    const tags = (await db.decisions.bulkGet(ids)).map((d) => d?.tags);
    expect(tags).toEqual([['q3'], ['q3'], ['q3']]);
    // Each change reached the outbox, so it syncs.
    expect((await db.outbox.toArray()).at(-1)?.ops.some((o) => o.table === 'decisions')).toBe(true);
    await expect(addTagTo(ctx, ids, '   ')).rejects.toThrow(/tag/);
  });

  it('set and clear a review date at the due hour of the local day', async () => {
    const at = reviewInstant('2025-03-10', 'Europe/Paris');
    expect(at).toBe('2025-03-10T16:00:00.000Z');
    expect(reviewInstant('someday', 'UTC')).toBeNull();
    expect(await setReviewOf(ctx, ids.slice(0, 2), at)).toBe(2);
    expect((await db.decisions.bulkGet(ids)).map((d) => d?.reviewAt)).toEqual([at, at, null]);
    expect(await setReviewOf(ctx, ids, null)).toBe(2);
    expect((await db.decisions.bulkGet(ids)).every((d) => d?.reviewAt === null)).toBe(true);
  });
});

describe('log bulk export', () => {
  it('takes only the chosen live decisions and what hangs off them', async () => {
    await deleteDecision(ctx, ids[2] as string);
    const tables = await readDecisionTables(db, ids.slice(0, 2));
    expect(tables.decisions.map((d) => d.title)).toEqual(['Use Postgres', 'Ship behind a flag']);
    expect(tables.roles).toHaveLength(2);
    expect(tables.anchors).toHaveLength(2);
    expect(tables.stakeholders.map((s) => s.name)).toEqual(['Dana Lee']);
    expect(tables.events.every((e) => ids.slice(0, 2).includes(e.decisionId))).toBe(true);
    // Local index keys are not part of an exported record.
    expect(tables.decisions.every((d) => Object.keys(d).every((k) => !k.startsWith('_')))).toBe(true);
    // A deleted decision in the selection is left out of what people read.
    const csv = await exportFile(db, ids, 'csv');
    expect(String(csv.data)).not.toContain(String((await db.decisions.get(ids[2] as string))?.title));
  });

  it('writes each format: CSV, an ADR zip, a backup that reads back, Web Annotations', async () => {
    const now = new Date('2025-01-02T10:00:00Z');
    const chosen = ids.slice(0, 2);
    const csv = await exportFile(db, chosen, 'csv', now);
    expect(csv.name).toBe('decisions-2025-01-02.csv');
    expect(String(csv.data).trim().split('\r\n')).toHaveLength(3);
    const zip = await exportFile(db, chosen, 'madr', now);
    const files = Object.keys(unzipSync(zip.data as Uint8Array)).sort();
    expect(files).toEqual([
      'docs/decisions/0001-use-postgres.md',
      'docs/decisions/0002-ship-behind-a-flag.md',
      'docs/decisions/README.md',
    ]);
    const json = await exportFile(db, chosen, 'json', now);
    const parsed = parseBackup(String(json.data), { currentSchemaVersion: SCHEMA_VERSION, maxBytes: 1e7 });
    expect(parsed.ok && parsed.backup.tables.decisions.map((d) => d.id)).toEqual(chosen);
    const annotations = JSON.parse(String((await exportFile(db, chosen, 'annotations', now)).data));
    expect(annotations.total).toBe(2);
  });
});
