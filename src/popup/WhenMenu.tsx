// A button that unfolds a few "when" choices and a date picker: Snooze (tomorrow, next week, a
// date) and Keep (next review in a month, a quarter, a date). Esc folds it back onto the button.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { formatDueLabel, startOfLocalDayAfter } from '../core/dates';
import { dateInputValue, dayFromDateInput } from '../core/due-popup';

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
  const picked = dayFromDateInput(day, timeZone);
  const tomorrow = dateInputValue(startOfLocalDayAfter(now, 1, timeZone), timeZone);

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
            class="row"
            onSubmit={(e) => {
              e.preventDefault();
              if (picked) choose(atDay(picked));
            }}
          >
            <input
              type="date"
              aria-label={`${groupLabel}: pick a date`}
              min={tomorrow}
              value={day}
              onInput={(e) => setDay(e.currentTarget.value)}
            />
            <button type="submit" disabled={!picked}>
              Set
            </button>
          </form>
        </fieldset>
      )}
    </span>
  );
}
