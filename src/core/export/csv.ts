// Decisions as CSV for spreadsheets: one row a decision, RFC 4180 quoting, and cells that a
// spreadsheet would run as a formula (=, +, -, @, tab, CR first) prefixed with ' so they stay text.
import { type DecisionBundle, isoDay, nameOf, namesWith, nextFollowUp } from './bundle';

export interface CsvColumn {
  header: string;
  description: string;
  /** `timeZone` names the days of date-only columns. */
  value(bundle: DecisionBundle, timeZone: string): string;
}

const list = (items: readonly string[]) => items.join('; ');
const liveAnchors = (b: DecisionBundle) => b.anchors.filter((a) => !a.deleted);

/** The columns, in order; the headers are stable names scripts can rely on. */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  { header: 'id', description: 'The decision id (UUID)', value: (b) => b.decision.id },
  { header: 'title', description: 'What was decided', value: (b) => b.decision.title },
  {
    header: 'status',
    description: 'proposed, decided, revisiting, rejected or superseded',
    value: (b) => b.decision.status,
  },
  {
    header: 'created',
    description: 'When it was logged (ISO 8601, UTC)',
    value: (b) => b.decision.createdAt,
  },
  { header: 'updated', description: 'Last change (ISO 8601, UTC)', value: (b) => b.decision.updatedAt },
  {
    header: 'decided',
    description: 'Date it was decided (YYYY-MM-DD)',
    value: (b, zone) => isoDay(b.decision.decidedAt, zone),
  },
  {
    header: 'review',
    description: 'Date to check it still holds (YYYY-MM-DD)',
    value: (b, zone) => isoDay(b.decision.reviewAt, zone),
  },
  { header: 'accountable', description: 'Accountable (A)', value: (b) => list(namesWith(b, 'A')) },
  {
    header: 'responsible',
    description: 'Responsible (R), separated by "; "',
    value: (b) => list(namesWith(b, 'R')),
  },
  {
    header: 'consulted',
    description: 'Consulted (C), separated by "; "',
    value: (b) => list(namesWith(b, 'C')),
  },
  {
    header: 'informed',
    description: 'Informed (I), separated by "; "',
    value: (b) => list(namesWith(b, 'I')),
  },
  {
    header: 'stances',
    description: 'Where each person stands, e.g. "Dana: supports; Lee: opposes"',
    value: (b) =>
      list([
        ...new Set(
          b.roles.filter((r) => !r.deleted).map((r) => `${nameOf(b, r.stakeholderId)}: ${r.stance}`),
        ),
      ]),
  },
  { header: 'tags', description: 'Tags, separated by "; "', value: (b) => list(b.decision.tags) },
  {
    header: 'page',
    description: 'Titles of the pages it was logged on, one a line',
    value: (b) =>
      liveAnchors(b)
        .map((a) => a.pageTitle)
        .join('\n'),
  },
  {
    header: 'url',
    description: 'Their URLs, one a line',
    value: (b) =>
      liveAnchors(b)
        .map((a) => a.url)
        .join('\n'),
  },
  {
    header: 'quote',
    description: 'The highlighted text, one a line',
    value: (b) =>
      liveAnchors(b)
        .map((a) => a.selectors?.quote.exact ?? '')
        .join('\n'),
  },
  {
    header: 'next_follow_up',
    description: 'The open follow-up due first',
    value: (b) => nextFollowUp(b)?.title ?? '',
  },
  {
    header: 'next_follow_up_owner',
    description: 'Who owns it',
    value: (b) => nameOf(b, nextFollowUp(b)?.ownerId ?? null),
  },
  {
    header: 'next_follow_up_due',
    description: 'When it is due (YYYY-MM-DD)',
    value: (b, zone) => isoDay(nextFollowUp(b)?.dueAt, zone),
  },
];

/** One CSV field: formula-like text neutralised, then quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The CSV text, CRLF line ends. `bom` adds a UTF-8 byte-order mark, without which Excel reads
 * accented names as mojibake; off by default because other tools keep it as part of the first header.
 * `timeZone` (IANA, default UTC) names the days of the date columns: pass the person's.
 */
export function toCsv(
  bundles: readonly DecisionBundle[],
  options: { bom?: boolean; timeZone?: string } = {},
): string {
  const zone = options.timeZone ?? 'UTC';
  const rows = [
    CSV_COLUMNS.map((c) => c.header),
    ...bundles.map((b) => CSV_COLUMNS.map((c) => c.value(b, zone))),
  ];
  return (options.bom ? '\uFEFF' : '') + rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}
