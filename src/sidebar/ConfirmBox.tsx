// An inline confirmation (not a browser dialog, which would block the host page): names what is
// about to happen, takes focus, Esc or "Keep editing" backs out. It is the second step on another
// spot that guards the action against click-jacking, so only a trusted click confirms.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export interface ConfirmBoxProps {
  id: string;
  title: string;
  children?: ComponentChildren;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmBox({
  id,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Keep editing',
  onConfirm,
  onCancel,
}: ConfirmBoxProps) {
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div
      class="confirm"
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <p id={`${id}-title`} class="confirm-title">
        {title}
      </p>
      <div id={`${id}-body`}>{children}</div>
      <div class="row">
        <button type="button" class="primary" ref={confirm} onClick={(e) => e.isTrusted && onConfirm()}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}
