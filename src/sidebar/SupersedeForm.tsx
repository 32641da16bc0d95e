// "Supersede…": names the decision that replaces this one; saving links the two both ways.
import { useEffect, useRef, useState } from 'preact/hooks';
import { act, errorText } from '../ui/actions';
import { supersede } from './api';

export interface SupersedeFormProps {
  decisionId: string;
  onDone: (newId: string | null) => void;
}

export function SupersedeForm({ decisionId, onDone }: SupersedeFormProps) {
  const [title, setTitle] = useState('');
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const save = async (e: Event) => {
    e.preventDefault();
    if (!title.trim()) return setError('Say what the new decision is.');
    try {
      onDone(await act((ctx) => supersede(ctx, decisionId, { title })));
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <form
      class="inline-form"
      onSubmit={save}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone(null);
        }
      }}
    >
      <label for="supersede-title">What replaces this decision?</label>
      <input
        id="supersede-title"
        ref={input}
        value={title}
        maxLength={300}
        onInput={(e) => {
          setTitle(e.currentTarget.value);
          setError('');
        }}
      />
      {error && (
        <p class="error small" role="alert">
          {error}
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary">
          Supersede
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
