// A due-date box that reads natural language ("next friday", "in 2 weeks", "2026-12-01") and shows the
// date it understood before anything is saved.
import { parseDueDate } from '../core/dates';
import { localTimeZone } from './when';

export interface DateInputProps {
  id: string;
  label: string;
  text: string;
  onText: (text: string) => void;
  onEnter?: () => void;
}

/** The date `text` means now, or null; `undefined` when nothing was typed. */
export function parseDue(text: string, now = new Date()): Date | null | undefined {
  if (!text.trim()) return undefined;
  return parseDueDate(text, now, localTimeZone())?.date ?? null;
}

export function DateInput({ id, label, text, onText, onEnter }: DateInputProps) {
  const parsed = text.trim() ? parseDueDate(text, new Date(), localTimeZone()) : null;
  return (
    <span class="date-input">
      <label for={id}>{label}</label>
      <input
        id={id}
        value={text}
        maxLength={80}
        placeholder="tomorrow, eow, next friday, 2026-12-01"
        aria-describedby={`${id}-parsed`}
        aria-invalid={!!text.trim() && !parsed}
        onInput={(e) => onText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && onEnter) {
            e.preventDefault();
            onEnter();
          }
        }}
      />
      <span
        id={`${id}-parsed`}
        class={`small ${text.trim() && !parsed ? 'error' : 'muted'}`}
        aria-live="polite"
      >
        {!text.trim()
          ? ''
          : parsed
            ? `→ ${parsed.label}`
            : 'Can’t read this date. Try “fri”, “in 2 weeks” or 2026-12-01.'}
      </span>
    </span>
  );
}
