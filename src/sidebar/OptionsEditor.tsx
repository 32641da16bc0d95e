// The alternatives considered: each option's title, pros and cons, and which one was chosen. The
// list saves as a whole, as you type, like every other field of the record.
import { newId } from '../core/ids';
import type { DecisionOption } from '../core/schemas';
import { GuardedButton } from '../ui/GuardedButton';
import { useAutosave } from './use-autosave';

export interface OptionsEditorProps {
  options: DecisionOption[];
  save: (options: DecisionOption[]) => Promise<void>;
}

export function OptionsEditor({ options, save }: OptionsEditorProps) {
  const draft = useAutosave(options, save);
  const list = draft.value;
  const change = (id: string, patch: Partial<DecisionOption>) =>
    draft.set(list.map((o) => (o.id === id ? { ...o, ...patch } : o)));
  const add = () => {
    const option = { id: newId(), title: '', pros: '', cons: '', chosen: false };
    draft.set([...list, option]);
    // Focus the new option's title once it is rendered.
    requestAnimationFrame(() => document.getElementById(`option-title-${option.id}`)?.focus());
  };

  return (
    <section class="subsection" aria-labelledby="options-heading" onFocusOut={() => void draft.flush()}>
      <h3 id="options-heading">Options considered</h3>
      {list.length === 0 && <p class="muted small">Which alternatives were on the table?</p>}
      <ol class="plain-list">
        {list.map((o, i) => {
          const name = o.title.trim() || `Option ${i + 1}`;
          return (
            <li key={o.id} class={`item${o.chosen ? ' chosen' : ''}`}>
              <label for={`option-title-${o.id}`}>Option {i + 1}</label>
              <input
                id={`option-title-${o.id}`}
                value={o.title}
                maxLength={300}
                onInput={(e) => change(o.id, { title: e.currentTarget.value })}
              />
              <label for={`option-pros-${o.id}`}>Pros of {name}</label>
              <textarea
                id={`option-pros-${o.id}`}
                value={o.pros}
                onInput={(e) => change(o.id, { pros: e.currentTarget.value })}
              />
              <label for={`option-cons-${o.id}`}>Cons of {name}</label>
              <textarea
                id={`option-cons-${o.id}`}
                value={o.cons}
                onInput={(e) => change(o.id, { cons: e.currentTarget.value })}
              />
              <div class="row">
                <label class="check">
                  <input
                    type="checkbox"
                    checked={o.chosen}
                    onChange={(e) => change(o.id, { chosen: e.currentTarget.checked })}
                  />
                  Chosen
                  <span class="sr-only"> ({name})</span>
                </label>
                <GuardedButton
                  class="link danger small"
                  confirmLabel={`Confirm removing ${name}`}
                  onRun={() => draft.set(list.filter((x) => x.id !== o.id))}
                >
                  Remove <span class="sr-only">{name}</span>
                </GuardedButton>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={add}>
        Add option
      </button>
      {draft.error && (
        <p class="error small" role="alert">
          {draft.error}
        </p>
      )}
    </section>
  );
}
