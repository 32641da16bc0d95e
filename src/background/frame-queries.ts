// The queries an extension frame in a page may subscribe to (frame-port.ts), run by the
// background under Dexie's liveQuery so a change anywhere pushes a fresh result. Results are
// plain JSON: Chromium serialises port messages as JSON.
import type { Decision, Stakeholder } from '../core/schemas';
import type {
  PageSummaryWire,
  QueryArgs,
  QueryName,
  QueryResults,
  RecordData,
} from '../messaging/frame-port';
import type { DecidedlyDb } from '../storage/db';
import { database } from '../storage/db';
import { decisionBundle, pageDecisions } from '../storage/queries';
import { readStatus } from '../sync/status';
import { tabView } from './frame-tab';

const live = <T extends { deleted: boolean }>(rows: T[]) => rows.filter((r) => !r.deleted);

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

/** Each decision of a page with what its card shows, and the people involved. */
export async function pageSummaryWire(db: DecidedlyDb, pageKey: string): Promise<PageSummaryWire> {
  if (!pageKey) return { cards: [], anchors: [], people: [] };
  const { anchors, decisions } = await pageDecisions(db, pageKey);
  const ids = decisions.map((d) => d.id);
  const [roles, followUps] = await Promise.all([
    db.roles.where('decisionId').anyOf(ids).toArray(),
    db.followUps.where('decisionId').anyOf(ids).toArray(),
  ]);
  const liveRoles = live(roles);
  const stakeholders = await db.stakeholders.bulkGet([...new Set(liveRoles.map((r) => r.stakeholderId))]);
  const people = stakeholders.filter((s): s is Stakeholder => !!s && !s.deleted);
  const known = new Set(people.map((p) => p.id));
  const cards = decisions.map((decision) => ({
    decision,
    roles: liveRoles.filter((r) => r.decisionId === decision.id && known.has(r.stakeholderId)),
    followUps: live(followUps).filter((f) => f.decisionId === decision.id),
    anchors: anchors.filter((a) => a.decisionId === decision.id),
  }));
  return { cards, anchors, people };
}

async function tip(db: DecidedlyDb, id: string): Promise<QueryResults['decision:tip']> {
  const d: Decision | undefined = await db.decisions.get(id);
  return d && !d.deleted ? { title: d.title, status: d.status } : null;
}

type Runner<Q extends QueryName> = (tabId: number, ...args: QueryArgs<Q>) => Promise<QueryResults[Q]>;

/** The database reads behind each query (`tab` is pushed from the tab state, not Dexie). */
export const frameQueryRunners: { [Q in QueryName]: Runner<Q> } = {
  tab: (tabId) => tabView(tabId),
  'page:summary': (_tab, pageKey) => pageSummaryWire(database(), pageKey),
  'decision:record': (_tab, id) => recordData(database(), id),
  'people:directory': () => directoryOf(database()),
  'decision:tip': (_tab, id) => tip(database(), id),
  'sync:status': async () => ({
    status: await readStatus(database()),
    pending: await database().outbox.count(),
  }),
};
