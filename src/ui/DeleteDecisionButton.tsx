// "Delete" for one decision: a tombstone with "Undo" offered by UndoToast (mount it once per page),
// guarded against click-jacking.
import { useState } from 'preact/hooks';
import { errorText } from './actions';
import { GuardedButton } from './GuardedButton';
import { deleteWithUndo } from './use-undo-delete';

export interface DeleteDecisionButtonProps {
  id: string;
  title: string;
  /** After the delete is stored: leave the record (back to the list). */
  onDeleted?: () => void;
}

export function DeleteDecisionButton({ id, title, onDeleted }: DeleteDecisionButtonProps) {
  const [error, setError] = useState('');
  const remove = () =>
    deleteWithUndo(id, title).then(
      () => onDeleted?.(),
      (e) => setError(errorText(e)),
    );
  return (
    <>
      <GuardedButton class="danger" confirmLabel="Confirm delete" onRun={() => void remove()}>
        Delete decision
      </GuardedButton>
      {error && (
        <span class="error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
