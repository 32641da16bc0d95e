// A button for an action a hostile page must not trick a person into (delete, status change,
// removal): runs at once only for a trusted click on a button the browser vouches was visible,
// otherwise asks again with a second button on another spot (see visible-guard.ts).
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { GuardConfirm } from './GuardConfirm';
import { useVisibilityGuard } from './use-visibility-guard';

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
