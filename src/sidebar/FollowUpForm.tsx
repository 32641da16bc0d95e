// Adds a follow-up: a title, an owner from the directory, and a due date in plain words.
import { useState } from 'preact/hooks';
import type { Stakeholder } from '../core/schemas';
import { act, errorText } from '../ui/actions';
import { addFollowUp } from './api';
import { DateInput, parseDue } from './DateInput';

export interface FollowUpFormProps {
  decisionId: string;
  people: Stakeholder[];
  defaultOwnerId: string | null;
}

export function FollowUpForm({ decisionId, people, defaultOwnerId }: FollowUpFormProps) {
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState<string | null>(null);
  const [due, setDue] = useState('');
  const [error, setError] = useState('');
  const ownerId = owner ?? defaultOwnerId ?? '';

  const save = async (e?: Event) => {
    e?.preventDefault();
    if (!title.trim()) return setError('Name the next step.');
    const dueAt = parseDue(due);
    if (dueAt === null)
      return setError('The due date cannot be read: try “fri”, “in 2 weeks” or 2026-12-01.');
    try {
      await act((ctx) =>
        addFollowUp(ctx, decisionId, {
          title,
          ownerId: ownerId || null,
          dueAt: dueAt?.toISOString() ?? null,
        }),
      );
      setTitle('');
      setDue('');
      setOwner(null);
      setError('');
      document.getElementById('followup-title')?.focus();
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <form class="inline-form" onSubmit={save} aria-label="Add a follow-up">
      <label for="followup-title">New follow-up</label>
      <input
        id="followup-title"
        value={title}
        maxLength={300}
        placeholder="What happens next?"
        onInput={(e) => setTitle(e.currentTarget.value)}
      />
      <div class="row">
        <span>
          <label for="followup-owner">Owner</label>
          <select id="followup-owner" value={ownerId} onChange={(e) => setOwner(e.currentTarget.value)}>
            <option value="">No owner</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </span>
        <DateInput id="followup-due" label="Due" text={due} onText={setDue} onEnter={() => void save()} />
      </div>
      {error && (
        <p class="error small" role="alert">
          {error}
        </p>
      )}
      <button type="submit">Add follow-up</button>
    </form>
  );
}
