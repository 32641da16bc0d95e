// Random but valid record sets for property tests, built with `makeRow` like storage builds them,
// including tombstones and free-text conflicts kept by the merge.
import fc from 'fast-check';
import type { TableRows } from '../../../../src/core/export';
import { HlcClock } from '../../../../src/core/hlc';
import { applyOp, fieldFrontier, mergeRow } from '../../../../src/core/merge';
import { makeRow } from '../../../../src/core/records';
import { RACI, type RowOf, STANCES, STATUSES, type TableName } from '../../../../src/core/schemas';

// Any code point a record may hold — everything but NUL and lone surrogates, which the schemas
// refuse (src/core/strings.ts) — biased to ASCII and the BMP. (fast-check's own `unit: 'binary'`
// is far slower to generate.)
const codePoint = fc.oneof(
  fc.integer({ min: 1, max: 0x7f }),
  fc.integer({ min: 1, max: 0xffff }).filter((c) => c < 0xd800 || c > 0xdfff),
  fc.integer({ min: 0x10000, max: 0x10ffff }),
);
const str = (max: number) => fc.array(codePoint, { maxLength: max }).map((c) => String.fromCodePoint(...c));
const nonEmpty = (max: number) =>
  fc.array(codePoint, { minLength: 1, maxLength: max }).map((c) => String.fromCodePoint(...c));
const iso = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) })
  .map((ms) => new Date(ms).toISOString());

const decisionSpec = fc.record({
  title: nonEmpty(60),
  status: fc.constantFrom(...STATUSES),
  context: str(80),
  rationale: str(80),
  // Tags are a set (they merge as one, src/core/list-merge.ts): a decision never repeats a tag.
  tags: fc.uniqueArray(str(10), { maxLength: 3 }),
  // Options are identified by id (they merge element by element): ids are unique in a decision.
  options: fc.uniqueArray(
    fc.record({ id: nonEmpty(8), title: str(20), pros: str(20), cons: str(20), chosen: fc.boolean() }),
    { maxLength: 2, selector: (o) => o.id },
  ),
  decidedAt: fc.option(iso, { nil: null }),
  deleted: fc.boolean(),
  conflict: fc.boolean(),
});

export const datasetSpec = fc.record({
  decisions: fc.array(decisionSpec, { minLength: 1, maxLength: 4 }),
  people: fc.array(
    fc.record({
      name: nonEmpty(30),
      email: fc.option(fc.emailAddress(), { nil: null }),
      power: fc.boolean(),
    }),
    {
      minLength: 1,
      maxLength: 4,
    },
  ),
  roles: fc.array(
    fc.record({
      d: fc.nat(),
      p: fc.nat(),
      raci: fc.constantFrom(...RACI),
      stance: fc.constantFrom(...STANCES),
      note: str(30),
    }),
    {
      maxLength: 6,
    },
  ),
  followUps: fc.array(fc.record({ d: fc.nat(), title: nonEmpty(30), dueAt: fc.option(iso, { nil: null }) }), {
    maxLength: 4,
  }),
  anchors: fc.array(fc.record({ d: fc.nat(), url: fc.webUrl(), exact: str(40), start: fc.nat(10_000) }), {
    maxLength: 3,
  }),
  events: fc.array(
    fc.record({
      d: fc.nat(),
      at: iso,
      // What JSON can carry: fc.jsonValue may produce -0, which any JSON file stores as 0.
      detail: fc.dictionary(
        fc.string({ maxLength: 5 }),
        fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v))),
      ),
    }),
    {
      maxLength: 4,
    },
  ),
});

export type DatasetSpec = typeof datasetSpec extends fc.Arbitrary<infer T> ? T : never;

/** Builds the records a spec describes, on clocks starting at `start`. */
export function buildDataset(spec: DatasetSpec, start = Date.UTC(2024, 0, 1)): TableRows {
  let wall = start;
  const clock = new HlcClock('a', () => (wall += 1000));
  const other = new HlcClock('b', () => wall + 500);
  const make = <T extends TableName>(table: T, fields: Parameters<typeof makeRow<T>>[1]): RowOf[T] =>
    makeRow(table, fields, { workspaceId: 'ws', hlc: clock.now(), now: new Date(wall) });
  const decisions = spec.decisions.map(({ conflict, ...fields }) => {
    const row = make('decisions', fields);
    if (!conflict) return row;
    // Two people edit the rationale concurrently from the same base: the merge keeps both.
    const base = { rationale: fieldFrontier(row, 'rationale') as string[] };
    const mine = applyOp(
      row,
      { table: 'decisions', id: row.id, set: { rationale: 'mine' }, base },
      clock.now(),
    );
    const theirs = applyOp(
      row,
      { table: 'decisions', id: row.id, set: { rationale: 'theirs' }, base },
      other.now(),
    );
    return mergeRow(mine, theirs);
  });
  const people = spec.people.map((p) => make('stakeholders', p));
  const pick = <T>(list: T[], i: number) => list[i % list.length] as T;
  return {
    decisions,
    stakeholders: people,
    roles: spec.roles.map((r) =>
      make('roles', {
        decisionId: pick(decisions, r.d).id,
        stakeholderId: pick(people, r.p).id,
        raci: r.raci,
        stance: r.stance,
        note: r.note,
      }),
    ),
    followUps: spec.followUps.map((f) =>
      make('followUps', { decisionId: pick(decisions, f.d).id, title: f.title, dueAt: f.dueAt }),
    ),
    anchors: spec.anchors.map((a) =>
      make('anchors', {
        decisionId: pick(decisions, a.d).id,
        pageKey: `url:${a.url}`,
        url: a.url,
        selectors: {
          quote: { exact: a.exact, prefix: '', suffix: '' },
          position: { start: a.start, end: a.start + a.exact.length },
        },
      }),
    ),
    events: spec.events.map((e) =>
      make('events', {
        decisionId: pick(decisions, e.d).id,
        at: e.at,
        actor: 'me',
        kind: 'edited',
        detail: e.detail,
      }),
    ),
  };
}
