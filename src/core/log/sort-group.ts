// Orders the filtered entries and cuts them into the rows of the list: group headings followed by
// their decisions, flat so a windowed list can show any slice of them with a fixed row height.
import { STATUSES } from '../schemas';
import type { LogEntry } from './entries';
import type { LogGroup, LogSort } from './url';

export type LogRow =
  | { kind: 'group'; key: string; label: string; count: number }
  | { kind: 'decision'; key: string; entry: LogEntry };

const newestFirst = (a: number, b: number) => b - a;

const COMPARE: Record<LogSort, (a: LogEntry, b: LogEntry) => number> = {
  updated: (a, b) => newestFirst(a.updatedMs, b.updatedMs),
  // Newest decision first; ones not decided yet after, newest logged first.
  decided: (a, b) =>
    a.decidedMs === null || b.decidedMs === null
      ? (a.decidedMs === null ? 1 : 0) - (b.decidedMs === null ? 1 : 0) || newestFirst(a.whenMs, b.whenMs)
      : newestFirst(a.decidedMs, b.decidedMs),
  // Soonest next step first; ones without a dated step after, by last change.
  due: (a, b) =>
    a.nextDueMs === b.nextDueMs
      ? newestFirst(a.updatedMs, b.updatedMs)
      : a.nextDueMs === Number.POSITIVE_INFINITY
        ? 1
        : b.nextDueMs === Number.POSITIVE_INFINITY
          ? -1
          : a.nextDueMs - b.nextDueMs,
};

export function sortEntries(entries: readonly LogEntry[], sort: LogSort): LogEntry[] {
  const compare = COMPARE[sort];
  return [...entries].sort((a, b) => compare(a, b) || (a.decision.id < b.decision.id ? -1 : 1));
}

export const NO_PAGE = 'Logged by hand';
export const NO_TAG = 'No tag';

interface Bucket {
  key: string;
  label: string;
  entries: LogEntry[];
}

/** The keys and labels an entry is listed under; a decision on two pages shows under both. */
function bucketsOf(entry: LogEntry, group: LogGroup): { key: string; label: string }[] {
  if (group === 'status') return [{ key: entry.decision.status, label: entry.decision.status }];
  if (group === 'tag') {
    const tags = entry.decision.tags;
    return tags.length ? tags.map((t) => ({ key: `tag:${t}`, label: t })) : [{ key: '', label: NO_TAG }];
  }
  const pages = entry.pages;
  return pages.length
    ? pages.map((p) => ({ key: p.pageKey, label: p.title }))
    : [{ key: '', label: NO_PAGE }];
}

function orderBuckets(buckets: Bucket[], group: LogGroup): Bucket[] {
  const last = (b: Bucket) => (b.key === '' ? 1 : 0);
  if (group === 'status') {
    const rank = (b: Bucket) => (STATUSES as readonly string[]).indexOf(b.key);
    return buckets.sort((a, b) => rank(a) - rank(b));
  }
  // Tags read best alphabetically; pages in the order of their first decision under the sort.
  if (group === 'tag') return buckets.sort((a, b) => last(a) - last(b) || a.label.localeCompare(b.label));
  return buckets.sort((a, b) => last(a) - last(b));
}

/** The rows of the list for sorted entries, grouped when asked. */
export function listRows(sorted: readonly LogEntry[], group: LogGroup): LogRow[] {
  if (group === 'none') return sorted.map((entry) => ({ kind: 'decision', key: entry.decision.id, entry }));
  const buckets = new Map<string, Bucket>();
  for (const entry of sorted) {
    for (const { key, label } of bucketsOf(entry, group)) {
      const bucket = buckets.get(key);
      if (bucket) bucket.entries.push(entry);
      else buckets.set(key, { key, label, entries: [entry] });
    }
  }
  const rows: LogRow[] = [];
  for (const b of orderBuckets([...buckets.values()], group)) {
    rows.push({ kind: 'group', key: `group:${b.key}`, label: b.label, count: b.entries.length });
    for (const entry of b.entries)
      rows.push({ kind: 'decision', key: `${b.key}/${entry.decision.id}`, entry });
  }
  return rows;
}
