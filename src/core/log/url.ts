// The log's view as a query string, so a filtered view can be bookmarked, shared and reloaded.
// Defaults are left out; values that are not valid are dropped rather than trusted.
import { RACI, type Raci, STANCES, STATUSES, type Stance, type Status } from '../schemas';
import { type LogFilters, NO_FILTERS } from './filters';
import { GAPS, type Gap } from './gaps';

export const VIEWS = ['list', 'timeline', 'matrix', 'map'] as const;
export type LogView = (typeof VIEWS)[number];
export const GROUPS = ['none', 'page', 'tag', 'status'] as const;
export type LogGroup = (typeof GROUPS)[number];
export const SORTS = ['updated', 'decided', 'due'] as const;
export type LogSort = (typeof SORTS)[number];

export interface LogState {
  filters: LogFilters;
  view: LogView;
  group: LogGroup;
  sort: LogSort;
}

export const DEFAULT_STATE: LogState = { filters: NO_FILTERS, view: 'list', group: 'none', sort: 'updated' };

const MAX_VALUE = 500;
const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  list.find((x) => x === value);
const allOf = <T extends string>(list: readonly T[], values: string[]): T[] =>
  list.filter((x) => values.includes(x));
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The state a query string describes (anything missing or invalid takes its default). */
export function stateFromQuery(query: string): LogState {
  const p = new URLSearchParams(query);
  const text = (k: string) => (p.get(k) ?? '').slice(0, MAX_VALUE);
  const day = (k: string) => (DAY.test(text(k)) ? text(k) : '');
  const filters: LogFilters = {
    q: text('q'),
    status: allOf<Status>(STATUSES, p.getAll('status')),
    open: p.get('open') === '1',
    site: text('site'),
    page: text('page'),
    tags: [...new Set(p.getAll('tag').filter((t) => t && t.length <= MAX_VALUE))],
    person: text('person'),
    role: oneOf<Raci>(RACI, p.get('role')) ?? '',
    stance: oneOf<Stance>(STANCES, p.get('stance')) ?? '',
    fn: text('fn'),
    from: day('from'),
    to: day('to'),
    gaps: allOf<Gap>(GAPS, p.getAll('gap')),
  };
  return {
    filters,
    view: oneOf(VIEWS, p.get('view')) ?? DEFAULT_STATE.view,
    group: oneOf(GROUPS, p.get('group')) ?? DEFAULT_STATE.group,
    sort: oneOf(SORTS, p.get('sort')) ?? DEFAULT_STATE.sort,
  };
}

/** The query string (without `?`) for `state`; the default state is the empty string. */
export function queryFromState(state: LogState): string {
  const p = new URLSearchParams();
  if (state.view !== DEFAULT_STATE.view) p.set('view', state.view);
  const f = state.filters;
  if (f.q) p.set('q', f.q);
  for (const s of f.status) p.append('status', s);
  if (f.open) p.set('open', '1');
  for (const [key, value] of [
    ['site', f.site],
    ['page', f.page],
    ['person', f.person],
    ['role', f.role],
    ['stance', f.stance],
    ['fn', f.fn],
    ['from', f.from],
    ['to', f.to],
  ] as const)
    if (value) p.set(key, value);
  for (const t of f.tags) p.append('tag', t);
  for (const g of f.gaps) p.append('gap', g);
  if (state.group !== DEFAULT_STATE.group) p.set('group', state.group);
  if (state.sort !== DEFAULT_STATE.sort) p.set('sort', state.sort);
  return p.toString();
}
