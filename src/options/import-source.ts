// What the files a person picked are: one JSON backup, or ADR Markdown (a zip of a repository's
// adr/ or docs/decisions/ folder, or several .md files picked at once). Reads and validates;
// writes nothing.
import {
  type AdrFolderResult,
  type Backup,
  DEFAULT_ZIP_LIMITS,
  formatSize,
  importAdrZip,
  parseAdrFolder,
} from '../core/export';
import { readBackup } from '../storage/import';

export type ImportSource =
  | { kind: 'backup'; name: string; backup: Backup; file: PickedFile }
  | { kind: 'adr'; name: string; folder: AdrFolderResult }
  | { kind: 'error'; error: string };

/** The file a picker gives, or what a test makes. */
export interface PickedFile {
  name: string;
  size: number;
  /** The path inside a picked folder, when a folder was picked. */
  webkitRelativePath?: string;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

const ext = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
const MAX_MARKDOWN_BYTES = DEFAULT_ZIP_LIMITS.maxTotalBytes;

async function readMarkdown(files: PickedFile[]): Promise<ImportSource> {
  const size = files.reduce((n, f) => n + f.size, 0);
  if (size > MAX_MARKDOWN_BYTES)
    return {
      kind: 'error',
      error: `These files hold ${formatSize(size)}; at most ${formatSize(MAX_MARKDOWN_BYTES)} can be imported at once.`,
    };
  // Files picked one by one have no folder: each of them was chosen as an ADR, so each is read
  // as one (an index or template is still left out by name).
  const texts = await Promise.all(
    files.map(async (f) => ({ name: f.webkitRelativePath || `adr/${f.name}`, text: await f.text() })),
  );
  const folder = parseAdrFolder(texts);
  if (!folder.decisions.length && !folder.errors.length)
    return {
      kind: 'error',
      error: 'None of these Markdown files is a decision record (only an index, a template or a README).',
    };
  return {
    kind: 'adr',
    name: files.length === 1 ? (files[0] as PickedFile).name : `${files.length} Markdown files`,
    folder,
  };
}

export async function readImportFiles(files: readonly PickedFile[]): Promise<ImportSource> {
  if (!files.length) return { kind: 'error', error: 'No file was chosen.' };
  const kinds = new Set(files.map((f) => ext(f.name)));
  const first = files[0] as PickedFile;
  if (kinds.has('json')) {
    if (files.length > 1) return { kind: 'error', error: 'Import one backup file at a time.' };
    const parsed = readBackup(await first.text());
    return parsed.ok
      ? { kind: 'backup', name: first.name, backup: parsed.backup, file: first }
      : { kind: 'error', error: parsed.error };
  }
  if (kinds.has('zip')) {
    if (files.length > 1) return { kind: 'error', error: 'Import one zip file at a time.' };
    const result = importAdrZip(new Uint8Array(await first.arrayBuffer()));
    return result.ok
      ? { kind: 'adr', name: first.name, folder: result }
      : { kind: 'error', error: result.error };
  }
  const markdown = files.filter((f) => ['md', 'markdown'].includes(ext(f.name)));
  if (!markdown.length)
    return {
      kind: 'error',
      error: 'Choose a Decidedly backup (.json), a zip of an ADR folder, or ADR Markdown files (.md).',
    };
  return readMarkdown(markdown);
}
