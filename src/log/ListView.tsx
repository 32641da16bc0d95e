// The list view: the filtered decisions sorted and grouped into windowed rows, with a column
// header, select-all, and keys on a row — Space selects it, Enter opens its page.
import { useEffect, useMemo } from 'preact/hooks';
import {
  GROUPS,
  type LogEntry,
  type LogGroup,
  type LogRow,
  type LogSort,
  listRows,
  SORTS,
} from '../core/log';
import { plural } from '../core/plural';
import { DecisionRow } from './DecisionRow';
import { SelectField } from './SelectField';
import { VirtualList } from './VirtualList';

export interface ListViewProps {
  entries: LogEntry[];
  terms: readonly string[];
  group: LogGroup;
  sort: LogSort;
  onView: (change: { group?: LogGroup; sort?: LogSort }) => void;
  selected: Set<string>;
  onSelect: (ids: string[], on: boolean) => void;
  nowMs: number;
  resetKey: string;
}

export const ROW_HEIGHT = 56;

const GROUP_LABELS: Record<LogGroup, string> = {
  none: 'No grouping',
  page: 'Page or ticket',
  tag: 'Tag',
  status: 'Status',
};
const SORT_LABELS: Record<LogSort, string> = {
  updated: 'Last change',
  decided: 'Decision date',
  due: 'Next due date',
};

export function ListView(props: ListViewProps) {
  const { entries, terms, group, sort, selected, onSelect, nowMs } = props;
  const rows = useMemo(() => listRows(entries, group), [entries, group]);
  const allSelected = entries.length > 0 && entries.every((e) => selected.has(e.decision.id));
  const someSelected = !allSelected && entries.some((e) => selected.has(e.decision.id));

  // The first rows on screen are the moment the log is usable: the benchmark reads this mark.
  useEffect(() => {
    if (rows.length && !performance.getEntriesByName('decidedly:log:first-rows').length)
      performance.mark('decidedly:log:first-rows');
  }, [rows.length > 0]);

  const onRowKey = (e: KeyboardEvent, row: LogRow) => {
    // Only on the row itself: a focused checkbox or link already handles its own keys.
    const target = e.target as HTMLElement;
    if (row.kind !== 'decision' || !target.hasAttribute('data-index')) return false;
    if (e.key === ' ') {
      onSelect([row.entry.decision.id], !selected.has(row.entry.decision.id));
      return true;
    }
    const link = target.querySelector<HTMLAnchorElement>('a[data-page-link]');
    if (e.key === 'Enter' && link) {
      link.click();
      return true;
    }
    return false;
  };

  return (
    <section class="list-view" aria-label="Decisions">
      <div class="row view-controls">
        <SelectField
          label="Group by"
          value={group}
          options={GROUPS.map((g) => ({ value: g, label: GROUP_LABELS[g] }))}
          onChange={(g) => props.onView({ group: g as LogGroup })}
        />
        <SelectField
          label="Sort by"
          value={sort}
          options={SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
          onChange={(s) => props.onView({ sort: s as LogSort })}
        />
        <span class="muted keys" aria-hidden="true">
          <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Space</kbd> select · <kbd>Enter</kbd> open page
        </span>
      </div>
      <div class="drow list-head">
        <input
          type="checkbox"
          checked={allSelected}
          indeterminate={someSelected}
          disabled={!entries.length}
          onChange={() =>
            onSelect(
              entries.map((e) => e.decision.id),
              !allSelected,
            )
          }
          aria-label={`Select all ${plural(entries.length, 'shown decision')}`}
        />
        <span aria-hidden="true">Decision</span>
        <span aria-hidden="true">Status</span>
        <span aria-hidden="true">Page</span>
        <span aria-hidden="true">Accountable</span>
        <span aria-hidden="true">Next step</span>
        <span aria-hidden="true">Alignment</span>
        <span aria-hidden="true">Changed</span>
      </div>
      {entries.length ? (
        <VirtualList
          items={rows}
          rowHeight={ROW_HEIGHT}
          itemKey={(r) => r.key}
          label={`Decisions, ${entries.length} shown`}
          resetKey={`${props.resetKey}|${group}|${sort}`}
          onRowKey={onRowKey}
          renderRow={(row) =>
            row.kind === 'group' ? (
              <h2 class="group-row">
                {row.label} <span class="muted">({row.count})</span>
              </h2>
            ) : (
              <DecisionRow
                entry={row.entry}
                terms={terms}
                selected={selected.has(row.entry.decision.id)}
                onToggle={(id) => onSelect([id], !selected.has(id))}
                nowMs={nowMs}
              />
            )
          }
        />
      ) : (
        <p class="empty muted">No decisions match. Loosen a filter or clear the search.</p>
      )}
    </section>
  );
}
