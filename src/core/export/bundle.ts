// A decision with everything that hangs off it, the unit every export format works on, and the
// name lookups the formats share.
import { localDateKey } from '../dates-zone';
import type {
  Anchor,
  Decision,
  DecisionEvent,
  FollowUp,
  Raci,
  Role,
  RowOf,
  Stakeholder,
  TableName,
} from '../schemas';

/** One decision and its live related rows. `stakeholders` holds everyone its roles and follow-ups name. */
export interface DecisionBundle {
  decision: Decision;
  roles: Role[];
  stakeholders: Stakeholder[];
  anchors: Anchor[];
  followUps: FollowUp[];
  events: DecisionEvent[];
}

/** Every synced table as arrays of rows — what a backup holds and what storage reads out. */
export type TableRows = { [T in TableName]: RowOf[T][] };

const byCreated = <T extends { createdAt: string; id: string }>(a: T, b: T) =>
  a.createdAt === b.createdAt ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.createdAt < b.createdAt ? -1 : 1;

/** Sorts rows in creation order (ids are UUIDv7, so they break ties in the same order). */
export function inCreationOrder<T extends { createdAt: string; id: string }>(rows: readonly T[]): T[] {
  return [...rows].sort(byCreated);
}

function groupBy<T extends { decisionId: string; deleted: boolean }>(rows: readonly T[] | undefined) {
  const out = new Map<string, T[]>();
  for (const row of rows ?? []) {
    if (row.deleted) continue;
    const list = out.get(row.decisionId);
    if (list) list.push(row);
    else out.set(row.decisionId, [row]);
  }
  return out;
}

/** Bundles live decisions in decision order (creation), skipping tombstones everywhere. */
export function bundleDecisions(tables: Partial<TableRows>): DecisionBundle[] {
  const people = new Map<string, Stakeholder>();
  for (const s of tables.stakeholders ?? []) if (!s.deleted) people.set(s.id, s);
  const roles = groupBy(tables.roles);
  const anchors = groupBy(tables.anchors);
  const followUps = groupBy(tables.followUps);
  const events = groupBy(tables.events);
  return inCreationOrder((tables.decisions ?? []).filter((d) => !d.deleted)).map((decision) => {
    const own = {
      roles: inCreationOrder(roles.get(decision.id) ?? []),
      followUps: inCreationOrder(followUps.get(decision.id) ?? []),
    };
    const ids = new Set([...own.roles.map((r) => r.stakeholderId), ...own.followUps.map((f) => f.ownerId)]);
    const stakeholders = [...ids].flatMap((id) =>
      id && people.has(id) ? [people.get(id) as Stakeholder] : [],
    );
    return {
      decision,
      ...own,
      stakeholders,
      anchors: inCreationOrder(anchors.get(decision.id) ?? []),
      events: [...(events.get(decision.id) ?? [])].sort((a, b) =>
        a.at === b.at ? byCreated(a, b) : a.at < b.at ? -1 : 1,
      ),
    };
  });
}

/** The display name of a stakeholder of the bundle ("Unknown person" if the row is gone). */
export function nameOf(bundle: DecisionBundle, stakeholderId: string | null): string {
  if (!stakeholderId) return '';
  return bundle.stakeholders.find((s) => s.id === stakeholderId)?.name ?? 'Unknown person';
}

/** Names holding `raci` on the decision, in role order, each once. */
export function namesWith(bundle: DecisionBundle, raci: Raci): string[] {
  const names = bundle.roles
    .filter((r) => !r.deleted && r.raci === raci)
    .map((r) => nameOf(bundle, r.stakeholderId));
  return [...new Set(names)];
}

/** The open follow-up due first (undated ones after dated ones), if any. */
export function nextFollowUp(bundle: DecisionBundle): FollowUp | undefined {
  const open = bundle.followUps.filter((f) => !f.deleted && !f.doneAt);
  return open.sort((a, b) => {
    if (a.dueAt === b.dueAt) return 0;
    if (a.dueAt === null) return 1;
    if (b.dueAt === null) return -1;
    return a.dueAt < b.dueAt ? -1 : 1;
  })[0];
}

/**
 * The calendar date of an ISO timestamp in `timeZone` (the person's, for what they export): exports
 * name days, not instants, and 00:30 in UTC+2 is that local day, not the UTC day before.
 */
export function isoDay(iso: string | null | undefined, timeZone = 'UTC'): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso.slice(0, 10) : localDateKey(new Date(t), timeZone);
}
