// The stakeholder map: the people of a set of decisions placed by salience — power (rows) ×
// urgency (columns), legitimacy marked — weighted by how many open decisions involve them, with
// the decisions that still wait on their view.
import { type SalienceClass, salienceClass } from '../salience';
import type { Stakeholder } from '../schemas';
import type { LogEntry } from './entries';

export interface MapPoint {
  person: Stakeholder;
  salience: SalienceClass;
  /** Open decisions (proposed or revisiting) of the set that involve them. */
  open: number;
  /** Decisions of the set where they are Consulted and not heard yet. */
  unheard: string[];
  /** 0..1, by the square root of `open` (area, not radius, grows with the count). */
  weight: number;
}

export interface MapQuadrant {
  power: boolean;
  urgency: boolean;
  points: MapPoint[];
}

/** Four quadrants, high power first, then high urgency; points by weight, then name. */
export function stakeholderMap(entries: readonly LogEntry[]): MapQuadrant[] {
  const points = new Map<string, MapPoint>();
  for (const entry of entries) {
    const { roles } = entry;
    for (let i = 0; i < roles.length; i += 1) {
      const { person, role } = roles[i] as (typeof roles)[number];
      let point = points.get(person.id);
      if (!point) {
        point = { person, salience: salienceClass(person), open: 0, unheard: [], weight: 0 };
        points.set(person.id, point);
      }
      const unheard = !entry.settled && role.raci === 'C' && role.stance === 'unknown';
      if (unheard && point.unheard.at(-1) !== entry.decision.id) point.unheard.push(entry.decision.id);
      // A person with two roles on one decision counts once.
      if (entry.open && !heldBefore(roles, i)) point.open += 1;
    }
  }
  const max = Math.max(1, ...[...points.values()].map((p) => p.open));
  for (const p of points.values()) p.weight = Math.sqrt(p.open / max);
  const quadrants: MapQuadrant[] = [
    { power: true, urgency: false, points: [] },
    { power: true, urgency: true, points: [] },
    { power: false, urgency: false, points: [] },
    { power: false, urgency: true, points: [] },
  ];
  for (const p of points.values()) {
    const q = quadrants.find((x) => x.power === p.person.power && x.urgency === p.person.urgency);
    q?.points.push(p);
  }
  for (const q of quadrants)
    q.points.sort((a, b) => b.open - a.open || a.person.name.localeCompare(b.person.name));
  return quadrants;
}

/** Whether the person of `roles[i]` already holds an earlier role in the list. */
function heldBefore(roles: LogEntry['roles'], i: number): boolean {
  for (let j = 0; j < i; j += 1) if (roles[j]?.person.id === roles[i]?.person.id) return true;
  return false;
}
