// One stakeholder on a decision: their RACI letter, their stance, and their note in their own words.
import { RACI_LABELS, STANCE_LABELS } from '../core/raci';
import type { Raci, Role, Stakeholder, Stance } from '../core/schemas';
import { RACI, STANCES } from '../core/schemas';
import { act } from '../ui/actions';
import { GuardedButton } from '../ui/GuardedButton';
import { removeRole, updateRole } from './api';
import { useAutosave } from './use-autosave';

export interface RoleRowProps {
  role: Role;
  person: Stakeholder;
  onError: (message: string) => void;
}

export function RoleRow({ role, person, onError }: RoleRowProps) {
  const note = useAutosave(role.note, (value) => act((ctx) => updateRole(ctx, role.id, { note: value })));
  // Selects keep their own draft too: a re-render mid-save must not snap them back, and arrowing
  // through stances records one change, not one per step.
  const fields = useAutosave({ raci: role.raci, stance: role.stance }, (value) =>
    act((ctx) => updateRole(ctx, role.id, value)).catch((e: Error) => onError(e.message)),
  );
  const change = (patch: { raci?: Raci; stance?: Stance }) => fields.set({ ...fields.value, ...patch });
  const base = `role-${role.id}`;
  return (
    <li class={`item role stance-border-${role.stance}`}>
      <div class="row role-head">
        <strong>{person.name}</strong>
        {person.function && <span class="muted small">{person.function}</span>}
        <span class="spacer" />
        <GuardedButton
          class="link danger small"
          confirmLabel={`Confirm removing ${person.name}`}
          onRun={() => void act((ctx) => removeRole(ctx, role.id)).catch((e: Error) => onError(e.message))}
        >
          Remove <span class="sr-only">{person.name}</span>
        </GuardedButton>
      </div>
      <div class="row">
        <span>
          <label for={`${base}-raci`}>Role of {person.name}</label>
          <select
            id={`${base}-raci`}
            value={fields.value.raci}
            onBlur={() => void fields.flush()}
            onChange={(e) => change({ raci: e.currentTarget.value as Raci })}
          >
            {RACI.map((r) => (
              <option key={r} value={r}>
                {RACI_LABELS[r]} ({r})
              </option>
            ))}
          </select>
        </span>
        <span>
          <label for={`${base}-stance`}>Stance of {person.name}</label>
          <select
            id={`${base}-stance`}
            value={fields.value.stance}
            onBlur={() => void fields.flush()}
            onChange={(e) => change({ stance: e.currentTarget.value as Stance })}
          >
            {STANCES.map((s) => (
              <option key={s} value={s}>
                {STANCE_LABELS[s]}
              </option>
            ))}
          </select>
        </span>
      </div>
      <label for={`${base}-note`}>{person.name}’s note, in their words</label>
      <textarea
        id={`${base}-note`}
        class="short"
        value={note.value}
        onInput={(e) => note.set(e.currentTarget.value)}
        onBlur={() => void note.flush()}
      />
      {note.error && (
        <p class="error small" role="alert">
          {note.error}
        </p>
      )}
    </li>
  );
}
