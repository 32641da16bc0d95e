// A button for an action a hostile page must not trick a person into (delete, status change,
// removal): runs at once only for a trusted click on a button the browser vouches was visible,
// otherwise asks again with a second button on another spot (see visible-guard.ts).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type VisibilityWatch, watchVisibility } from './visible-guard';

export interface GuardedButtonProps {
  children: ComponentChildren;
  /** Label of the confirm step, e.g. "Confirm delete". */
  confirmLabel: string;
  onRun: () => void;
  class?: string;
  /** The click only opens a further step of its own (still needs a trusted click). */
  unguarded?: boolean;
}

export function GuardedButton({
  children,
  confirmLabel,
  onRun,
  class: cls,
  unguarded = false,
}: GuardedButtonProps) {
  const ref = useRef<HTMLButtonElement>(null);
  const watch = useRef<VisibilityWatch | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const [asking, setAsking] = useState(false);
  // Keyboard and screen-reader users land on the question; a click still has to move to it.
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  useEffect(() => {
    if (!ref.current) return;
    const w = watchVisibility(ref.current);
    watch.current = w;
    return w.stop;
  }, []);
  const first = (e: MouseEvent) => {
    if (!e.isTrusted) return;
    if (unguarded || watch.current?.verified()) {
      setAsking(false);
      onRun();
    } else setAsking(true);
  };
  const confirm = (e: MouseEvent) => {
    if (!e.isTrusted) return;
    setAsking(false);
    onRun();
  };
  return (
    <>
      <button type="button" class={cls} ref={ref} onClick={first} aria-expanded={asking}>
        {children}
      </button>
      {asking && (
        <span class="guard-confirm">
          <button type="button" class="danger small" ref={confirmRef} onClick={confirm}>
            {confirmLabel}
          </button>
          <button type="button" class="small" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </span>
      )}
    </>
  );
}
