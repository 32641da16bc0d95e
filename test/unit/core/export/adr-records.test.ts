import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type AdrRecords,
  adrsToRecords,
  bundleDecisions,
  parseAdr,
  parseAdrFolder,
  toMadr,
} from '../../../../src/core/export';
import { HlcClock } from '../../../../src/core/hlc';
import { TABLES } from '../../../../src/core/schemas';
import { recordMaker, sampleTables } from './records';

const FIXTURES = join(__dirname, '../../../fixtures/adr');
const ctx = (stakeholders = sampleTables().stakeholders) => ({
  workspaceId: 'ws',
  clock: new HlcClock('imp', () => Date.UTC(2024, 6, 1)),
  now: new Date(Date.UTC(2024, 6, 1)),
  stakeholders,
  actor: 'Dana Lee',
});

const expectValid = (records: AdrRecords) => {
  for (const table of ['decisions', 'stakeholders', 'roles', 'followUps', 'events'] as const) {
    for (const row of records[table] as unknown[]) {
      const r = TABLES[table].safeParse(row);
      expect(r.success, `${table}: ${JSON.stringify(r.error?.issues)}`).toBe(true);
    }
  }
};

describe('adrsToRecords', () => {
  it('turns a folder of Nygard ADRs into valid, linked records', () => {
    const files = [
      '0001-record-architecture-decisions.md',
      '0002-use-rabbitmq-for-events.md',
      '0003-use-kafka-for-events.md',
    ].map((f) => ({
      name: `doc/adr/${f}`,
      text: readFileSync(join(FIXTURES, 'nygard', f), 'utf8'),
    }));
    const records = adrsToRecords(parseAdrFolder(files).decisions, ctx([]));
    expectValid(records);
    const [first, rabbit, kafka] = records.decisions;
    expect(first).toMatchObject({
      title: 'Record architecture decisions',
      status: 'decided',
      decidedAt: '2016-02-12T12:00:00.000Z',
      locked: true,
    });
    expect(rabbit).toMatchObject({ status: 'superseded', supersededBy: kafka?.id });
    expect(kafka).toMatchObject({ supersedes: rabbit?.id });
    expect(records.events.map((e) => [e.kind, e.actor, e.detail])).toContainEqual([
      'created',
      'Dana Lee',
      { source: 'adr-import', template: 'nygard', file: 'doc/adr/0001-record-architecture-decisions.md' },
    ]);
  });

  it('maps people to RACI roles, reusing existing stakeholders by name', () => {
    const text = readFileSync(join(FIXTURES, 'madr-4/0004-use-postgresql-for-the-sync-server.md'), 'utf8');
    const parsed = parseAdr(text, '0004.md');
    if (!parsed.ok) throw new Error(parsed.error);
    const { make } = recordMaker();
    const priya = make('stakeholders', { name: 'priya raman' });
    const records = adrsToRecords([parsed.decision], ctx([priya]));
    expectValid(records);
    expect(records.stakeholders.map((s) => s.name)).toEqual([
      'Tomás Díaz',
      'Security team',
      'Ops on-call',
      'Everyone in the platform guild',
    ]);
    const nameOf = (id: string) => [priya, ...records.stakeholders].find((s) => s.id === id)?.name;
    expect(records.roles.map((r) => [nameOf(r.stakeholderId), r.raci])).toEqual([
      ['priya raman', 'A'],
      ['Tomás Díaz', 'A'],
      ['Security team', 'C'],
      ['Ops on-call', 'C'],
      ['Everyone in the platform guild', 'I'],
    ]);
    const [decision] = records.decisions;
    expect(decision?.options.map((o) => [o.title, o.chosen, o.pros])).toEqual([
      [
        'PostgreSQL',
        true,
        'it is mature\nit supports serializable transactions\nNeutral: it needs tuning for large tables',
      ],
      ['SQLite', false, 'it is embedded'],
      ['DynamoDB', false, 'it is fully managed'],
    ]);
    expect(decision?.context).toContain('**Decision drivers**\n\n* Teams must be able to self-host it');
    expect(decision?.context).toContain('**More information**\n\nWe will revisit this');
    expect(decision?.consequences).toBe(
      '**Confirmation**\n\nThe integration tests run against a real PostgreSQL in CI.',
    );
  });

  it('restores what Decidedly exported: stances, follow-ups, trade-offs', () => {
    const tables = sampleTables();
    const parsed = parseAdr(toMadr(bundleDecisions(tables)[0] as ReturnType<typeof bundleDecisions>[0]));
    if (!parsed.ok) throw new Error(parsed.error);
    const records = adrsToRecords([parsed.decision], ctx(tables.stakeholders));
    expectValid(records);
    expect(records.stakeholders).toEqual([]);
    const original = tables.decisions[0];
    expect(records.decisions[0]).toMatchObject({
      title: original?.title,
      status: original?.status,
      context: original?.context,
      rationale: original?.rationale,
      consequences: original?.consequences,
      risks: original?.risks,
      tags: original?.tags,
      tradeoffs: [{ gain: 'One well-known store', cost: 'Ops time for upgrades', bornBy: 'Operations' }],
    });
    const byId = new Map(tables.stakeholders.map((s) => [s.id, s.name]));
    expect(records.roles.map((r) => [byId.get(r.stakeholderId), r.raci, r.stance, r.note])).toEqual(
      tables.roles.map((r) => [byId.get(r.stakeholderId), r.raci, r.stance, r.note]),
    );
    expect(records.followUps.map((f) => [f.title, byId.get(f.ownerId ?? ''), f.dueAt, f.doneAt])).toEqual([
      ['Provision the database', 'Sam Ortiz', '2024-05-20T12:00:00.000Z', null],
      ['Write the RFC', 'Dana Lee', null, '2024-05-02T12:00:00.000Z'],
    ]);
  });

  it('cuts over-long text to the schema limits instead of failing', () => {
    const long = parseAdr(`# ${'T'.repeat(400)}\n\n## Context\n\n${'x'.repeat(25_000)}\n`);
    if (!long.ok) throw new Error(long.error);
    const records = adrsToRecords([{ ...long.decision, tags: ['t'.repeat(80)] }], ctx([]));
    expectValid(records);
    expect(records.decisions[0]?.title).toHaveLength(300);
    expect(records.decisions[0]?.context).toHaveLength(20_000);
  });
});
