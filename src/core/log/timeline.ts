// The timeline: decisions over time, one row per supersede chain, so "how did we get here" is
// one look. Chains are found once per data change; a filter then picks the chains it touches
// and keeps the unmatched links of a chain visible (faded) so the story stays whole.
import { addCivilDays, addCivilMonths, type CivilDate, instantAt, localParts } from '../dates-zone';
import type { LogEntry } from './entries';

export interface TimelineNode {
  entry: LogEntry;
  /** Whether the filters keep this decision (the others are context). */
  matched: boolean;
}

export interface TimelineChain {
  key: string;
  /** Oldest first. */
  nodes: TimelineNode[];
  /** Index pairs into `nodes`: `from` was superseded by `to`. */
  links: { from: number; to: number }[];
  lastMs: number;
}

export interface TimelineTick {
  ms: number;
  label: string;
}

export interface Timeline {
  chains: TimelineChain[];
  startMs: number;
  endMs: number;
  ticks: TimelineTick[];
}

/** Supersede chains of the whole log, keyed by a member id: each chain oldest first. */
export type ChainIndex = Map<string, LogEntry[]>;

export function chainIndex(all: readonly LogEntry[]): ChainIndex {
  const byId = new Map(all.map((e) => [e.decision.id, e]));
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r) as string;
    parent.set(id, r);
    return r;
  };
  for (const e of all) {
    parent.set(e.decision.id, root(e.decision.id));
    for (const other of [e.decision.supersedes, e.decision.supersededBy]) {
      if (other && byId.has(other)) parent.set(root(other), root(e.decision.id));
    }
  }
  const chains = new Map<string, LogEntry[]>();
  for (const e of all) {
    const r = root(e.decision.id);
    const list = chains.get(r);
    if (list) list.push(e);
    else chains.set(r, [e]);
  }
  const index: ChainIndex = new Map();
  for (const list of chains.values()) {
    list.sort((a, b) => a.whenMs - b.whenMs);
    for (const e of list) index.set(e.decision.id, list);
  }
  return index;
}

/** The chains `matched` touches, newest last change first, on a shared time axis in `timeZone`. */
export function buildTimeline(index: ChainIndex, matched: readonly LogEntry[], timeZone: string): Timeline {
  const keep = new Set(matched.map((e) => e.decision.id));
  const chains: TimelineChain[] = [];
  const done = new Set<LogEntry[]>();
  for (const e of matched) {
    const list = index.get(e.decision.id) ?? [e];
    if (done.has(list)) continue;
    done.add(list);
    const position = new Map(list.map((x, i) => [x.decision.id, i]));
    const links = list.flatMap((x, to) => {
      const from = x.decision.supersedes ? position.get(x.decision.supersedes) : undefined;
      return from === undefined ? [] : [{ from, to }];
    });
    chains.push({
      key: list[0]?.decision.id ?? e.decision.id,
      nodes: list.map((entry) => ({ entry, matched: keep.has(entry.decision.id) })),
      links,
      lastMs: Math.max(...list.map((x) => x.whenMs)),
    });
  }
  chains.sort((a, b) => b.lastMs - a.lastMs || (a.key < b.key ? -1 : 1));
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const c of chains)
    for (const n of c.nodes) {
      start = Math.min(start, n.entry.whenMs);
      end = Math.max(end, n.entry.whenMs);
    }
  if (!chains.length) return { chains, startMs: 0, endMs: 0, ticks: [] };
  // A little room either side, so the first and last dots are not cut by the edges.
  const pad = Math.max((end - start) * 0.03, DAY);
  return {
    chains,
    startMs: start - pad,
    endMs: end + pad,
    ticks: timeTicks(start - pad, end + pad, timeZone),
  };
}

const DAY = 86_400_000;
const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

const midnight = (date: CivilDate, timeZone: string) =>
  instantAt(date, { hour: 0, minute: 0 }, timeZone).getTime();

/**
 * Ticks at the user's local month starts across the span (local day starts when it holds fewer
 * than two months), thinned to at most `max` by whole steps. Local, not UTC: a decision logged on
 * 2 Dec must sit after the "2 Dec" tick wherever the user is.
 */
export function timeTicks(startMs: number, endMs: number, timeZone: string, max = 8): TimelineTick[] {
  const first = localParts(new Date(startMs), timeZone);
  const months: { ms: number; date: CivilDate }[] = [];
  for (let date = addCivilMonths({ ...first, day: 1 }, 1); ; date = addCivilMonths(date, 1)) {
    const ms = midnight(date, timeZone);
    if (ms > endMs) break;
    months.push({ ms, date });
  }
  if (months.length >= 2) {
    const step = [1, 2, 3, 6, 12, 24, 60].find((s) => months.length / s <= max) ?? 120;
    return months
      .filter(({ date }) => (date.year * 12 + date.month - 1) % step === 0)
      .map(({ ms, date }) => ({ ms, label: `${MONTHS[date.month - 1]} ${date.year}` }));
  }
  const days: { ms: number; date: CivilDate }[] = [];
  for (let date = addCivilDays(first, 1); ; date = addCivilDays(date, 1)) {
    const ms = midnight(date, timeZone);
    if (ms > endMs) break;
    days.push({ ms, date });
  }
  const step = [1, 2, 7, 14].find((s) => days.length / s <= max) ?? 31;
  return days
    .filter((_, i) => i % step === 0)
    .map(({ ms, date }) => ({ ms, label: `${date.day} ${MONTHS[date.month - 1]} ${date.year}` }));
}
