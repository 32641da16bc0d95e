// The RACI matrix of a set of decisions: stakeholders × decisions, each cell a role and stance,
// each row with the person's load — how many decisions they are Accountable for and how many
// wait on their view.
import type { Raci, Stakeholder, Stance } from '../schemas';
import type { LogEntry } from './entries';

export interface MatrixCell {
  raci: Raci;
  stance: Stance;
  note: string;
}

export interface PersonLoad {
  R: number;
  A: number;
  C: number;
  I: number;
  /** Consulted on a live decision and not heard yet. */
  pending: number;
}

export interface MatrixRow {
  person: Stakeholder;
  /** By decision id, for the shown columns only. */
  cells: Map<string, MatrixCell>;
  /** Over every decision of the set, not only the shown columns. */
  load: PersonLoad;
}

export interface RaciMatrix {
  columns: LogEntry[];
  /** How many decisions the set has; more than `columns.length` when it was cut. */
  total: number;
  rows: MatrixRow[];
}

/** The matrix of `entries` (in their order), with at most `maxColumns` decision columns. */
export function raciMatrix(entries: readonly LogEntry[], maxColumns = 60): RaciMatrix {
  const columns = entries.slice(0, maxColumns);
  const shown = new Set(columns.map((e) => e.decision.id));
  const rows = new Map<string, MatrixRow>();
  for (const entry of entries) {
    for (const { role, person } of entry.roles) {
      let row = rows.get(person.id);
      if (!row) {
        row = { person, cells: new Map(), load: { R: 0, A: 0, C: 0, I: 0, pending: 0 } };
        rows.set(person.id, row);
      }
      row.load[role.raci] += 1;
      if (role.raci === 'C' && role.stance === 'unknown' && !entry.settled) row.load.pending += 1;
      if (shown.has(entry.decision.id))
        row.cells.set(entry.decision.id, { raci: role.raci, stance: role.stance, note: role.note });
    }
  }
  // Who carries the most first: Accountable load, then pending consultations, then name.
  const ordered = [...rows.values()].sort(
    (a, b) =>
      b.load.A - a.load.A || b.load.pending - a.load.pending || a.person.name.localeCompare(b.person.name),
  );
  return { columns, total: entries.length, rows: ordered };
}
