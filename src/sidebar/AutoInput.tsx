// A one-line or multi-line text input that saves as you type (see use-autosave).
import { useAutosave } from './use-autosave';

export interface AutoInputProps {
  id: string;
  label: string;
  value: string;
  save: (value: string) => Promise<void>;
  multiline?: boolean;
  type?: 'text' | 'email';
  list?: string;
  placeholder?: string;
  maxLength?: number;
}

export function AutoInput({
  id,
  label,
  value,
  save,
  multiline,
  type,
  list,
  placeholder,
  maxLength,
}: AutoInputProps) {
  const draft = useAutosave(value, save);
  const common = {
    id,
    value: draft.value,
    placeholder,
    maxLength,
    onBlur: () => void draft.flush(),
    'aria-describedby': draft.error ? `${id}-error` : undefined,
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea {...common} onInput={(e) => draft.set(e.currentTarget.value)} />
      ) : (
        <input
          {...common}
          type={type ?? 'text'}
          list={list}
          onInput={(e) => draft.set(e.currentTarget.value)}
        />
      )}
      {draft.error && (
        <p id={`${id}-error`} class="error small" role="alert">
          {draft.error}
        </p>
      )}
    </div>
  );
}
