import { describe, expect, it } from 'vitest';
import { buildEntries, raciMatrix, stakeholderMap } from '../../../../src/core/log';
import { logBuilder } from './log-builder';
import { sample } from './sample-log';

const { data, ids } = sample();
const entries = buildEntries(data);

describe('RACI matrix', () => {
  it('has a cell for every role of every shown decision, with its stance', () => {
    const m = raciMatrix(entries);
    expect(m.columns.map((e) => e.decision.id)).toEqual(entries.map((e) => e.decision.id));
    const kim = m.rows.find((r) => r.person.name === 'Kim Ito');
    expect(kim?.cells.get(ids.redis)).toMatchObject({ raci: 'C', stance: 'unknown' });
    expect(kim?.cells.get(ids.postgres)).toMatchObject({ raci: 'C', stance: 'supports' });
    expect(kim?.cells.has(ids.manual)).toBe(false);
    const cells = m.rows.reduce((n, r) => n + r.cells.size, 0);
    expect(cells).toBe(data.roles.length);
  });

  it("counts each person's load: Accountable, and consultations still pending on live decisions", () => {
    const m = raciMatrix(entries);
    const load = Object.fromEntries(m.rows.map((r) => [r.person.name, r.load]));
    expect(load['Dana Lee']).toEqual({ R: 0, A: 2, C: 0, I: 0, pending: 0 });
    // Kim is unheard on Redis (pending) and on IE11, which was rejected (not pending).
    expect(load['Kim Ito']).toEqual({ R: 0, A: 0, C: 3, I: 0, pending: 1 });
    expect(load['Sam Ortiz']).toEqual({ R: 1, A: 1, C: 0, I: 0, pending: 0 });
    // Most Accountable first, then most pending, then by name.
    expect(m.rows.map((r) => r.person.name)).toEqual(['Dana Lee', 'Sam Ortiz', 'Kim Ito']);
  });

  it('cuts the columns but still counts the load over every decision', () => {
    const m = raciMatrix(entries, 1);
    expect(m.columns).toHaveLength(1);
    expect(m.total).toBe(4);
    expect(m.rows.find((r) => r.person.name === 'Kim Ito')?.load.C).toBe(3);
    expect(m.rows.every((r) => [...r.cells.keys()].every((k) => k === m.columns[0]?.decision.id))).toBe(true);
  });
});

describe('stakeholder map', () => {
  const quadrants = stakeholderMap(entries);
  const point = (name: string) => quadrants.flatMap((q) => q.points).find((p) => p.person.name === name);

  it('places each person by power and urgency, with their salience class', () => {
    const where = (name: string) => {
      const q = quadrants.find((x) => x.points.some((p) => p.person.name === name));
      return q && { power: q.power, urgency: q.urgency };
    };
    expect(where('Dana Lee')).toEqual({ power: true, urgency: false });
    expect(where('Kim Ito')).toEqual({ power: false, urgency: true });
    expect(point('Dana Lee')?.salience).toBe('dominant');
    expect(point('Kim Ito')?.salience).toBe('demanding');
    // Sam (Accountable and Responsible) was never assessed: not called a non-stakeholder, but
    // placed where those roles suggest — power and a legitimate claim.
    expect(point('Sam Ortiz')).toMatchObject({ salience: 'not assessed', suggested: 'dominant' });
    expect(where('Sam Ortiz')).toEqual({ power: true, urgency: false });
    expect(quadrants.map((q) => q.points.length)).toEqual([2, 0, 0, 1]);
  });

  it('sizes people by the open decisions that involve them, once per decision', () => {
    // Sam: Responsible on Postgres and Accountable on the release train, both open.
    expect(point('Sam Ortiz')?.open).toBe(2);
    expect(point('Dana Lee')?.open).toBe(1);
    expect(point('Kim Ito')?.open).toBe(1);
    expect(point('Sam Ortiz')?.weight).toBe(1);
    expect(point('Dana Lee')?.weight).toBeCloseTo(Math.SQRT1_2);
  });

  it('lists the live decisions where a person is Consulted and not heard', () => {
    expect(point('Kim Ito')?.unheard).toEqual([ids.redis]);
    expect(point('Dana Lee')?.unheard).toEqual([]);
  });

  it('counts a person with two roles on one decision once', () => {
    const b = logBuilder();
    const ana = b.person('Ana');
    const d = b.decision('Twice');
    b.role(d, ana, 'R');
    b.role(d, ana, 'C');
    const [q] = stakeholderMap(buildEntries(b.data)).filter((x) => x.points.length);
    expect(q?.points[0]).toMatchObject({ open: 1, unheard: [d.id] });
  });

  it('maps nobody when no decision is shown', () => {
    expect(stakeholderMap([]).every((q) => q.points.length === 0)).toBe(true);
  });
});
