// The stakeholder directory: everyone who can take a role on a decision, with their function,
// interests and salience; new people are added by name and filled in later.
import { useEffect, useRef, useState } from 'preact/hooks';
import { isAssessed, salienceClass } from '../core/salience';
import { FUNCTIONS } from '../core/schemas';
import { act, errorText } from '../ui/actions';
import { createStakeholder, useDirectory } from './api';
import { StakeholderEditor } from './StakeholderEditor';

export interface DirectoryProps {
  onBack: () => void;
}

export function Directory({ onBack }: DirectoryProps) {
  const people = useDirectory();
  const [name, setName] = useState('');
  const [opened, setOpened] = useState<string | null>(null);
  const [error, setError] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const add = async (e: Event) => {
    e.preventDefault();
    if (!name.trim()) return setError('Type a name.');
    try {
      setOpened(await act((ctx) => createStakeholder(ctx, { name })));
      setName('');
      setError('');
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <section class="directory" aria-labelledby="directory-title">
      <button type="button" class="link" onClick={onBack}>
        ← All decisions on this page
      </button>
      <h2 id="directory-title" class="decision-title" tabIndex={-1} ref={heading}>
        Stakeholder directory
      </h2>
      <datalist id="directory-functions">
        {FUNCTIONS.map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
      <form class="row" onSubmit={add}>
        <label for="new-person" class="sr-only">
          New stakeholder's name
        </label>
        <input
          id="new-person"
          value={name}
          placeholder="Name"
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <button type="submit">Add stakeholder</button>
      </form>
      {error && (
        <p class="error small" role="alert">
          {error}
        </p>
      )}
      {people.length === 0 && <p class="muted">Nobody yet. People you add to decisions appear here too.</p>}
      <ul class="plain-list">
        {people.map((p) => (
          <li key={p.id}>
            <details open={opened === p.id}>
              <summary>
                <strong>{p.name}</strong>
                {p.function && <span class="muted"> · {p.function}</span>}
                <span class="muted small"> · {isAssessed(p) ? salienceClass(p) : 'not assessed'}</span>
              </summary>
              <StakeholderEditor person={p} />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
