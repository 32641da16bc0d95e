// The line that says what an action did ("Done: Send the plan"), with Undo where it can be taken
// back, or what went wrong. Announced to screen readers; takes the focus an action's item left.
import { useEffect, useRef } from 'preact/hooks';

export interface Status {
  text: string;
  error?: boolean;
  undo?: () => void;
}

export interface StatusLineProps {
  status: Status | null;
}

export function StatusLine({ status }: StatusLineProps) {
  const undo = useRef<HTMLButtonElement>(null);
  const line = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // The item the action was on has gone from the list; keep the keyboard nearby.
    if (status) (undo.current ?? line.current)?.focus();
  }, [status]);
  return (
    <div class="status" role="status">
      {status && (
        <p class={status.error ? 'row error' : 'row'} ref={line} tabIndex={-1}>
          <span>{status.text}</span>
          {status.undo && (
            <button type="button" class="link" ref={undo} onClick={status.undo}>
              Undo
            </button>
          )}
        </p>
      )}
    </div>
  );
}
