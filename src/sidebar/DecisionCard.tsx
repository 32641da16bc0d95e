// One decision in the list: title, status, the Accountable, the next follow-up (overdue in red),
// the alignment bar and the "Source changed" marker.
import { accountableOf, alignmentOf } from '../core/raci';
import type { Stakeholder } from '../core/schemas';
import { AlignmentBar } from '../ui/AlignmentBar';
import { nextFollowUp } from './list-model';
import type { CardData } from './page-summary';
import { dueText } from './when';

export interface DecisionCardProps {
  card: CardData;
  people: Map<string, Stakeholder>;
  missing: boolean;
  onOpen: (id: string) => void;
}

export function DecisionCard({ card, people, missing, onOpen }: DecisionCardProps) {
  const { decision, roles, followUps } = card;
  const a = accountableOf(roles);
  const owner = a ? people.get(a.stakeholderId)?.name : undefined;
  const next = nextFollowUp(followUps);
  const due = next?.dueAt ? dueText(next.dueAt) : null;
  return (
    <li>
      <button type="button" class="card" data-decision-id={decision.id} onClick={() => onOpen(decision.id)}>
        <span class="card-title">{decision.title}</span>
        <span class="row">
          <span class={`badge status-${decision.status}`}>{decision.status}</span>
          {missing && <span class="badge source-changed">Source changed</span>}
          <span class="small muted">{owner ? `Accountable: ${owner}` : 'No Accountable yet'}</span>
        </span>
        {next && (
          <span class="small">
            Next: {next.title}
            {due && (
              <span class={due.overdue ? 'overdue' : 'muted'}>
                {' '}
                · due {due.label}
                {due.overdue ? ' (overdue)' : ''}
              </span>
            )}
          </span>
        )}
        <AlignmentBar alignment={alignmentOf(roles)} legend />
      </button>
    </li>
  );
}
