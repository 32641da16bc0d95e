// The new-decision form: prefilled with the quote, Enter saves a `proposed` decision with only a
// title, Esc cancels and leaves nothing behind. The line also takes quick-add syntax
// ("Use Postgres for sync @Dana #backend due:fri !decided"), previewed before saving.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PendingCapture } from '../background/tab-state';
import { parseQuickAdd, QUICK_ADD_HINT } from '../core/quick-add';
import { quickAddProblem } from '../core/quick-add-check';
import { act, errorText } from '../ui/actions';
import { createDecision, createFromQuickAdd, useDirectory } from './api';
import { QuickAddPreview, usesQuickAdd } from './QuickAddPreview';
import { localTimeZone } from './when';

export interface CaptureFormProps {
  capture: PendingCapture;
  onDone: (decisionId: string | null) => void;
}

export function CaptureForm({ capture, onDone }: CaptureFormProps) {
  const [title, setTitle] = useState('');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const people = useDirectory();
  useEffect(() => input.current?.focus(), []);
  const quick = usesQuickAdd(title);
  const parsed = quick ? parseQuickAdd(title, new Date(), localTimeZone()) : null;
  const problem = parsed ? quickAddProblem(parsed) : null;

  async function save(e?: Event) {
    e?.preventDefault();
    if (saving) return;
    if (!title.trim()) return setError('Say what was decided (a short title).');
    if (parsed && (parsed.errors.length || problem))
      return setError(`Fix the line first: ${[...parsed.errors, problem].filter(Boolean).join(' ')}`);
    setSaving(true);
    const anchor = {
      pageKey: capture.pageKey,
      url: capture.url,
      pageTitle: capture.title,
      site: capture.site,
      selectors: capture.selectors,
    };
    try {
      const id = await act((ctx) =>
        parsed
          ? createFromQuickAdd(ctx, { ...parsed, dueAt: parsed.due?.date.toISOString() ?? null }, anchor)
          : createDecision(ctx, { title }, anchor),
      );
      onDone(id);
    } catch (err) {
      setError(errorText(err));
      setSaving(false);
    }
  }

  return (
    <form
      class="capture"
      onSubmit={save}
      onKeyDown={(e) => e.key === 'Escape' && onDone(null)}
      aria-label="Log a decision"
    >
      <h2>Log a decision</h2>
      {capture.selectors ? (
        <blockquote class="quote">{capture.selectors.quote.exact}</blockquote>
      ) : (
        <p class="muted">
          {capture.canHighlight
            ? 'A page decision: it belongs to this page without a highlighted passage.'
            : 'This page draws its text on a canvas (as Google Docs does), so Decidedly cannot highlight it. The decision belongs to the whole document.'}
        </p>
      )}
      <label for="capture-title">Decision</label>
      <input
        id="capture-title"
        ref={input}
        value={title}
        maxLength={400}
        placeholder="What did we decide?"
        onInput={(e) => {
          setTitle(e.currentTarget.value);
          setError('');
        }}
        aria-describedby="capture-hint capture-syntax"
        aria-invalid={!!error}
      />
      <p id="capture-hint" class="muted small">
        <kbd>Enter</kbd> saves a draft, <kbd>Esc</kbd> cancels. Everything else can be filled in later.
      </p>
      <p id="capture-syntax" class="muted small">
        Quick add: {QUICK_ADD_HINT}
      </p>
      {parsed && <QuickAddPreview parsed={parsed} problem={problem} people={people} />}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary" disabled={saving}>
          Save
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
