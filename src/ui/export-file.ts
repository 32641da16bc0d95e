// Builds and saves an export of one decision, several, or everything: MADR Markdown (one file,
// or an ADR folder zipped with its index), CSV for spreadsheets, the JSON backup, or W3C Web
// Annotations. A JSON export of everything is a full backup and is remembered as one.

import { localTimeZone } from '../core/due-popup';
import {
  bundleDecisions,
  isoDay,
  slugify,
  type TableRows,
  toCsv,
  toMadr,
  toMadrZip,
  toWebAnnotations,
} from '../core/export';
import { api } from '../messaging/browser-api';
import { markBackupExported } from '../storage/backup-state';
import type { DecidedlyDb } from '../storage/db';
import { backupText, readAllTables, readDecisionTables } from '../storage/export-data';
import { download } from './download';
import type { ExportFormat, ExportScope } from './export-formats';

export { EXPORT_FORMATS, type ExportFormat, type ExportScope } from './export-formats';

export interface ExportFile {
  name: string;
  data: BlobPart;
  type: string;
}

const appVersion = (): string | undefined => api?.runtime?.getManifest?.().version;

export async function exportFile(
  db: DecidedlyDb,
  scope: ExportScope,
  format: ExportFormat,
  now = new Date(),
  timeZone = localTimeZone(),
): Promise<ExportFile> {
  const tables: TableRows = scope === 'all' ? await readAllTables(db) : await readDecisionTables(db, scope);
  // Days in the files and their names are the person's, not UTC's.
  const day = isoDay(now.toISOString(), timeZone);
  const exportedAt = now.toISOString();
  const bundles = bundleDecisions(tables);
  const one = scope !== 'all' && bundles.length === 1 ? bundles[0] : undefined;
  switch (format) {
    case 'madr':
      if (one)
        return {
          name: `${slugify(one.decision.title)}.md`,
          data: toMadr(one, undefined, timeZone),
          type: 'text/markdown',
        };
      // A copy on a plain ArrayBuffer, which is what a Blob accepts.
      return {
        name: `decisions-${day}.zip`,
        data: new Uint8Array(toMadrZip(bundles, { exportedAt, timeZone })),
        type: 'application/zip',
      };
    case 'csv':
      return {
        name: `decisions-${day}.csv`,
        data: toCsv(bundles, { bom: true, timeZone }),
        type: 'text/csv;charset=utf-8',
      };
    case 'json':
      return {
        name: scope === 'all' ? `decidedly-backup-${day}.json` : `decidedly-decisions-${day}.json`,
        data: await backupText(db, tables, { now, appVersion: appVersion() }),
        type: 'application/json',
      };
    case 'annotations':
      return {
        name: `decisions-${day}.annotations.jsonld`,
        data: JSON.stringify(toWebAnnotations(bundles), null, 2),
        type: 'application/ld+json',
      };
  }
}

/** Builds the export and hands it to the browser's downloads. Returns the file name. */
export async function saveExport(db: DecidedlyDb, scope: ExportScope, format: ExportFormat): Promise<string> {
  const now = new Date();
  const file = await exportFile(db, scope, format, now);
  download(file.name, file.data, file.type);
  if (scope === 'all' && format === 'json') await markBackupExported(now);
  return file.name;
}
