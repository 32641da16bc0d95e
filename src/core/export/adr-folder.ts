// Importing a folder of ADRs — picked from a repository checkout or a zip — into ParsedAdrs,
// with one error per file that could not be read and nothing else lost.
import type { ParsedAdr } from './adr-types';
import { parseAdr } from './madr-parse';
import { DEFAULT_ZIP_LIMITS, readZip, type ZipLimits } from './zip';

export interface AdrFolderResult {
  decisions: ParsedAdr[];
  errors: { file: string; error: string }[];
  /** Markdown files that were not taken as ADRs (index, template, outside an ADR folder). */
  skipped: string[];
}

// adr-tools writes doc/adr, MADR docs/decisions, log4brains docs/adr; all have an `adr`/`decisions` folder.
const ADR_DIR = /(^|\/)(adrs?|decisions|architecture[-_ ]decisions|decision[-_ ]records)\//i;
const NOT_ADR =
  /(^|\/)(readme|index|template|adr-template|_template|toc|summary)\.md$|(^|\/)[._]|(^|\/)__macosx\//i;

const isMarkdown = (name: string) => /\.(md|markdown)$/i.test(name);

/** Whether a path in a folder or zip is an ADR file worth reading. */
export function isAdrPath(name: string, anywhere = false): boolean {
  if (!isMarkdown(name) || NOT_ADR.test(name)) return false;
  // Outside an ADR folder only numbered files count (a zip of the folder's contents).
  return ADR_DIR.test(name) || (anywhere && /(^|\/)\d{1,5}[-_][^/]*$/.test(name));
}

/** Parses the ADRs among `files`, ordered by number then name. */
export function parseAdrFolder(files: readonly { name: string; text: string }[]): AdrFolderResult {
  const inFolder = files.some((f) => isAdrPath(f.name));
  const result: AdrFolderResult = { decisions: [], errors: [], skipped: [] };
  for (const f of files) {
    if (!isAdrPath(f.name, !inFolder)) {
      if (isMarkdown(f.name)) result.skipped.push(f.name);
      continue;
    }
    const parsed = parseAdr(f.text, f.name);
    if (parsed.ok) result.decisions.push(parsed.decision);
    else result.errors.push({ file: f.name, error: parsed.error });
  }
  result.decisions.sort(
    (a, b) =>
      (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER) ||
      (a.fileName ?? '').localeCompare(b.fileName ?? ''),
  );
  return result;
}

export type ImportAdrZipResult = ({ ok: true } & AdrFolderResult) | { ok: false; error: string };

/** Reads ADRs from a zip (a repository download or Decidedly's own export) within `limits`. */
export function importAdrZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ImportAdrZipResult {
  const zip = readZip(bytes, limits, (name) => isAdrPath(name, true));
  if (!zip.ok) return zip;
  const decoder = new TextDecoder('utf-8');
  const files = zip.entries.map((e) => ({ name: e.name, text: decoder.decode(e.bytes) }));
  const folder = parseAdrFolder(files);
  const unread = zip.errors
    .filter((e) => isAdrPath(e.name, true))
    .map((e) => ({ file: e.name, error: e.error }));
  if (!folder.decisions.length && !folder.errors.length && !unread.length)
    return {
      ok: false,
      error: 'No ADR files were found: expected Markdown files in an adr/ or docs/decisions/ folder.',
    };
  return { ok: true, ...folder, errors: [...unread, ...folder.errors] };
}
