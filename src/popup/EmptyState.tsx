// What the due list says when nothing is due this week: what would appear here, and how.
import type { Scope } from './ScopeSwitch';

export interface EmptyStateProps {
  scope: Scope;
}

export function EmptyState({ scope }: EmptyStateProps) {
  return (
    <div class="due-empty">
      <p>
        <strong>
          {scope === 'mine' ? 'Nothing of yours is due this week.' : 'Nothing is due this week.'}
        </strong>
      </p>
      <p class="muted">
        Follow-ups with a due date and decisions with a review date appear here — overdue first, then today
        and this week — with a badge on the toolbar icon and a notification when one falls due. Add them to a
        decision in the sidebar.
      </p>
    </div>
  );
}
