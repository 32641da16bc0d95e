// The page's decisions: open ones first, then decided, then rejected and superseded collapsed,
// narrowed by the filters and the search.

import { DecisionCard } from './DecisionCard';
import { ListFilters } from './ListFilters';
import type { ListFilter } from './list-model';
import { filterCards, groupCards } from './list-model';
import type { PageSummary } from './page-summary';

export interface DecisionListProps {
  summary: PageSummary;
  missing: Set<string>;
  filter: ListFilter;
  onFilter: (filter: ListFilter) => void;
  onOpen: (id: string) => void;
}

export function DecisionList({ summary, missing, filter, onFilter, onOpen }: DecisionListProps) {
  const shown = filterCards(summary.cards, filter);
  const { active, settled } = groupCards(shown);
  const people = [...summary.people.values()].sort((a, b) => a.name.localeCompare(b.name));
  const card = (c: (typeof shown)[number]) => (
    <DecisionCard
      key={c.decision.id}
      card={c}
      people={summary.people}
      missing={missing.has(c.decision.id)}
      onOpen={onOpen}
    />
  );
  return (
    <div>
      <ListFilters
        filter={filter}
        people={people}
        shown={shown.length}
        total={summary.cards.length}
        onChange={onFilter}
      />
      {shown.length === 0 && <p class="muted">No decision matches these filters.</p>}
      {active.length > 0 && (
        <ul class="cards" aria-label="Decisions on this page">
          {active.map(card)}
        </ul>
      )}
      {settled.length > 0 && (
        <details open={filter.status === 'rejected' || filter.status === 'superseded'}>
          <summary>Rejected and superseded ({settled.length})</summary>
          <ul class="cards" aria-label="Rejected and superseded decisions">
            {settled.map(card)}
          </ul>
        </details>
      )}
    </div>
  );
}
