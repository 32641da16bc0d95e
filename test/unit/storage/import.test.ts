// Restoring a backup into storage: the preview's counts, merging without overwriting newer local
// data, the outbox carrying restored rows with their own HLCs (conflict versions included), and
// all or nothing — a failure mid-way or a refused file leaves the database exactly as it was.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toBackup } from '../../../src/core/export';
import { HlcClock } from '../../../src/core/hlc';
import { applyOp, type SyncRow } from '../../../src/core/merge';
import { makeRow } from '../../../src/core/records';
import { TABLE_NAMES } from '../../../src/core/schemas';
import { type PickedFile, readImportFiles } from '../../../src/options/import-source';
import { createDecision, deleteDecision, updateDecision } from '../../../src/storage/decisions';
import { backupText, readAllTables } from '../../../src/storage/export-data';
import { addFollowUp } from '../../../src/storage/follow-ups';
import { importBackup, importBackupText, previewBackup, readBackup } from '../../../src/storage/import';
import { addRole, createStakeholder } from '../../../src/storage/people';
import type { WriteContext } from '../../../src/storage/write';
import { backupOf, closeDevices, device, dump, replayOutbox, synced } from './import-helpers';

const anchor = {
  pageKey: 'jira:acme.atlassian.net:ACME-7',
  url: 'https://acme.atlassian.net/browse/ACME-7',
  pageTitle: 'ACME-7 · Fix the login timeout',
  site: 'jira',
  selectors: {
    quote: { exact: 'move session storage to Redis', prefix: 'We decided to ', suffix: ', with' },
    position: { start: 10, end: 39 },
  },
};

afterEach(closeDevices);

describe('importing a backup into storage', () => {
  let a: WriteContext;
  let b: WriteContext;
  let ids: string[];
  beforeEach(async () => {
    // The backup's device writes at a fixed, earlier wall time, so "edited here later" is later.
    a = await device('laptop', 'local', () => Date.parse('2026-01-05T09:00:00Z'));
    b = await device('desktop');
    const dana = await createStakeholder(a, { name: 'Dana', function: 'Product' });
    ids = [];
    for (const title of ['Move sessions to Redis', 'Use Postgres', 'Drop sticky sessions'])
      ids.push(await createDecision(a, { title, rationale: `Why: ${title}` }, anchor));
    await addRole(a, ids[0] as string, dana, 'A');
    await addFollowUp(a, ids[0] as string, { title: 'Provision Redis', ownerId: dana, dueAt: null });
    await deleteDecision(a, ids[2] as string);
  });

  it('restores every row of every table into an empty database, tombstones included', async () => {
    const backup = await backupOf(a);
    const plan = await importBackup(b, backup);
    expect(plan.counts.decisions).toEqual({ new: 3, updated: 0, keptNewer: 0, unchanged: 0 });
    for (const t of TABLE_NAMES) {
      const [source, restored] = await Promise.all([a.db.table(t).toArray(), b.db.table(t).toArray()]);
      expect(restored.map(synced).sort(), t).toEqual(source.map(synced).sort());
    }
    expect((await b.db.decisions.get(ids[2] as string))?.deleted).toBe(true);
    // The page is known before anyone visits it again.
    expect((await b.db.pages.get(anchor.pageKey))?.title).toBe(anchor.pageTitle);
  });

  it('keeps the follow-ups of a deleted decision out of the due index', async () => {
    const [kept, gone] = [ids[1] as string, await createDecision(a, { title: 'Drop the cookie' })];
    await addFollowUp(a, kept, { title: 'Benchmark', dueAt: '2026-02-01T09:00:00.000Z' });
    await addFollowUp(a, gone, { title: 'Remove the cookie', dueAt: '2026-02-02T09:00:00.000Z' });
    await deleteDecision(a, gone);
    await importBackup(b, await backupOf(a));
    const due = await b.db.followUps.orderBy('_due').toArray();
    expect(due.map((f) => f.title)).toEqual(['Benchmark']);
    expect(await b.db.followUps.where('decisionId').equals(gone).count()).toBe(1);
  });

  it('counts new, newer here and kept, updated and unchanged in the preview, and writes exactly that', async () => {
    await importBackup(b, await backupOf(a));
    const [d1, d2, d3] = ids as [string, string, string];
    await updateDecision(b, d1, { title: 'Move sessions to Redis (edited here)' }); // newer here
    await updateDecision(a, d2, { rationale: 'Managed service, fewer pages at night' }); // newer in the file
    const d4 = await createDecision(a, { title: 'Keep the EU region' }); // only in the file
    const before = await dump(b.db);

    const backup = await backupOf(a);
    const preview = await previewBackup(b.db, backup, b.workspaceId);
    expect(preview.counts.decisions).toEqual({ new: 1, updated: 1, keptNewer: 1, unchanged: 1 });
    expect(await dump(b.db)).toBe(before); // a preview writes nothing

    const plan = await importBackup(b, backup);
    expect(plan.counts).toEqual(preview.counts);
    expect((await b.db.decisions.get(d1))?.title).toBe('Move sessions to Redis (edited here)');
    expect((await b.db.decisions.get(d2))?.rationale).toBe('Managed service, fewer pages at night');
    expect((await b.db.decisions.get(d3))?.deleted).toBe(true);
    expect((await b.db.decisions.get(d4))?.title).toBe('Keep the EU region');
  });

  it('never overwrites a field changed here after the backup, even when the file has other news', async () => {
    const backup = await backupOf(a);
    await importBackup(b, backup);
    const id = ids[1] as string;
    await updateDecision(a, id, { title: 'Use Postgres 17', rationale: 'Older edit in the file' });
    const newer = await backupOf(a);
    await updateDecision(b, id, { rationale: 'Edited here after the backup' });
    await importBackup(b, newer);
    const row = await b.db.decisions.get(id);
    expect(row?.title).toBe('Use Postgres 17');
    expect(row?.rationale).toBe('Edited here after the backup');
  });

  it('queues what it wrote for sync with each field’s own HLC, so teammates build the same rows', async () => {
    const backup = await backupOf(a);
    await importBackup(b, backup);
    const fileHlcs = new Set(
      TABLE_NAMES.flatMap((t) => backup.tables[t].flatMap((r) => Object.values(r.fieldHlc))),
    );
    const entries = await b.db.outbox.toArray();
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(fileHlcs.has(e.hlc), e.hlc).toBe(true);
    const replayed = await replayOutbox(b.db);
    for (const t of TABLE_NAMES)
      for (const row of await b.db.table(t).toArray())
        expect(synced(replayed.get(`${t}:${row.id}`) as SyncRow), `${t} ${row.id}`).toBe(synced(row));
  });

  it('queues only the fields an update brings, not the rows it already had', async () => {
    await importBackup(b, await backupOf(a));
    await b.db.outbox.clear();
    await updateDecision(a, ids[1] as string, { rationale: 'Managed service' });
    await importBackup(b, await backupOf(a));
    const ops = (await b.db.outbox.toArray()).flatMap((e) => e.ops);
    const decisionOps = ops.filter((o) => o.table === 'decisions');
    expect(decisionOps.map((o) => [o.id, Object.keys(o.set).sort()])).toEqual([
      [ids[1], ['rationale', 'updatedAt']],
    ]);
  });

  it('keeps concurrent versions of free text and sends them with their bases', async () => {
    const clock = new HlcClock('seed');
    const base = makeRow(
      'decisions',
      { title: 'Pick a queue', rationale: 'draft' },
      {
        workspaceId: 'local',
        hlc: clock.now(),
        now: new Date('2026-03-01T10:00:00Z'),
      },
    ) as unknown as SyncRow;
    const seen = base.fieldHlc.rationale as string;
    const mine = applyOp(
      base,
      { table: 'decisions', id: base.id, set: { rationale: 'Kafka' }, base: { rationale: seen } },
      clock.now(),
    );
    const both = applyOp(
      mine,
      { table: 'decisions', id: base.id, set: { rationale: 'RabbitMQ' }, base: { rationale: seen } },
      clock.now(),
    );
    expect(both.conflicts?.rationale).toHaveLength(1);
    const text = toBackup(
      { decisions: [both as never] },
      { exportedAt: '2026-03-02T00:00:00Z', schemaVersion: 1 },
    );
    const parsed = readBackup(text);
    if (!parsed.ok) throw new Error(parsed.error);
    await importBackup(b, parsed.backup);
    const stored = (await b.db.decisions.get(base.id)) as unknown as SyncRow;
    expect(stored.conflicts?.rationale?.map((v) => v.value)).toEqual(['Kafka']);
    // A teammate who has the draft both versions were written over sees no third version.
    const replayed = (await replayOutbox(b.db, [base])).get(`decisions:${base.id}`) as SyncRow;
    expect(replayed.rationale).toBe('RabbitMQ');
    expect(replayed.conflicts?.rationale?.map((v) => v.value)).toEqual(['Kafka']);
  });

  it('makes what is written after the import newer than everything the backup brought', async () => {
    // A device whose wall clock is far behind the file's HLCs.
    const fresh = await device('fresh', 'local', () => 0);
    const plan = await importBackup(fresh, await backupOf(a));
    const id = await createDecision(fresh, { title: 'Logged after the restore' });
    const hlc = (await fresh.db.decisions.get(id))?.fieldHlc.title ?? '';
    expect(hlc > (plan.maxHlc ?? '')).toBe(true);
  });

  it('brings a backup from another workspace into the current one', async () => {
    const team = await device('team', 'ws-team');
    await importBackup(team, await backupOf(a));
    const workspaces = new Set((await team.db.decisions.toArray()).map((d) => d.workspaceId));
    expect([...workspaces]).toEqual(['ws-team']);
  });

  it('leaves the database unchanged when a write fails mid-way', async () => {
    await createDecision(b, { title: 'Already here' });
    const before = await dump(b.db);
    const backup = await backupOf(a);
    // Decisions, stakeholders, roles and anchors are written before this fails.
    vi.spyOn(b.db.followUps, 'bulkPut').mockRejectedValueOnce(new Error('disk failed'));
    await expect(importBackup(b, backup)).rejects.toThrow('disk failed');
    expect(await dump(b.db)).toBe(before);
  });

  it('reports a full disk as a quota error and writes nothing', async () => {
    const before = await dump(b.db);
    const backup = await backupOf(a);
    vi.spyOn(b.db.outbox, 'bulkAdd').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    await expect(importBackup(b, backup)).rejects.toMatchObject({ code: 'quota' });
    expect(await dump(b.db)).toBe(before);
  });

  it.each([
    [
      'from a newer version',
      (t: string) => t.replace(/"schemaVersion":\d+/, '"schemaVersion":99'),
      /newer version/,
    ],
    ['cut off', (t: string) => t.slice(0, Math.floor(t.length / 2)), /truncated/],
    [
      'with a bad row',
      (t: string) => t.replace('"title":"Use Postgres"', '"title":""'),
      /not valid, so nothing was imported/,
    ],
  ])('refuses a file %s and leaves the database byte for byte unchanged', async (_name, spoil, reason) => {
    await importBackup(b, await backupOf(a));
    const before = await dump(b.db);
    // The file newer than the copy here, so a wrongly accepted one would change the database.
    await updateDecision(a, ids[0] as string, { rationale: 'Edited after the first import' });
    const text = spoil(await backupText(a.db, await readAllTables(a.db)));
    // The options page's path: the picked file is read (and refused) before any preview, and
    // validated again as it is written.
    const file = { name: 'backup.json', size: text.length, text: async () => text } as PickedFile;
    const source = await readImportFiles([file]);
    expect(source.kind === 'error' ? source.error : source.kind).toMatch(reason);
    const result = await importBackupText(b, text);
    expect(await dump(b.db)).toBe(before);
    expect(result.ok ? 'imported' : result.error).toMatch(reason);
  });
});
