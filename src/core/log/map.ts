// The stakeholder map: the people of a set of decisions placed by salience — power (rows) ×
// urgency (columns), legitimacy marked — weighted by how many open decisions involve them, with
// the decisions that still wait on their view.
import {
  isAssessed,
  type SalienceAttributes,
  type SalienceClass,
  salienceClass,
  suggestedSalience,
} from '../salience';
import type { Stakeholder } from '../schemas';
import type { LogEntry } from './entries';

export interface MapPoint {
  person: Stakeholder;
  /** Their class, or "not assessed" while power, legitimacy and urgency are all unset. */
  salience: SalienceClass | 'not assessed';
  /** Where the map places them: their assessment, or what their roles suggest until then. */
  placed: SalienceAttributes;
  /** For a person not assessed: the class their roles suggest. */
  suggested?: SalienceClass;
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
  const raciOf = new Map<string, ('R' | 'A' | 'C' | 'I')[]>();
  for (const entry of entries) {
    const { roles } = entry;
    for (let i = 0; i < roles.length; i += 1) {
      const { person, role } = roles[i] as (typeof roles)[number];
      let point = points.get(person.id);
      if (!point) {
        const assessed = isAssessed(person);
        point = {
          person,
          salience: assessed ? salienceClass(person) : 'not assessed',
          placed: person,
          open: 0,
          unheard: [],
          weight: 0,
        };
        points.set(person.id, point);
        if (!assessed) raciOf.set(person.id, []);
      }
      raciOf.get(person.id)?.push(role.raci);
      const unheard = !entry.settled && role.raci === 'C' && role.stance === 'unknown';
      if (unheard && point.unheard.at(-1) !== entry.decision.id) point.unheard.push(entry.decision.id);
      // A person with two roles on one decision counts once.
      if (entry.open && !heldBefore(roles, i)) point.open += 1;
    }
  }
  for (const [id, raci] of raciOf) {
    const point = points.get(id) as MapPoint;
    point.placed = suggestedSalience(raci);
    point.suggested = salienceClass(point.placed);
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
    const q = quadrants.find((x) => x.power === p.placed.power && x.urgency === p.placed.urgency);
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
