// When to check that a decided decision still holds; shown in the popup's due list once decided.
import { useState } from 'preact/hooks';
import { DateInput, parseDue } from './DateInput';
import { dueText } from './when';

export interface ReviewDateFieldProps {
  reviewAt: string | null;
  save: (reviewAt: string | null) => Promise<void>;
}

export function ReviewDateField({ reviewAt, save }: ReviewDateFieldProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const current = reviewAt ? dueText(reviewAt) : null;
  const set = async () => {
    const at = parseDue(text);
    if (!at) return setError(at === null ? 'Can’t read this date.' : 'Type a date first.');
    await save(at.toISOString());
    setText('');
    setError('');
  };
  return (
    <div class="field">
      <p class="small">
        Review date:{' '}
        {current ? (
          <strong class={current.overdue ? 'overdue' : undefined}>
            {current.label} ({current.relative})
          </strong>
        ) : (
          <span class="muted">none</span>
        )}
        {current && (
          <button type="button" class="link small" onClick={() => void save(null)}>
            Clear review date
          </button>
        )}
      </p>
      <div class="row">
        <DateInput
          id="review-date"
          label="Review on"
          text={text}
          onText={setText}
          onEnter={() => void set()}
        />
        <button type="button" onClick={() => void set()}>
          Set review date
        </button>
      </div>
      {error && (
        <p class="error small" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
