// The decision log: every decision across pages, searchable and filterable (the view lives in the
// URL), as a list, a timeline, a RACI matrix or a stakeholder map, with bulk actions on a selection.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  activeFilterCount,
  buildEntries,
  DEFAULT_STATE,
  entryFilter,
  type LogEntry,
  type LogFilters,
  type LogState,
  logFacets,
  NO_FILTERS,
  narrows,
  queryFromState,
  searchTerms,
  sortEntries,
} from '../core/log';
import { BulkBar } from './BulkBar';
import { FilterPanel } from './FilterPanel';
import { TIME_ZONE } from './format';
import { ListView } from './ListView';
import { MapView } from './MapView';
import { MatrixView } from './MatrixView';
import { SearchBox } from './SearchBox';
import { TimelineView } from './TimelineView';
import { useLogData } from './use-log-data';
import { useLogState } from './use-log-state';
import { ViewSwitch } from './ViewSwitch';
import './log.css';
import { plural } from '../core/plural';

export function App() {
  const [state, setState] = useLogState();
  const [plain] = useState(() => isPlain(state));
  const { data, complete } = useLogData(plain);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // Derived once per data change; a keystroke only re-runs the in-memory filter below.
  const entries = useMemo(() => (data ? buildEntries(data) : []), [data]);
  const facets = useMemo(() => logFacets(entries), [entries]);
  const sorted = useMemo(() => sortEntries(entries, state.sort), [entries, state.sort]);
  const nowMs = Date.now();
  // Typing a word further only narrows the last results: scan those rather than the whole log.
  const last = useRef<{ sorted: LogEntry[]; rest: string; terms: string[]; result: LogEntry[] }>(null);
  const filtered = useMemo(() => {
    const rest = JSON.stringify({ ...state.filters, q: '' });
    const terms = searchTerms(state.filters.q);
    const before = last.current;
    const narrower = before?.sorted === sorted && before.rest === rest && narrows(before.terms, terms);
    const result = (narrower ? before.result : sorted).filter(entryFilter(state.filters, nowMs, TIME_ZONE));
    last.current = { sorted, rest, terms, result };
    return result;
  }, [sorted, state.filters]);
  const terms = useMemo(() => searchTerms(state.filters.q), [state.filters.q]);
  const resetKey = queryFromState({ ...state, view: 'list' });
  const live = useMemo(() => new Set(entries.map((e) => e.decision.id)), [entries]);
  // A selected decision deleted meanwhile drops out of the selection.
  const chosen = [...selected].filter((id) => live.has(id));

  useEffect(() => {
    if (complete) performance.mark('decidedly:log:complete');
  }, [complete]);

  const set = (change: Partial<LogState>) => setState({ ...state, ...change });
  // The panel holds hundreds of options; typing a search must not re-render it, so it is kept
  // while everything but the search text is unchanged, and it changes filters by difference.
  const setFilters = useCallback(
    (change: Partial<LogFilters>) => setState((s) => ({ ...s, filters: { ...s.filters, ...change } })),
    [setState],
  );
  const clearFilters = useCallback(
    () => setState((s) => ({ ...s, filters: { ...NO_FILTERS, q: s.filters.q } })),
    [setState],
  );
  const panelKey = queryFromState({ ...DEFAULT_STATE, filters: { ...state.filters, q: '' } });
  const panel = useMemo(
    () => (
      <FilterPanel filters={state.filters} facets={facets} onChange={setFilters} onClear={clearFilters} />
    ),
    [panelKey, facets],
  );
  const select = (ids: string[], on: boolean) => {
    const next = new Set(selected);
    for (const id of ids) on ? next.add(id) : next.delete(id);
    setSelected(next);
  };

  return (
    <div class="log">
      <header class="log-head">
        <a class="skip-link" href="#log-main">
          Skip to the decisions
        </a>
        <h1 id="log-title">Decision log</h1>
        <SearchBox value={state.filters.q} onChange={(q) => setFilters({ q })} />
        <ViewSwitch view={state.view} onChange={(view) => set({ view })} />
        <p class="count muted" role="status">
          {data === null
            ? 'Loading…'
            : !complete
              ? `The ${plural(entries.length, 'latest decision')}; loading the rest…`
              : filtered.length === entries.length
                ? plural(entries.length, 'decision')
                : `${filtered.length} of ${plural(entries.length, 'decision')}`}
        </p>
      </header>
      {panel}
      <main class="log-main" id="log-main" tabIndex={-1} aria-labelledby="log-title">
        {chosen.length > 0 && <BulkBar ids={chosen} onClear={() => setSelected(new Set())} />}
        {data === null ? null : state.view === 'list' ? (
          <ListView
            entries={filtered}
            terms={terms}
            group={state.group}
            sort={state.sort}
            onView={(change) => set(change)}
            selected={selected}
            onSelect={select}
            nowMs={nowMs}
            resetKey={resetKey}
          />
        ) : state.view === 'timeline' ? (
          <TimelineView all={entries} entries={filtered} resetKey={resetKey} />
        ) : state.view === 'matrix' ? (
          <MatrixView entries={filtered} />
        ) : (
          <MapView entries={filtered} state={state} onNavigate={setState} />
        )}
      </main>
    </div>
  );
}

/** The view the quick first read can answer: newest first, nothing filtered. */
function isPlain(state: LogState): boolean {
  return (
    state.view === 'list' &&
    state.sort === 'updated' &&
    state.group === 'none' &&
    !state.filters.q &&
    activeFilterCount(state.filters) === 0
  );
}
