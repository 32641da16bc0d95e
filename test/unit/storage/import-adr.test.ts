// Importing ADR Markdown into storage: previewed, written with people, roles and history, queued
// for sync, earlier imports skipped on request, and all or nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseAdrFolder } from '../../../src/core/export';
import type { SyncRow } from '../../../src/core/merge';
import { createDecision } from '../../../src/storage/decisions';
import { importAdrs, previewAdrs } from '../../../src/storage/import-adr';
import { createStakeholder } from '../../../src/storage/people';
import { closeDevices, device, dump, replayOutbox, synced } from './import-helpers';

afterEach(closeDevices);

describe('importing ADR Markdown into storage', () => {
  const folder = join(import.meta.dirname, '../../fixtures/adr');
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({
      name: `docs/decisions/${f.split('/').pop()}`,
      text: readFileSync(join(folder, f), 'utf8'),
    }));
  const adrs = parseAdrFolder(files).decisions;

  it('previews, then writes decisions with their people, roles and history, queued for sync', async () => {
    const ctx = await device('adr');
    await createStakeholder(ctx, { name: 'Dana Lee' });
    const preview = await previewAdrs(ctx.db, adrs);
    expect(preview.fresh).toHaveLength(adrs.length);
    const { records } = await importAdrs(ctx, adrs, { skipDuplicates: true });
    const decisions = (await ctx.db.decisions.toArray()).filter((d) => !d.deleted);
    expect(decisions.map((d) => d.title).sort()).toEqual(adrs.map((a) => a.title).sort());
    expect(await ctx.db.stakeholders.count()).toBe(1 + records.stakeholders.length);
    expect(records.stakeholders.map((s) => s.name).sort()).toEqual([...preview.newPeople].sort());
    expect(await ctx.db.roles.count()).toBe(preview.roles);
    const replayed = await replayOutbox(ctx.db);
    for (const d of decisions)
      expect(synced(replayed.get(`decisions:${d.id}`) as SyncRow)).toBe(synced(d as never));
  });

  it('skips what an earlier import brought, on request', async () => {
    const ctx = await device('adr');
    await importAdrs(ctx, adrs.slice(0, 2), { skipDuplicates: true });
    const preview = await previewAdrs(ctx.db, adrs);
    expect(preview.duplicates.map((a) => a.title)).toEqual(adrs.slice(0, 2).map((a) => a.title));
    const { skipped } = await importAdrs(ctx, adrs, { skipDuplicates: true });
    expect(skipped).toBe(2);
    expect(await ctx.db.decisions.count()).toBe(adrs.length);
  });

  it('writes nothing when a write fails mid-way', async () => {
    const ctx = await device('adr');
    await createDecision(ctx, { title: 'Already here' });
    const before = await dump(ctx.db);
    vi.spyOn(ctx.db.events, 'bulkAdd').mockRejectedValueOnce(new Error('disk failed'));
    await expect(importAdrs(ctx, adrs, { skipDuplicates: true })).rejects.toThrow('disk failed');
    expect(await dump(ctx.db)).toBe(before);
  });
});
