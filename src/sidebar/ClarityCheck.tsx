// The clarity check (DESIGN.md §2) as a compact checklist: what the decision already answers and
// what it still lacks before it is explicit.
import { type ClarityGap, clarityGaps, GAP_LABELS } from '../core/clarity';
import type { Decision, FollowUp, Role } from '../core/schemas';

export interface ClarityCheckProps {
  decision: Decision;
  roles: Role[];
  followUps: FollowUp[];
}

const ORDER = Object.keys(GAP_LABELS) as ClarityGap[];

export function ClarityCheck({ decision, roles, followUps }: ClarityCheckProps) {
  const gaps = new Set(clarityGaps(decision, roles, followUps));
  const done = ORDER.length - gaps.size;
  return (
    <section class="clarity" aria-labelledby="clarity-heading">
      <h3 id="clarity-heading">
        Clarity check{' '}
        <span class={`badge ${gaps.size ? 'status-proposed' : 'status-decided'}`}>
          {done} of {ORDER.length}
        </span>
      </h3>
      {gaps.size === 0 ? (
        <p class="small">Explicit: what, why, consequences, next step, one Accountable, everyone heard.</p>
      ) : (
        <ul class="checklist" aria-label="Clarity checklist">
          {ORDER.map((gap) => (
            <li key={gap} class={gaps.has(gap) ? 'missing' : 'ok'}>
              <span aria-hidden="true">{gaps.has(gap) ? '○' : '✓'}</span>{' '}
              <span class="sr-only">{gaps.has(gap) ? 'Missing: ' : 'Done: '}</span>
              {GAP_LABELS[gap]}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
