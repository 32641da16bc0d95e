// The second step of the click-jacking guard (GuardedButton, GuardedCheckbox): a confirm button
// beside the control, which takes focus, and Cancel. Only a person's click confirms.
import { useEffect, useRef } from 'preact/hooks';

export interface GuardConfirmProps {
  /** What the confirm button says, e.g. "Confirm delete". */
  label: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function GuardConfirm({ label, onConfirm, onCancel }: GuardConfirmProps) {
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
