// A combobox over the stakeholder directory: type to narrow, arrows to move, Enter to pick — or to
// create the typed name as a new stakeholder inline.
import { useState } from 'preact/hooks';
import type { Stakeholder } from '../core/schemas';
import { hasExactName, matchPeople } from './people-match';

export type PickedPerson = { id: string } | { name: string };

export interface StakeholderPickerProps {
  id: string;
  label: string;
  people: Stakeholder[];
  onPick: (person: PickedPerson) => void;
}

export function StakeholderPicker({ id, label, people, onPick }: StakeholderPickerProps) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = query.trim() ? matchPeople(people, query) : [];
  const canCreate = !!query.trim() && !hasExactName(people, query);
  const choices: PickedPerson[] = [
    ...matches.map((s) => ({ id: s.id })),
    ...(canCreate ? [{ name: query.trim() }] : []),
  ];
  const current = Math.min(active, Math.max(0, choices.length - 1));
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;

  const pick = (choice: PickedPerson | undefined) => {
    if (!choice) return;
    onPick(choice);
    setQuery('');
    setOpen(false);
    setActive(0);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const n = Math.max(1, choices.length);
      setActive((current + (e.key === 'ArrowDown' ? 1 : -1) + n) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(choices[current]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  const expanded = open && choices.length > 0;
  return (
    <div class="picker">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? optionId(current) : undefined}
        aria-describedby={`${id}-hint`}
        placeholder="Name, email or function"
        value={query}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <span id={`${id}-hint`} class="sr-only">
        Up and down arrows choose, Enter adds.
      </span>
      <div
        id={listId}
        role="listbox"
        aria-label={`${label}: suggestions`}
        class="picker-list"
        hidden={!expanded}
      >
        {choices.map((c, i) => {
          const person = 'id' in c ? people.find((p) => p.id === c.id) : undefined;
          return (
            <div
              key={'id' in c ? c.id : 'new'}
              id={optionId(i)}
              role="option"
              tabIndex={-1}
              aria-selected={i === current}
              class={i === current ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(c);
              }}
            >
              {person ? (
                <>
                  {person.name}
                  {person.function && <span class="muted"> · {person.function}</span>}
                </>
              ) : (
                <>Create “{'name' in c ? c.name : ''}”</>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
