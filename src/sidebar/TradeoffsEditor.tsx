// The trade-offs accepted: what we gain, what we give up, and which function bears the cost.
import { newId } from '../core/ids';
import { FUNCTIONS, type Tradeoff } from '../core/schemas';
import { GuardedButton } from '../ui/GuardedButton';
import { useAutosave } from './use-autosave';

export interface TradeoffsEditorProps {
  tradeoffs: Tradeoff[];
  save: (tradeoffs: Tradeoff[]) => Promise<void>;
}

export function TradeoffsEditor({ tradeoffs, save }: TradeoffsEditorProps) {
  const draft = useAutosave(tradeoffs, save);
  const list = draft.value;
  const change = (id: string, patch: Partial<Tradeoff>) =>
    draft.set(list.map((t) => (t.id === id ? { ...t, ...patch } : t)));
  const add = () => {
    const t = { id: newId(), gain: '', cost: '', bornBy: '' };
    draft.set([...list, t]);
    requestAnimationFrame(() => document.getElementById(`tradeoff-gain-${t.id}`)?.focus());
  };

  return (
    <section class="subsection" aria-labelledby="tradeoffs-heading" onFocusOut={() => void draft.flush()}>
      <h3 id="tradeoffs-heading">Trade-offs</h3>
      {list.length === 0 && <p class="muted small">What do we gain, what do we give up, and who pays?</p>}
      <datalist id="functions-list">
        {FUNCTIONS.map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
      <ol class="plain-list">
        {list.map((t, i) => (
          <li key={t.id} class="item">
            <label for={`tradeoff-gain-${t.id}`}>Trade-off {i + 1}: what we gain</label>
            <input
              id={`tradeoff-gain-${t.id}`}
              value={t.gain}
              maxLength={2000}
              onInput={(e) => change(t.id, { gain: e.currentTarget.value })}
            />
            <label for={`tradeoff-cost-${t.id}`}>Trade-off {i + 1}: what we give up</label>
            <input
              id={`tradeoff-cost-${t.id}`}
              value={t.cost}
              maxLength={2000}
              onInput={(e) => change(t.id, { cost: e.currentTarget.value })}
            />
            <label for={`tradeoff-born-${t.id}`}>Trade-off {i + 1}: which function bears it</label>
            <input
              id={`tradeoff-born-${t.id}`}
              value={t.bornBy}
              maxLength={100}
              list="functions-list"
              onInput={(e) => change(t.id, { bornBy: e.currentTarget.value })}
            />
            <GuardedButton
              class="link danger small"
              confirmLabel={`Confirm removing trade-off ${i + 1}`}
              onRun={() => draft.set(list.filter((x) => x.id !== t.id))}
            >
              Remove trade-off {i + 1}
            </GuardedButton>
          </li>
        ))}
      </ol>
      <button type="button" onClick={add}>
        Add trade-off
      </button>
      {draft.error && (
        <p class="error small" role="alert">
          {draft.error}
        </p>
      )}
    </section>
  );
}
