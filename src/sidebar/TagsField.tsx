// Tags of a decision: typed (Enter or comma adds, a leading # is fine), removed one by one (through
// the click-jacking guard).
import { useState } from 'preact/hooks';
import { GuardedButton } from '../ui/GuardedButton';

export interface TagsFieldProps {
  tags: string[];
  save: (tags: string[]) => Promise<void>;
}

const MAX_TAG = 60;

/** "#Backend, api" → ["backend", "api"]: lowercase, no #, no blanks. */
export function parseTags(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((t) => t.replace(/^#+/, '').trim().toLowerCase().slice(0, MAX_TAG))
    .filter(Boolean);
}

export function TagsField({ tags, save }: TagsFieldProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
  const commit = async () => {
    const added = parseTags(text).filter((t) => !tags.includes(t));
    setText('');
    if (!added.length) return;
    try {
      await save([...tags, ...added]);
      setError('');
    } catch (e) {
      fail(e);
    }
  };
  return (
    <div class="field">
      <label for="tags-input">Tags</label>
      <ul class="tags" aria-label="Tags">
        {tags.map((t) => (
          <li key={t} class="badge tag">
            #{t}{' '}
            <GuardedButton
              class="chip-x"
              label={`Remove tag ${t}`}
              confirmLabel={`Confirm removing #${t}`}
              onRun={() => void save(tags.filter((x) => x !== t)).catch(fail)}
            >
              ×
            </GuardedButton>
          </li>
        ))}
      </ul>
      <input
        id="tags-input"
        value={text}
        placeholder="backend, security"
        onInput={(e) => {
          const value = e.currentTarget.value;
          if (value.endsWith(',')) {
            setText(value.slice(0, -1));
            queueMicrotask(() => void commit());
          } else setText(value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void commit();
          }
        }}
        onBlur={() => void commit()}
      />
      {error && (
        <p class="error small" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
