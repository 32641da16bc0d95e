// Reading untrusted zip archives with hard limits. The central directory is read first, so an
// archive with too many entries or too large declared sizes is refused before anything is
// inflated; inflating then runs in small steps and stops as soon as the real output passes the
// declared size, so an entry that lies about its size cannot exhaust memory either.
import { Inflate } from 'fflate';

export interface ZipLimits {
  /** Entries in the whole archive, directories included. */
  maxEntries: number;
  /** Sum of the uncompressed sizes of the entries read. */
  maxTotalBytes: number;
  /** Uncompressed size of any one entry read. */
  maxEntryBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 50 * 1024 * 1024,
  maxEntryBytes: 2 * 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

export type ReadZipResult =
  | { ok: true; entries: ZipEntry[]; errors: { name: string; error: string }[] }
  | { ok: false; error: string };

interface CentralEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** A size for people: "812 bytes", "14.2 KB", "3.1 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [n, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / 1024 / 1024, 'MB'];
  return `${Math.round(n * 10) / 10} ${unit}`;
}
const MB = formatSize;
// Bigger steps inflate faster; each step can grow by ~1000× its input, so this bounds one step to ~16 MB.
const STEP = 16 * 1024;

/** Reads the entries `want` accepts (by name), within `limits`. */
export function readZip(
  data: Uint8Array,
  limits: ZipLimits,
  want: (name: string) => boolean = () => true,
): ReadZipResult {
  const dir = centralDirectory(data, limits);
  if (typeof dir === 'string') return { ok: false, error: dir };
  const chosen = dir.filter((e) => !e.name.endsWith('/') && want(e.name));
  const tooBig = chosen.find((e) => e.size > limits.maxEntryBytes);
  if (tooBig)
    return {
      ok: false,
      error: `"${tooBig.name}" would unpack to ${MB(tooBig.size)}; files up to ${MB(limits.maxEntryBytes)} can be imported.`,
    };
  const total = chosen.reduce((sum, e) => sum + e.size, 0);
  if (total > limits.maxTotalBytes)
    return {
      ok: false,
      error: `The archive would unpack to ${MB(total)}; up to ${MB(limits.maxTotalBytes)} can be imported.`,
    };
  const entries: ZipEntry[] = [];
  const errors: { name: string; error: string }[] = [];
  for (const e of chosen) {
    const bytes = inflateEntry(data, e);
    if (typeof bytes === 'string') {
      if (bytes.startsWith('!')) return { ok: false, error: bytes.slice(1) };
      errors.push({ name: e.name, error: bytes });
    } else entries.push({ name: e.name, bytes });
  }
  return { ok: true, entries, errors };
}

const u16 = (d: Uint8Array, at: number) => (d[at] ?? 0) | ((d[at + 1] ?? 0) << 8);
const u32 = (d: Uint8Array, at: number) => (u16(d, at) | (u16(d, at + 2) << 16)) >>> 0;

function centralDirectory(d: Uint8Array, limits: ZipLimits): CentralEntry[] | string {
  const damaged = 'The zip file is damaged or not a zip archive.';
  let eocd = -1;
  for (let at = d.length - 22; at >= Math.max(0, d.length - 22 - 0xffff); at -= 1) {
    if (u32(d, at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return damaged;
  const count = u16(d, eocd + 10);
  let at = u32(d, eocd + 16);
  // ZIP64 markers: sizes or counts beyond what ADR folders ever need.
  if (count === 0xffff || at === 0xffffffff)
    return 'ZIP64 archives are not supported; an ADR folder fits in a plain zip.';
  if (count > limits.maxEntries)
    return `The archive has ${count} entries; up to ${limits.maxEntries} can be imported.`;
  const out: CentralEntry[] = [];
  const names = new TextDecoder('utf-8');
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > d.length || u32(d, at) !== 0x02014b50) return damaged;
    const nameLength = u16(d, at + 28);
    const entry: CentralEntry = {
      flags: u16(d, at + 8),
      method: u16(d, at + 10),
      compressedSize: u32(d, at + 20),
      size: u32(d, at + 24),
      name: names.decode(d.subarray(at + 46, at + 46 + nameLength)).replace(/\\/g, '/'),
      localOffset: u32(d, at + 42),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff)
      return `"${entry.name}" declares a size over 4 GB; the archive was refused.`;
    out.push(entry);
    at += 46 + nameLength + u16(d, at + 30) + u16(d, at + 32);
  }
  return out;
}

/** The entry's bytes, a per-file error, or `!error` when the whole archive must be refused. */
function inflateEntry(d: Uint8Array, e: CentralEntry): Uint8Array | string {
  if (e.flags & 1) return 'The file is encrypted.';
  const at = e.localOffset;
  if (at + 30 > d.length || u32(d, at) !== 0x04034b50) return 'The file is damaged in the archive.';
  const start = at + 30 + u16(d, at + 26) + u16(d, at + 28);
  if (start + e.compressedSize > d.length) return 'The file is cut off in the archive.';
  const packed = d.subarray(start, start + e.compressedSize);
  if (e.method === 0)
    return e.size === packed.length ? packed.slice() : 'The file is damaged in the archive.';
  if (e.method !== 8) return `The file uses an unsupported compression method (${e.method}).`;
  const chunks: Uint8Array[] = [];
  let size = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > e.size) over = true;
    else chunks.push(chunk);
  });
  try {
    for (let i = 0; i < packed.length && !over; i += STEP)
      inflater.push(packed.subarray(i, i + STEP), i + STEP >= packed.length);
  } catch {
    return 'The file is damaged in the archive.';
  }
  if (over)
    return `!"${e.name}" unpacks to more than the ${MB(e.size)} it declares; the archive was refused.`;
  if (size !== e.size) return 'The file is damaged in the archive.';
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return bytes;
}
