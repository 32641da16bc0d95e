// Who is Responsible, Accountable, Consulted and Informed, and where each stands. People come from
// the page (suggestions), the directory (autocomplete) or are created inline; the one-Accountable rule is stated as it is broken.
import { useState } from 'preact/hooks';
import { accountableProblem } from '../core/clarity';
import { RACI_LABELS } from '../core/raci';
import { RACI, type Raci, type Role, type Stakeholder } from '../core/schemas';
import { act, errorText } from '../ui/actions';
import { addRole, createStakeholder } from './api';
import { PageSuggestions } from './PageSuggestions';
import { RoleRow } from './RoleRow';
import { type PickedPerson, StakeholderPicker } from './StakeholderPicker';
import { usePagePeople } from './use-page-people';

export interface RaciEditorProps {
  decisionId: string;
  roles: Role[];
  /** The whole directory (for names and autocomplete). */
  people: Stakeholder[];
}

const ORDER: Record<Raci, number> = { A: 0, R: 1, C: 2, I: 3 };

export function RaciEditor({ decisionId, roles, people }: RaciEditorProps) {
  const hasA = roles.some((r) => r.raci === 'A');
  const [raci, setRaci] = useState<Raci | ''>('');
  const [error, setError] = useState('');
  const chosen: Raci = raci || (hasA ? 'C' : 'A');
  const byId = new Map(people.map((p) => [p.id, p]));
  const problem = roles.length ? accountableProblem(roles) : null;
  const pagePeople = usePagePeople();

  const add = async (picked: PickedPerson) => {
    setError('');
    // Back to the default at once, so a letter chosen for the next person is not reset under them.
    const as = chosen;
    setRaci('');
    try {
      await act(async (ctx) => {
        const id = 'id' in picked ? picked.id : await createStakeholder(ctx, { name: picked.name });
        return addRole(ctx, decisionId, id, as);
      });
    } catch (e) {
      setError(errorText(e));
    }
  };

  const sorted = [...roles].sort((a, b) => ORDER[a.raci] - ORDER[b.raci]);
  return (
    <section class="subsection" aria-labelledby="raci-heading">
      <h3 id="raci-heading">Stakeholders (RACI)</h3>
      {problem && (
        <p class="warn small" role="status">
          {problem}
        </p>
      )}
      <ul class="plain-list" aria-label="Stakeholders of this decision">
        {sorted.map((role) => {
          const person = byId.get(role.stakeholderId);
          return person && <RoleRow key={role.id} role={role} person={person} onError={setError} />;
        })}
      </ul>
      <PageSuggestions
        decisionId={decisionId}
        roles={roles}
        people={people}
        pagePeople={pagePeople}
        onError={setError}
      />
      <div class="add-role row">
        <span>
          <label for="add-role-raci">As</label>
          <select id="add-role-raci" value={chosen} onChange={(e) => setRaci(e.currentTarget.value as Raci)}>
            {RACI.map((r) => (
              <option key={r} value={r}>
                {RACI_LABELS[r]} ({r})
              </option>
            ))}
          </select>
        </span>
        <StakeholderPicker
          id="add-role-person"
          label="Add a stakeholder"
          people={people}
          onPick={(p) => void add(p)}
        />
      </div>
      {error && (
        <p class="error small" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
