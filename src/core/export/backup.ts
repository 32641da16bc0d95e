// The JSON backup: every table with its sync metadata (fieldHlc, conflicts…), so a restore loses
// nothing and merges by the same field-level rules as sync. Reading one validates everything
// before anything is written, and says precisely what is wrong.
import { describeIssues, type RowOf, TABLE_NAMES, TABLES, type TableName } from '../schemas';
import type { TableRows } from './bundle';
import { formatSize } from './zip';

export const BACKUP_FORMAT = 'decidedly-backup';

export interface BackupMeta {
  exportedAt: string;
  schemaVersion: number;
  clientId?: string;
  workspaceId?: string;
  appVersion?: string;
}

export interface Backup extends BackupMeta {
  format: typeof BACKUP_FORMAT;
  tables: TableRows;
}

export type ParseBackupResult = { ok: true; backup: Backup } | { ok: false; error: string };

export interface ParseBackupOptions {
  currentSchemaVersion: number;
  /** Largest accepted file, in UTF-8 bytes; checked before parsing. */
  maxBytes: number;
}

/**
 * The backup file's text: metadata first, then each table (tombstones included — they are history
 * too). One record a line keeps a 10,000-decision backup compact yet readable and diffable.
 */
export function toBackup(tables: Partial<TableRows>, meta: BackupMeta): string {
  const { exportedAt, schemaVersion, ...rest } = meta;
  const head = JSON.stringify({ format: BACKUP_FORMAT, schemaVersion, exportedAt, ...rest });
  const body = TABLE_NAMES.map((t) => {
    const rows = (tables[t] ?? []) as readonly unknown[];
    return `${JSON.stringify(t)}: [${rows.length ? `\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n` : ''}]`;
  });
  return `${head.slice(0, -1)},\n"tables": {\n${body.join(',\n')}\n}}\n`;
}

/** UTF-8 length of `text`, stopping early once past `limit`. */
function utf8Length(text: string, limit: number): number {
  let n = 0;
  for (let i = 0; i < text.length && n <= limit; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i += 1;
    } else n += 3;
  }
  return n;
}

/** True when `text` ends inside a string or with brackets still open: the file was cut off. */
function isTruncatedJson(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth += 1;
    else if (c === '}' || c === ']') depth -= 1;
  }
  return inString || depth > 0 || text.trim() === '';
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates a backup file completely; on success every row is a valid record of its table. */
export function parseBackup(text: string, options: ParseBackupOptions): ParseBackupResult {
  const size = text.length > options.maxBytes ? text.length : utf8Length(text, options.maxBytes);
  if (size > options.maxBytes)
    return {
      ok: false,
      error: `The file is larger than ${formatSize(options.maxBytes)}, the most a backup import accepts.`,
    };
  const body = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    if (isTruncatedJson(body))
      return {
        ok: false,
        error:
          'The file is not complete JSON (it may be truncated): it ends before the data does. Export the backup again.',
      };
    return { ok: false, error: `The file is not valid JSON: ${e instanceof Error ? e.message : String(e)}.` };
  }
  if (!isObject(data) || data.format !== BACKUP_FORMAT)
    return { ok: false, error: 'This is not a Decidedly backup (its "format" is not "decidedly-backup").' };
  const version = data.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { ok: false, error: 'The backup has no valid "schemaVersion".' };
  if (version > options.currentSchemaVersion)
    return {
      ok: false,
      error: `This backup was made by a newer version of Decidedly (schema ${version}); update the extension to import it.`,
    };
  if (typeof data.exportedAt !== 'string')
    return { ok: false, error: 'The backup has no "exportedAt" date.' };
  if (!isObject(data.tables)) return { ok: false, error: 'The backup has no "tables".' };
  // An older schemaVersion is read as is: every row must still pass today's schemas below.
  const unknown = Object.keys(data.tables).filter((t) => !(TABLE_NAMES as string[]).includes(t));
  if (unknown.length)
    return {
      ok: false,
      error: `The backup has unknown tables: ${unknown.map((t) => `"${t.slice(0, 40)}"`).join(', ')}.`,
    };
  const tables = {} as { [T in TableName]: RowOf[T][] };
  const problems: string[] = [];
  let bad = 0;
  for (const t of TABLE_NAMES) {
    const rows = data.tables[t] ?? [];
    if (!Array.isArray(rows)) return { ok: false, error: `The table "${t}" in the backup is not a list.` };
    const seen = new Set<string>();
    const valid: unknown[] = [];
    rows.forEach((row: unknown, i) => {
      const parsed = TABLES[t].safeParse(row);
      const id = parsed.success ? (parsed.data as { id: string }).id : '';
      const problem = !parsed.success
        ? describeIssues(parsed.error)
        : seen.has(id)
          ? `id: ${id} appears twice`
          : null;
      if (problem) {
        bad += 1;
        if (problems.length < 5) problems.push(`${t}[${i}]${idOf(row)}: ${problem}`);
      } else {
        seen.add(id);
        valid.push(parsed.data);
      }
    });
    (tables as Record<TableName, unknown[]>)[t] = valid;
  }
  if (bad)
    return {
      ok: false,
      error: `${bad} record${bad === 1 ? ' is' : 's are'} not valid, so nothing was imported. ${problems.join('; ')}${bad > problems.length ? '; …' : ''}`,
    };
  const meta: BackupMeta = { exportedAt: data.exportedAt, schemaVersion: version };
  for (const key of ['clientId', 'workspaceId', 'appVersion'] as const)
    if (typeof data[key] === 'string') meta[key] = data[key];
  return { ok: true, backup: { format: BACKUP_FORMAT, ...meta, tables } };
}

const idOf = (row: unknown) =>
  isObject(row) && typeof row.id === 'string' ? ` (id ${row.id.slice(0, 36)})` : '';
