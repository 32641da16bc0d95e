// A button that unfolds a few "when" choices and a day typed in words: Snooze (tomorrow, next
// week, a day) and Keep (next review in a month, a quarter, a day). The typed day reads like
// every other date ("→ Thu 3 Dec, 09:00"), not the browser's mm/dd/yyyy date picker. Esc folds
// it back onto the button.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { formatDueLabel, parseDueDate } from '../core/dates';

export interface WhenChoice {
  label: string;
  at: Date;
}

export interface WhenMenuProps {
  /** The button's text, e.g. "Snooze". */
  label: string;
  /** Names the group of choices, e.g. "Snooze until". */
  groupLabel: string;
  choices: WhenChoice[];
  /** The instant a picked day (an instant inside it) stands for. */
  atDay: (day: Date) => Date;
  now: Date;
  timeZone: string;
  describedBy: string;
  onChoose: (at: Date) => void;
}

export function WhenMenu(props: WhenMenuProps) {
  const { label, groupLabel, choices, atDay, now, timeZone, describedBy, onChoose } = props;
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState('');
  const id = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };
  const choose = (at: Date) => {
    setOpen(false);
    onChoose(at);
  };
  const parsed = day.trim() ? parseDueDate(day, now, timeZone) : null;
  const at = parsed ? atDay(parsed.date) : null;
  // Only a later day: snoozing into the past would bring the item straight back.
  const picked = at && at > now ? at : null;
  const hint = !day.trim()
    ? ''
    : picked
      ? `→ ${formatDueLabel(picked, now, timeZone)}`
      : parsed
        ? 'Pick a day after today.'
        : 'Can’t read this day. Try “fri”, “3 dec” or 2026-12-03.';

  return (
    <span class="when">
      <button
        type="button"
        ref={trigger}
        aria-expanded={open}
        aria-controls={id}
        aria-describedby={describedBy}
        onClick={() => setOpen(!open)}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <fieldset
          id={id}
          class="when-menu"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            }
          }}
        >
          <legend class="sr-only">{groupLabel}</legend>
          {choices.map((c, i) => (
            <button
              type="button"
              key={c.label}
              ref={i === 0 ? first : undefined}
              onClick={() => choose(c.at)}
            >
              {c.label} <span class="muted">· {formatDueLabel(c.at, now, timeZone)}</span>
            </button>
          ))}
          <form
            class="when-day"
            onSubmit={(e) => {
              e.preventDefault();
              if (picked) choose(picked);
            }}
          >
            <span class="row">
              <input
                type="text"
                aria-label={`${groupLabel}: a day`}
                aria-describedby={`${id}-day`}
                aria-invalid={!!day.trim() && !picked}
                placeholder="fri, 3 dec, in 2 weeks"
                maxLength={80}
                value={day}
                onInput={(e) => setDay(e.currentTarget.value)}
              />
              <button type="submit" disabled={!picked}>
                Set
              </button>
            </span>
            <span
              id={`${id}-day`}
              class={`small ${day.trim() && !picked ? 'error' : 'muted'}`}
              aria-live="polite"
            >
              {hint}
            </span>
          </form>
        </fieldset>
      )}
    </span>
  );
}
