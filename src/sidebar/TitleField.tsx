// Editing what was decided, saved as you type; blank is never saved (a decision needs a title).
import { act } from '../ui/actions';
import { updateDecision } from './api';
import { useAutosave } from './use-autosave';

export interface TitleFieldProps {
  decisionId: string;
  title: string;
}

export function TitleField({ decisionId, title }: TitleFieldProps) {
  const draft = useAutosave(title, async (value) => {
    if (value.trim()) await act((ctx) => updateDecision(ctx, decisionId, { title: value }));
  });
  const blank = !draft.value.trim();
  return (
    <div class="field">
      <label for="record-title">What was decided</label>
      <input
        id="record-title"
        value={draft.value}
        maxLength={300}
        aria-invalid={blank}
        aria-describedby="record-title-error"
        onInput={(e) => draft.set(e.currentTarget.value)}
        onBlur={() => void draft.flush()}
      />
      <p id="record-title-error" class="error small" role={blank || draft.error ? 'alert' : undefined}>
        {blank ? 'A decision needs a title: what was decided?' : draft.error}
      </p>
    </div>
  );
}
