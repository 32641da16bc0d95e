// A button for an action a hostile page must not trick a person into (delete, status change,
// removal): runs at once only for a trusted click on a button the browser vouches was visible,
// otherwise asks again with a second button on another spot (see visible-guard.ts).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type VisibilityWatch, watchVisibility } from './visible-guard';

/**
 * The visibility watch of one control, for as long as it is mounted: `verified()` says whether
 * the browser vouches it has been visible long enough for a click on it to run at once.
 */
export function useVisibilityGuard<T extends Element>() {
  const ref = useRef<T>(null);
  const watch = useRef<VisibilityWatch | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const w = watchVisibility(ref.current);
    watch.current = w;
    return w.stop;
  }, []);
  return { ref, verified: () => watch.current?.verified() ?? false };
}

/** The second step: a confirm button beside the control (it takes focus), and Cancel. */
export function GuardConfirm({
  label,
  onConfirm,
  onCancel,
}: {
  label: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  // Keyboard and screen-reader users land on the question; a click still has to move to it.
  useEffect(() => confirmRef.current?.focus(), []);
  return (
    <span class="guard-confirm">
      <button
        type="button"
        class="danger small"
        ref={confirmRef}
        onClick={(e) => {
          if (e.isTrusted) onConfirm();
        }}
      >
        {label}
      </button>
      <button type="button" class="small" onClick={onCancel}>
        Cancel
      </button>
    </span>
  );
}

export interface GuardedButtonProps {
  children: ComponentChildren;
  /** Label of the confirm step, e.g. "Confirm delete". */
  confirmLabel: string;
  onRun: () => void;
  class?: string;
  /** The button's accessible name when its text is only a sign (×). */
  label?: string;
  /** The click only opens a further step of its own (still needs a trusted click). */
  unguarded?: boolean;
}

export function GuardedButton({
  children,
  confirmLabel,
  onRun,
  class: cls,
  label,
  unguarded = false,
}: GuardedButtonProps) {
  const guard = useVisibilityGuard<HTMLButtonElement>();
  const [asking, setAsking] = useState(false);
  const first = (e: MouseEvent) => {
    if (!e.isTrusted) return;
    if (unguarded || guard.verified()) {
      setAsking(false);
      onRun();
    } else setAsking(true);
  };
  return (
    <>
      <button
        type="button"
        class={cls}
        ref={guard.ref}
        onClick={first}
        aria-label={label}
        aria-expanded={asking}
      >
        {children}
      </button>
      {asking && (
        <GuardConfirm
          label={confirmLabel}
          onConfirm={() => {
            setAsking(false);
            onRun();
          }}
          onCancel={() => setAsking(false)}
        />
      )}
    </>
  );
}
