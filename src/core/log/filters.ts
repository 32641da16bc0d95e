// The log's filters: each narrows the entries on its own and they combine with AND. The empty
// value of each means "any", so an empty filter set keeps everything.
import { addCivilDays, type CivilDate, instantAt, isValidCivil } from '../dates-zone';
import type { Raci, Stance, Status } from '../schemas';
import type { LogEntry } from './entries';
import { type Gap, hasGap } from './gaps';
import { matchesTerms, searchTerms } from './search';

export interface LogFilters {
  q: string;
  /** Any of these statuses (none = any status). */
  status: Status[];
  /** Proposed or revisiting only. */
  open: boolean;
  site: string;
  page: string;
  /** Every one of these tags. */
  tags: string[];
  /** Someone — this person, of this function — holding this role with this stance. */
  person: string;
  role: Raci | '';
  stance: Stance | '';
  fn: string;
  /** Decided (or logged, if not decided yet) from this local day… */
  from: string;
  /** …up to and including this one; both `YYYY-MM-DD`. */
  to: string;
  /** Every one of these gaps. */
  gaps: Gap[];
}

export const NO_FILTERS: LogFilters = {
  q: '',
  status: [],
  open: false,
  site: '',
  page: '',
  tags: [],
  person: '',
  role: '',
  stance: '',
  fn: '',
  from: '',
  to: '',
  gaps: [],
};

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function civilDay(day: string): CivilDate | null {
  const m = DAY.exec(day);
  const date = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
  return date && isValidCivil(date) ? date : null;
}

const startOf = (date: CivilDate, timeZone: string) =>
  instantAt(date, { hour: 0, minute: 0 }, timeZone).getTime();

/** The instant a local day (`YYYY-MM-DD`) starts, or null for an empty or malformed day. */
export function dayStartMs(day: string, timeZone: string): number | null {
  const date = civilDay(day);
  return date ? startOf(date, timeZone) : null;
}

/** The instant the local day after `day` starts (DST days are 23 or 25 hours long). */
export function dayEndMs(day: string, timeZone: string): number | null {
  const date = civilDay(day);
  return date ? startOf(addCivilDays(date, 1), timeZone) : null;
}

/** A predicate for `filters`, with the query parsed and the date range resolved once. */
export function entryFilter(
  filters: LogFilters,
  nowMs: number,
  timeZone: string,
): (entry: LogEntry) => boolean {
  const terms = searchTerms(filters.q);
  const statuses = new Set(filters.status);
  const fromMs = dayStartMs(filters.from, timeZone) ?? Number.NEGATIVE_INFINITY;
  const toMs = dayEndMs(filters.to, timeZone) ?? Number.POSITIVE_INFINITY;
  const people = Boolean(filters.person || filters.role || filters.stance || filters.fn);
  return (e) => {
    const d = e.decision;
    if (statuses.size && !statuses.has(d.status)) return false;
    if (filters.open && !e.open) return false;
    if (filters.site && !e.pages.some((p) => p.site === filters.site)) return false;
    if (filters.page && !e.pages.some((p) => p.pageKey === filters.page)) return false;
    for (const t of filters.tags) if (!d.tags.includes(t)) return false;
    if (e.whenMs < fromMs || e.whenMs >= toMs) return false;
    if (
      people &&
      !e.roles.some(
        ({ role, person }) =>
          (!filters.person || person.id === filters.person) &&
          (!filters.role || role.raci === filters.role) &&
          (!filters.stance || role.stance === filters.stance) &&
          (!filters.fn || person.function === filters.fn),
      )
    )
      return false;
    for (const g of filters.gaps) if (!hasGap(e, g, nowMs, filters.person)) return false;
    return terms.length === 0 || matchesTerms(e, terms);
  };
}

export function filterEntries(
  entries: readonly LogEntry[],
  filters: LogFilters,
  nowMs: number,
  timeZone: string,
): LogEntry[] {
  const keep = entryFilter(filters, nowMs, timeZone);
  return entries.filter(keep);
}

/** How many filters are set (the search box aside), for "Clear 3 filters". */
export function activeFilterCount(f: LogFilters): number {
  const set = [f.open, f.site, f.page, f.person, f.role, f.stance, f.fn, f.from, f.to].filter(Boolean);
  return set.length + f.status.length + f.tags.length + f.gaps.length;
}
