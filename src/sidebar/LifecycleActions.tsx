// The lifecycle of DESIGN.md §2 as explicit actions: Mark decided (one Accountable required; gaps in
// the clarity check need a confirmation that names them), Revisit, Reject, Supersede….
import { useState } from 'preact/hooks';
import { accountableProblem, type ClarityGap, clarityGaps, GAP_LABELS } from '../core/clarity';
import { allowedTransitions } from '../core/lifecycle';
import type { Decision, FollowUp, Role } from '../core/schemas';
import { act, errorText } from '../ui/actions';
import { GuardedButton } from '../ui/GuardedButton';
import { setStatus } from './api';
import { ConfirmBox } from './ConfirmBox';
import { SupersedeForm } from './SupersedeForm';

export interface LifecycleActionsProps {
  decision: Decision;
  roles: Role[];
  followUps: FollowUp[];
  onOpen: (decisionId: string) => void;
}

type Asking = { kind: 'decided'; gaps: ClarityGap[] } | { kind: 'reject' } | { kind: 'supersede' } | null;

export function LifecycleActions({ decision, roles, followUps, onOpen }: LifecycleActionsProps) {
  const [asking, setAsking] = useState<Asking>(null);
  const [error, setError] = useState('');
  const next = allowedTransitions(decision.status);
  const move = async (to: 'decided' | 'revisiting' | 'rejected') => {
    setAsking(null);
    setError('');
    try {
      await act((ctx) => setStatus(ctx, decision.id, to));
    } catch (err) {
      setError(errorText(err));
    }
  };
  const problem = accountableProblem(roles);
  const gaps = clarityGaps(decision, roles, followUps);
  const markDecided = () => {
    if (problem) return setError(`Cannot mark decided: ${problem}`);
    if (gaps.length) setAsking({ kind: 'decided', gaps });
    else void move('decided');
  };

  if (!next.length) return null;
  return (
    <fieldset class="lifecycle">
      <legend class="sr-only">Lifecycle</legend>
      <div class="row">
        {next.includes('decided') && (
          // With a refusal or gaps the first click only explains; ConfirmBox is then the guard.
          <GuardedButton
            class="primary"
            confirmLabel="Confirm mark decided"
            unguarded={!!problem || gaps.length > 0}
            onRun={markDecided}
          >
            Mark decided
          </GuardedButton>
        )}
        {next.includes('revisiting') && (
          <GuardedButton confirmLabel="Confirm revisit" onRun={() => void move('revisiting')}>
            Revisit
          </GuardedButton>
        )}
        {next.includes('rejected') && (
          <button type="button" class="danger" onClick={() => setAsking({ kind: 'reject' })}>
            Reject
          </button>
        )}
        {next.includes('superseded') && (
          <button type="button" onClick={() => setAsking({ kind: 'supersede' })}>
            Supersede…
          </button>
        )}
      </div>
      {error && (
        <p class="error small" role="alert">
          {error}
        </p>
      )}
      {asking?.kind === 'decided' && (
        <ConfirmBox
          id="confirm-decided"
          title="Mark decided with gaps?"
          confirmLabel="Mark decided anyway"
          onConfirm={() => void move('decided')}
          onCancel={() => setAsking(null)}
        >
          <p class="small">This decision still lacks:</p>
          <ul class="small">
            {asking.gaps.map((g) => (
              <li key={g}>{GAP_LABELS[g]}</li>
            ))}
          </ul>
        </ConfirmBox>
      )}
      {asking?.kind === 'reject' && (
        <ConfirmBox
          id="confirm-reject"
          title="Reject this decision?"
          confirmLabel="Reject"
          onConfirm={() => void move('rejected')}
          onCancel={() => setAsking(null)}
        >
          <p class="small">It stays in the record, marked rejected, and cannot be reopened.</p>
        </ConfirmBox>
      )}
      {asking?.kind === 'supersede' && (
        <SupersedeForm
          decisionId={decision.id}
          onDone={(id) => {
            setAsking(null);
            if (id) onOpen(id);
          }}
        />
      )}
    </fieldset>
  );
}
