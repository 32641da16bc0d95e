// Builds realistic record sets for the export tests with the same `makeRow` storage uses.

import type { TableRows } from '../../../../src/core/export';
import { HlcClock } from '../../../../src/core/hlc';
import { makeRow } from '../../../../src/core/records';
import type { RowOf, TableName } from '../../../../src/core/schemas';

export const WS = 'ws-test';

/** A record factory on its own clock; `at` moves the wall clock (ms since epoch). */
export function recordMaker(node = 'test', start = Date.UTC(2024, 4, 1, 9, 0, 0)) {
  let wall = start;
  const clock = new HlcClock(node, () => wall);
  const make = <T extends TableName>(table: T, fields: Parameters<typeof makeRow<T>>[1]): RowOf[T] =>
    makeRow(table, fields, { workspaceId: WS, hlc: clock.now(), now: new Date(wall) });
  return {
    clock,
    make,
    tick(ms = 60_000) {
      wall += ms;
    },
  };
}

/** One complete decision with people, roles, an anchor, follow-ups and history. */
export function sampleTables(): TableRows {
  const { make, tick } = recordMaker();
  const dana = make('stakeholders', { name: 'Dana Lee', function: 'Product', email: 'dana@example.com' });
  const sam = make('stakeholders', { name: 'Sam Ortiz', function: 'Engineering' });
  const kim = make('stakeholders', { name: 'Kim', function: 'Sales' });
  const lee = make('stakeholders', { name: 'Lee, Jordan', function: 'Security' });
  tick();
  const decision = make('decisions', {
    title: 'Use Postgres for sync',
    status: 'decided',
    context: 'Sync needs a store that every team can run.\n\nLatency < 50 ms matters.',
    rationale: 'it is boring technology we already operate',
    consequences: 'We keep one more service running.',
    options: [
      {
        id: 'o1',
        title: 'Postgres',
        pros: 'Mature\nWe run it already',
        cons: 'Needs a server',
        chosen: true,
      },
      { id: 'o2', title: 'SQLite on each node', pros: 'No server', cons: 'Hard to share', chosen: false },
    ],
    tradeoffs: [
      { id: 't1', gain: 'One well-known store', cost: 'Ops time for upgrades', bornBy: 'Operations' },
    ],
    risks: 'Imagine this failed: the managed plan is too small.',
    tags: ['sync', 'storage'],
    decidedAt: '2024-05-03T10:00:00.000Z',
    reviewAt: '2024-11-01T17:00:00.000Z',
  });
  const role = (
    stakeholderId: string,
    raci: 'R' | 'A' | 'C' | 'I',
    stance: RowOf['roles']['stance'],
    note = '',
  ) => make('roles', { decisionId: decision.id, stakeholderId, raci, stance, note });
  tick();
  const anchor = make('anchors', {
    decisionId: decision.id,
    pageKey: 'github:acme/app#12',
    url: 'https://github.com/acme/app/pull/12',
    pageTitle: 'Sync storage · Pull Request #12',
    site: 'github',
    selectors: {
      quote: { exact: "Let's go with Postgres", prefix: 'After the spike, ', suffix: ' for sync.' },
      position: { start: 120, end: 142 },
    },
  });
  return {
    decisions: [decision],
    stakeholders: [dana, sam, kim, lee],
    roles: [
      role(dana.id, 'A', 'supports'),
      role(sam.id, 'R', 'committed', 'I would have picked SQLite'),
      role(kim.id, 'C', 'concerns', 'Cost'),
      role(lee.id, 'I', 'unknown'),
    ],
    anchors: [anchor],
    followUps: [
      make('followUps', {
        decisionId: decision.id,
        title: 'Provision the database',
        ownerId: sam.id,
        dueAt: '2024-05-20T17:00:00.000Z',
      }),
      make('followUps', {
        decisionId: decision.id,
        title: 'Write the RFC',
        ownerId: dana.id,
        doneAt: '2024-05-02T12:00:00.000Z',
      }),
    ],
    events: [
      make('events', {
        decisionId: decision.id,
        at: '2024-05-01T09:01:00.000Z',
        actor: 'Dana Lee',
        kind: 'created',
      }),
      make('events', {
        decisionId: decision.id,
        at: '2024-05-03T10:00:00.000Z',
        actor: 'Dana Lee',
        kind: 'status',
        detail: { from: 'proposed', to: 'decided' },
      }),
    ],
  };
}
