// Importing ADR Markdown (MADR, Nygard, log4brains) as new decisions: previewed (how many, who is
// new, what is already in the log), then written in one transaction with their people, roles,
// follow-ups and history, each field queued for sync.
import type { Table } from 'dexie';
import { type AdrRecords, adrsToRecords, type ParsedAdr } from '../core/export';
import { HlcClock } from '../core/hlc';
import type { SyncRow } from '../core/merge';
import type { Stakeholder, TableName } from '../core/schemas';
import type { DecidedlyDb } from './db';
import { withDerived } from './derived';
import { storageError } from './import';
import { importEntries } from './import-outbox';
import type { WriteContext } from './write';

export interface AdrPreview {
  /** ADRs that would become decisions. */
  fresh: ParsedAdr[];
  /** ADRs whose title is already a decision in the log (an earlier import, most likely). */
  duplicates: ParsedAdr[];
  /** People the import would add as stakeholders. */
  newPeople: string[];
  roles: number;
  followUps: number;
  warnings: string[];
}

const titleKey = (title: string) => title.trim().replace(/\s+/g, ' ').toLowerCase();

async function liveStakeholders(db: DecidedlyDb): Promise<Stakeholder[]> {
  return (await db.stakeholders.toArray()).filter((s) => !s.deleted);
}

async function liveTitles(db: DecidedlyDb): Promise<Set<string>> {
  const titles = new Set<string>();
  await db.decisions.each((d) => {
    if (!d.deleted) titles.add(titleKey(d.title));
  });
  return titles;
}

function split(adrs: readonly ParsedAdr[], titles: Set<string>) {
  const duplicates = adrs.filter((a) => titles.has(titleKey(a.title)));
  return { duplicates, fresh: adrs.filter((a) => !duplicates.includes(a)) };
}

function recordsFor(
  adrs: readonly ParsedAdr[],
  stakeholders: Stakeholder[],
  ctx: Pick<WriteContext, 'workspaceId' | 'actor'> & { clock: { now(): string } },
) {
  return adrsToRecords(adrs, {
    workspaceId: ctx.workspaceId,
    clock: ctx.clock,
    now: new Date(),
    stakeholders,
    actor: ctx.actor,
  });
}

/** What importing `adrs` would add. Reads only. */
export async function previewAdrs(db: DecidedlyDb, adrs: readonly ParsedAdr[]): Promise<AdrPreview> {
  const [titles, stakeholders] = await Promise.all([liveTitles(db), liveStakeholders(db)]);
  const { fresh, duplicates } = split(adrs, titles);
  // A throwaway clock: the preview's records are counted, never written.
  const records = recordsFor(fresh, stakeholders, {
    workspaceId: 'preview',
    actor: 'preview',
    clock: new HlcClock('preview'),
  });
  return {
    fresh,
    duplicates,
    newPeople: records.stakeholders.map((s) => s.name),
    roles: records.roles.length,
    followUps: records.followUps.length,
    warnings: records.warnings,
  };
}

export interface AdrImportResult {
  records: AdrRecords;
  skipped: number;
}

/** Writes `adrs` as decisions; with `skipDuplicates`, those whose title is in the log stay out. */
export async function importAdrs(
  ctx: WriteContext,
  adrs: readonly ParsedAdr[],
  options: { skipDuplicates: boolean },
): Promise<AdrImportResult> {
  const { db } = ctx;
  const names: TableName[] = ['decisions', 'stakeholders', 'roles', 'followUps', 'events'];
  const tables = [...names.map((t) => db[t] as unknown as Table<SyncRow, string>), db.outbox];
  try {
    return await db.transaction('rw', tables, async () => {
      const [titles, stakeholders] = await Promise.all([liveTitles(db), liveStakeholders(db)]);
      const chosen = options.skipDuplicates ? split(adrs, titles).fresh : [...adrs];
      const records = recordsFor(chosen, stakeholders, ctx);
      const written: { table: TableName; row: SyncRow }[] = [];
      for (const t of names) {
        const rows = records[t as keyof AdrRecords] as unknown as SyncRow[];
        if (!rows.length) continue;
        await (db[t] as unknown as Table<SyncRow, string>).bulkAdd(rows.map((r) => withDerived(t, r)));
        for (const row of rows) written.push({ table: t, row });
      }
      const entries = importEntries(written);
      if (entries.length) await db.outbox.bulkAdd(entries);
      return { records, skipped: adrs.length - chosen.length };
    });
  } catch (error) {
    throw storageError(error);
  }
}
