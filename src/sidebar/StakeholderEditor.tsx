// One stakeholder in the directory: who they are, what they care about (the why behind their
// position) and their salience — power, legitimacy, urgency and the Mitchell class that follows.
import { isAssessed, SALIENCE_HINTS, salienceClass } from '../core/salience';
import type { Stakeholder } from '../core/schemas';
import { act } from '../ui/actions';
import { AutoInput } from './AutoInput';
import { type StakeholderFields, updateStakeholder } from './api';

export interface StakeholderEditorProps {
  person: Stakeholder;
}

const ATTRIBUTES = [
  ['power', 'Power', 'Can impose their will on the decision'],
  ['legitimacy', 'Legitimacy', 'Has a rightful claim to be heard'],
  ['urgency', 'Urgency', 'Needs attention now'],
] as const;

export function StakeholderEditor({ person }: StakeholderEditorProps) {
  const save = (fields: StakeholderFields) => act((ctx) => updateStakeholder(ctx, person.id, fields));
  const base = `person-${person.id}`;
  const klass = isAssessed(person) ? salienceClass(person) : null;
  return (
    <div class="stakeholder-editor">
      <AutoInput
        id={`${base}-name`}
        label="Name"
        value={person.name}
        maxLength={120}
        save={async (name) => {
          if (name.trim()) await save({ name });
        }}
      />
      <AutoInput
        id={`${base}-email`}
        label="Email"
        type="email"
        value={person.email ?? ''}
        maxLength={254}
        save={(email) => save({ email: email.trim() || null })}
      />
      <AutoInput
        id={`${base}-function`}
        label="Function"
        value={person.function}
        list="directory-functions"
        maxLength={60}
        save={(fn) => save({ function: fn })}
      />
      <AutoInput
        id={`${base}-interests`}
        label="Interests (the why behind their position)"
        value={person.interests}
        multiline
        save={(interests) => save({ interests })}
      />
      <fieldset class="salience">
        <legend>Salience</legend>
        {ATTRIBUTES.map(([key, name, hint]) => (
          <label key={key} class="check">
            <input
              type="checkbox"
              checked={person[key]}
              onChange={(e) => void save({ [key]: e.currentTarget.checked })}
            />
            {name} <span class="muted small">— {hint}</span>
          </label>
        ))}
        <p class="small" role="status">
          <strong class="salience-class">{klass ?? 'not assessed'}</strong>:{' '}
          {klass ? SALIENCE_HINTS[klass] : 'Tick what applies; until then their roles suggest it.'}
        </p>
      </fieldset>
    </div>
  );
}
