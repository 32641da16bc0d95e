// A fieldset of checkboxes choosing any number of values (statuses, gaps).
import { useId } from 'preact/hooks';

export interface CheckGroupProps<T extends string> {
  legend: string;
  options: readonly { value: T; label: string }[];
  values: readonly T[];
  onChange: (values: T[]) => void;
}

export function CheckGroup<T extends string>({ legend, options, values, onChange }: CheckGroupProps<T>) {
  const id = useId();
  // Keep the options' order whatever the click order, so the URL of a view is stable.
  const toggle = (value: T, on: boolean) =>
    onChange(options.map((o) => o.value).filter((v) => (v === value ? on : values.includes(v))));
  return (
    <fieldset class="check-group">
      <legend>{legend}</legend>
      {options.map((o) => (
        <span class="check" key={o.value}>
          <input
            type="checkbox"
            id={`${id}-${o.value}`}
            checked={values.includes(o.value)}
            onChange={(e) => toggle(o.value, (e.currentTarget as HTMLInputElement).checked)}
          />
          <label for={`${id}-${o.value}`}>{o.label}</label>
        </span>
      ))}
    </fieldset>
  );
}
