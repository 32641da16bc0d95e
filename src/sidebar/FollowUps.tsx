// The next steps of a decision: each with an owner and a due date (overdue in red), marked done with
// one key (through the click-jacking guard); new ones take their date in plain words.
import { useState } from 'preact/hooks';
import type { FollowUp, Stakeholder } from '../core/schemas';
import { act } from '../ui/actions';
import { GuardedButton } from '../ui/GuardedButton';
import { GuardedCheckbox } from '../ui/GuardedCheckbox';
import { deleteFollowUp, setFollowUpDone } from './api';
import { FollowUpForm } from './FollowUpForm';
import { dueText } from './when';

export interface FollowUpsProps {
  decisionId: string;
  followUps: FollowUp[];
  people: Stakeholder[];
  /** Who owns a new follow-up unless changed: the Accountable. */
  defaultOwnerId: string | null;
}

export function FollowUps({ decisionId, followUps, people, defaultOwnerId }: FollowUpsProps) {
  const [error, setError] = useState('');
  const names = new Map(people.map((p) => [p.id, p.name]));
  const sorted = [...followUps].sort(
    (a, b) =>
      Number(!!a.doneAt) - Number(!!b.doneAt) || (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff'),
  );
  const fail = (e: Error) => setError(e.message);
  return (
    <section class="subsection" aria-labelledby="followups-heading">
      <h3 id="followups-heading">Follow-ups</h3>
      <ul class="plain-list" aria-label="Follow-ups">
        {sorted.map((f) => {
          const due = f.dueAt ? dueText(f.dueAt) : null;
          return (
            <li key={f.id} class={`followup${f.doneAt ? ' done' : ''}`}>
              <GuardedCheckbox
                checked={!!f.doneAt}
                confirmLabel={(done) => (done ? 'Confirm done' : 'Confirm not done')}
                onRun={(done) => void act((ctx) => setFollowUpDone(ctx, f.id, done)).catch(fail)}
              >
                <span class="followup-title">{f.title}</span>
                <span class="sr-only">{f.doneAt ? ' (done)' : ' (not done)'}</span>
              </GuardedCheckbox>
              <span class="small muted">
                {f.ownerId ? (names.get(f.ownerId) ?? 'Someone') : 'No owner'}
                {due && ' · '}
                {due && (
                  <span class={!f.doneAt && due.overdue ? 'overdue' : undefined} title={due.relative}>
                    due {due.label}
                    {!f.doneAt && due.overdue ? ' (overdue)' : ''}
                  </span>
                )}
              </span>
              <GuardedButton
                class="link danger small"
                confirmLabel="Confirm delete"
                onRun={() => void act((ctx) => deleteFollowUp(ctx, f.id)).catch(fail)}
              >
                Delete <span class="sr-only">{f.title}</span>
              </GuardedButton>
            </li>
          );
        })}
      </ul>
      {error && (
        <p class="error small" role="alert">
          {error}
        </p>
      )}
      <FollowUpForm decisionId={decisionId} people={people} defaultOwnerId={defaultOwnerId} />
    </section>
  );
}
