// The filters, combinable and mirrored in the URL: status, open only, the alignment gaps, where
// (site, page), tags, who (stakeholder, role, stance, function) and when (date range).
import { useId } from 'preact/hooks';
import {
  activeFilterCount,
  GAP_FILTER_LABELS,
  GAPS,
  type Gap,
  type LogFacets,
  type LogFilters,
  siteLabel,
} from '../core/log';
import { RACI_LABELS, STANCE_LABELS } from '../core/raci';
import { RACI, type Raci, STANCES, STATUSES, type Stance } from '../core/schemas';
import { CheckGroup } from './CheckGroup';
import { SelectField } from './SelectField';
import { TagFilter } from './TagFilter';

export interface FilterPanelProps {
  filters: LogFilters;
  facets: LogFacets;
  /** The filters that changed; the search text is not the panel's (see App). */
  onChange: (change: Partial<LogFilters>) => void;
  onClear: () => void;
}

export function FilterPanel({ filters, facets, onChange, onClear }: FilterPanelProps) {
  const id = useId();
  const set = onChange;
  const pages = facets.pages.filter((p) => !filters.site || p.value.site === filters.site);
  const active = activeFilterCount(filters);
  const who = facets.people.find((p) => p.value.id === filters.person)?.value.name ?? '';
  return (
    <aside class="filters" aria-label="Filters">
      <div class="row filters-head">
        <h2>Filters</h2>
        <button type="button" disabled={!active} onClick={onClear}>
          Clear{active ? ` ${active}` : ''}
        </button>
      </div>
      <CheckGroup
        legend="Alignment gaps"
        options={GAPS.map((g) => ({ value: g, label: gapLabel(g, who) }))}
        values={filters.gaps}
        onChange={(gaps) => set({ gaps })}
      />
      <fieldset class="check-group">
        <legend>Status</legend>
        <span class="check">
          <input
            type="checkbox"
            id={`${id}-open`}
            checked={filters.open}
            onChange={(e) => set({ open: (e.currentTarget as HTMLInputElement).checked })}
          />
          <label for={`${id}-open`}>Open only (proposed or revisiting)</label>
        </span>
      </fieldset>
      <CheckGroup
        legend="Any of these statuses"
        options={STATUSES.map((s) => ({ value: s, label: s }))}
        values={filters.status}
        onChange={(status) => set({ status })}
      />
      <SelectField
        label="Site"
        value={filters.site}
        any="Any site"
        options={facets.sites.map((s) => ({ value: s.value, label: `${siteLabel(s.value)} (${s.count})` }))}
        onChange={(site) => set({ site, page: '' })}
      />
      <SelectField
        label="Page or ticket"
        value={filters.page}
        any="Any page"
        options={pages.map((p) => ({ value: p.value.pageKey, label: `${p.value.title} (${p.count})` }))}
        onChange={(page) => set({ page })}
      />
      <TagFilter tags={facets.tags} chosen={filters.tags} onChange={(tags) => set({ tags })} />
      <SelectField
        label="Stakeholder"
        value={filters.person}
        any="Anyone"
        options={facets.people.map((p) => ({ value: p.value.id, label: `${p.value.name} (${p.count})` }))}
        onChange={(person) => set({ person })}
      />
      <SelectField
        label="Role"
        value={filters.role}
        any="Any role"
        options={RACI.map((r) => ({ value: r, label: `${r} · ${RACI_LABELS[r]}` }))}
        onChange={(role) => set({ role: role as Raci | '' })}
      />
      <SelectField
        label="Stance"
        value={filters.stance}
        any="Any stance"
        options={STANCES.map((s) => ({ value: s, label: STANCE_LABELS[s] }))}
        onChange={(stance) => set({ stance: stance as Stance | '' })}
      />
      <SelectField
        label="Function"
        value={filters.fn}
        any="Any function"
        options={facets.functions.map((f) => ({ value: f.value, label: `${f.value} (${f.count})` }))}
        onChange={(fn) => set({ fn })}
      />
      <fieldset class="dates">
        <legend>Decided (or logged) between</legend>
        <label for={`${id}-from`}>From</label>
        <input
          id={`${id}-from`}
          type="date"
          value={filters.from}
          onChange={(e) => set({ from: (e.currentTarget as HTMLInputElement).value })}
        />
        <label for={`${id}-to`}>To</label>
        <input
          id={`${id}-to`}
          type="date"
          value={filters.to}
          onChange={(e) => set({ to: (e.currentTarget as HTMLInputElement).value })}
        />
      </fieldset>
    </aside>
  );
}

/** With a stakeholder chosen, the stance gaps are theirs (see hasGap), and the labels say so. */
function gapLabel(gap: Gap, who: string): string {
  if (who && gap === 'unheard') return `${who}: Consulted, not heard`;
  if (who && gap === 'opposed') return `${who} opposes`;
  return GAP_FILTER_LABELS[gap];
}
