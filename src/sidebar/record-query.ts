// The live query behind the decision view: the decision's bundle, the stakeholder directory (for
// names and autocomplete) and the titles of the decisions it supersedes or is superseded by.
import type { Decision, Stakeholder } from '../core/schemas';
import type { DecidedlyDb } from '../storage/db';
import { type DecisionBundle, decisionBundle } from '../storage/queries';

export interface RecordData {
  bundle: DecisionBundle;
  directory: Stakeholder[];
  supersedes: Decision | null;
  supersededBy: Decision | null;
}

/** Every live stakeholder, by name. */
export async function directoryOf(db: DecidedlyDb): Promise<Stakeholder[]> {
  const all = await db.stakeholders.toArray();
  return all.filter((s) => !s.deleted).sort((a, b) => a.name.localeCompare(b.name));
}

export async function recordData(db: DecidedlyDb, id: string): Promise<RecordData | null> {
  const bundle = await decisionBundle(db, id);
  if (!bundle) return null;
  const { decision } = bundle;
  const [directory, supersedes, supersededBy] = await Promise.all([
    directoryOf(db),
    decision.supersedes ? db.decisions.get(decision.supersedes) : undefined,
    decision.supersededBy ? db.decisions.get(decision.supersededBy) : undefined,
  ]);
  return { bundle, directory, supersedes: supersedes ?? null, supersededBy: supersededBy ?? null };
}
