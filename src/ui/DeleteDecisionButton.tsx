// "Delete" for one decision: a tombstone with "Undo" offered by UndoToast (mount it once per page).
import { useState } from 'preact/hooks';
import { errorText } from './actions';
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
      <button type="button" class="danger" onClick={() => void remove()}>
        Delete decision
      </button>
      {error && (
        <span class="error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
