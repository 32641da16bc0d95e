// Reading the loosely written metadata of ADRs — statuses, dates, people, tags, links to other
// ADRs — into our vocabulary, whichever template wrote them.
import type { Status } from '../schemas';
import type { YamlValue } from './yaml-lite';

/** A reference to another ADR: `[ADR-0005](0005-use-x.md)`, `ADR-0005`, `3. Use X`. */
export interface AdrLink {
  text: string;
  href: string | null;
  /** The ADR number when the text or file name gives one. */
  number: number | null;
}

const STATUS_WORDS: [RegExp, Status][] = [
  [/^(accepted|approved|adopted|decided|agreed|implemented|done|active)\b/, 'decided'],
  [
    /^(proposed|draft|open|pending|in review|under review|in discussion|in progress|wip|suggested)\b/,
    'proposed',
  ],
  [/^(rejected|declined|abandoned|dismissed|withdrawn)\b/, 'rejected'],
  [/^(superseded|deprecated|obsolete|retired|replaced)\b/, 'superseded'],
  [/^(revisiting|revisited|reopened|under revision)\b/, 'revisiting'],
];

/** Strips emphasis, code ticks and emoji-ish decoration around a status word. */
const plain = (s: string) =>
  s
    .replace(/[*_`~]/g, '')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .trim();

/** Maps a status as written ("Accepted", "superseded by [ADR-0005](…)") onto our statuses. */
export function mapAdrStatus(raw: string): { status: Status; known: boolean; supersededBy: AdrLink | null } {
  const text = plain(raw).toLowerCase();
  const hit = STATUS_WORDS.find(([re]) => re.test(text));
  const by = /^superseded\s+by\b\s*(.*)$/is.exec(plain(raw));
  return {
    status: hit ? hit[1] : 'proposed',
    known: Boolean(hit) || !text,
    supersededBy: by?.[1]?.trim() ? parseAdrLink(by[1]) : null,
  };
}

/** A link to another ADR from Markdown (`[text](href)`) or plain text. */
export function parseAdrLink(raw: string): AdrLink {
  const m = /\[([^\]]*)\]\(\s*<?([^)\s>]*)>?[^)]*\)/.exec(raw);
  const text = (m ? (m[1] as string) : raw).trim();
  const href = m ? (m[2] as string) || null : null;
  const fromFile = href ? /(?:^|\/)(\d{1,5})[-_.]/.exec(href) : null;
  const fromText = /(?:adr|#)[\s-]*0*(\d{1,5})\b|^0*(\d{1,5})[.:)\s]/i.exec(text);
  const n = fromFile?.[1] ?? fromText?.[1] ?? fromText?.[2];
  return { text, href, number: n ? Number(n) : null };
}

/** `YYYY-MM-DD` from a date as ADRs write it; `null` if it is not a real calendar date. */
export function parseAdrDate(raw: string | undefined): string | null {
  const m = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/.exec(raw ?? '');
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Link text instead of the whole `[text](url)` (people are often linked to their profiles). */
const unlink = (s: string) => s.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');

/**
 * People from a front-matter value or a `Deciders:` line. A list is taken item by item; a line is
 * split on commas, semicolons, "&" and the word "and" ("Ana, Bo and Cy") — a team named
 * "Research and Development" would split too, which is the lesser evil next to one long name.
 */
export function parseNames(value: YamlValue | undefined): string[] {
  if (value === undefined) return [];
  const parts = typeof value === 'string' ? value.split(/\s*(?:[,;&]|\band\b)\s*/i) : value;
  const names = parts
    .map((p) => unlink(p).replace(/\s+/g, ' ').trim())
    .filter((p) => p && !/^[[{].*[\]}]$/.test(p));
  return [...new Set(names)];
}

/** Tags from a list, or a line separated by commas and/or spaces (log4brains; a leading # dropped). */
export function parseTags(value: YamlValue | undefined): string[] {
  if (value === undefined) return [];
  const parts = typeof value === 'string' ? value.split(/[\s,]+/).map((t) => t.replace(/^#/, '')) : value;
  return [...new Set(parts.map((t) => t.trim()).filter(Boolean))];
}

/** A YAML value as one string (lists joined). */
export const asText = (value: YamlValue | undefined): string =>
  value === undefined ? '' : typeof value === 'string' ? value : value.join(', ');

/** The ADR number a file name starts with (`0005-use-x.md`, `adr-005.md`). */
export function numberFromFileName(fileName: string | undefined): number | null {
  const base = (fileName ?? '').split('/').pop() ?? '';
  const m = /^(?:adr[-_]?)?0*(\d{1,5})(?=[-_.\s])/i.exec(base);
  return m ? Number(m[1]) : null;
}
