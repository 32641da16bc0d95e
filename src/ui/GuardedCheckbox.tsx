// A checkbox whose change is an action a hostile page must not trick a person into (a follow-up
// marked done): the GuardedButton rule for a checkbox. A trusted click on a box the browser
// vouches was visible changes it at once; any other trusted click leaves it as it was and asks
// again with a confirm button beside it; a script's click changes nothing (visible-guard.ts).
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { GuardConfirm } from './GuardConfirm';
import { useVisibilityGuard } from './use-visibility-guard';

export interface GuardedCheckboxProps {
  checked: boolean;
  /** The new state, once the change is vouched for or confirmed. */
  onRun: (checked: boolean) => void;
  /** Label of the confirm step for the state asked for, e.g. "Confirm done". */
  confirmLabel: (checked: boolean) => string;
  /** The label's content, beside the box. */
  children: ComponentChildren;
  class?: string;
}

export function GuardedCheckbox({
  checked,
  onRun,
  confirmLabel,
  children,
  class: cls,
}: GuardedCheckboxProps) {
  const guard = useVisibilityGuard<HTMLInputElement>();
  /** The state a click asked for and the person is asked to confirm; null when not asking. */
  const [asking, setAsking] = useState<boolean | null>(null);
  const click = (e: MouseEvent) => {
    // By now the browser has flipped the box; preventDefault flips it back after the event.
    const wanted = (e.currentTarget as HTMLInputElement).checked;
    if (!e.isTrusted) return e.preventDefault();
    if (guard.verified()) {
      setAsking(null);
      onRun(wanted);
    } else {
      e.preventDefault();
      setAsking(wanted);
    }
  };
  return (
    <>
      <label class={cls ?? 'check'}>
        <input type="checkbox" ref={guard.ref} checked={checked} onClick={click} />
        {children}
      </label>
      {asking !== null && (
        <GuardConfirm
          label={confirmLabel(asking)}
          onConfirm={() => {
            setAsking(null);
            onRun(asking);
          }}
          onCancel={() => setAsking(null)}
        />
      )}
    </>
  );
}
