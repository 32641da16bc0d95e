// The list's filters: by status, by stakeholder, and a search over titles, quotes and rationale.
import { STATUSES, type Stakeholder, type Status } from '../core/schemas';
import { isFiltered, type ListFilter, NO_FILTER } from './list-model';

export interface ListFiltersProps {
  filter: ListFilter;
  people: Stakeholder[];
  shown: number;
  total: number;
  onChange: (filter: ListFilter) => void;
}

export const SEARCH_ID = 'decision-search';

export function ListFilters({ filter, people, shown, total, onChange }: ListFiltersProps) {
  return (
    <form class="filters" aria-label="Filter decisions" onSubmit={(e) => e.preventDefault()}>
      <label for={SEARCH_ID} class="sr-only">
        Search decisions
      </label>
      <input
        id={SEARCH_ID}
        type="search"
        placeholder="Search titles, quotes, rationale"
        value={filter.query}
        onInput={(e) => onChange({ ...filter, query: e.currentTarget.value })}
      />
      <div class="row">
        <label for="filter-status" class="inline-label">
          Status
        </label>
        <select
          id="filter-status"
          value={filter.status}
          onChange={(e) => onChange({ ...filter, status: e.currentTarget.value as Status | '' })}
        >
          <option value="">Any</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <label for="filter-person" class="inline-label">
          Stakeholder
        </label>
        <select
          id="filter-person"
          value={filter.stakeholderId}
          onChange={(e) => onChange({ ...filter, stakeholderId: e.currentTarget.value })}
        >
          <option value="">Anyone</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      {isFiltered(filter) && (
        <p class="row small" role="status">
          {shown} of {total} shown
          <button type="button" class="link small" onClick={() => onChange(NO_FILTER)}>
            Clear filters
          </button>
        </p>
      )}
    </form>
  );
}
