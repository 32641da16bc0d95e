// "Deleted “…” — Undo" for a few seconds after a decision is deleted. The time stops while the
// pointer or the keyboard is on the toast (WCAG 2.2.1), and Ctrl+Z (⌘Z) undoes from anywhere on
// the page but a text field, whose own undo it leaves alone. The toast never takes the focus:
// the page decides where the keyboard goes after a delete.
import { useEffect, useState } from 'preact/hooks';
import { errorText } from './actions';
import { useUndoDelete } from './use-undo-delete';
import './data-safety.css';

export interface UndoToastProps {
  /** How long Undo is offered. */
  timeoutMs?: number;
}

export const UNDO_MS = 8000;

const isEditable = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

export function UndoToast({ timeoutMs = UNDO_MS }: UndoToastProps) {
  const { pending, undo, dismiss } = useUndoDelete();
  const [held, setHeld] = useState(false);
  const [error, setError] = useState('');
  const onUndo = () => void undo().catch((e) => setError(`Could not undo: ${errorText(e)}`));

  useEffect(() => {
    if (!pending || held) return;
    const timer = setTimeout(dismiss, timeoutMs);
    return () => clearTimeout(timer);
  }, [pending, held, timeoutMs]);
  useEffect(() => {
    if (!pending) return;
    setError('');
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'z' || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey) return;
      if (isEditable(e.target)) return;
      e.preventDefault();
      onUndo();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [pending]);

  if (!pending && !error) return null;
  return (
    <div
      class="undo-toast"
      role="status"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocusIn={() => setHeld(true)}
      onFocusOut={() => setHeld(false)}
      onKeyDown={(e) => e.key === 'Escape' && dismiss()}
    >
      {pending ? (
        <>
          <span>Deleted “{pending.title}”.</span>
          <button type="button" onClick={onUndo} aria-keyshortcuts="Control+Z Meta+Z">
            Undo
          </button>
          <button type="button" aria-label="Close" onClick={dismiss}>
            ×
          </button>
        </>
      ) : (
        <>
          <span class="error">{error}</span>
          <button type="button" aria-label="Close" onClick={() => setError('')}>
            ×
          </button>
        </>
      )}
    </div>
  );
}
