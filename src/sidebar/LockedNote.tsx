// Why the what and why of a decided decision cannot be edited here, and the sanctioned way out.
import type { Status } from '../core/schemas';
import { act } from '../ui/actions';
import { setStatus } from './api';

export interface LockedNoteProps {
  decisionId: string;
  status: Status;
}

export function LockedNote({ decisionId, status }: LockedNoteProps) {
  if (status === 'superseded')
    return <p class="locked small">Locked: a superseded decision stays as it was decided.</p>;
  return (
    <p class="locked small">
      Locked after the decision was made, so it is not silently rewritten. To change it, revisit the decision
      (recorded in the history) or supersede it.{' '}
      <button type="button" onClick={() => void act((ctx) => setStatus(ctx, decisionId, 'revisiting'))}>
        Revisit to edit
      </button>
    </p>
  );
}
