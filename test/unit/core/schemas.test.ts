import { describe, expect, it } from 'vitest';
import { HlcClock } from '../../../src/core/hlc';
import { opProblem } from '../../../src/core/protocol';
import { makeRow } from '../../../src/core/records';
import { Decision, describeIssues, FollowUp, Role, Stakeholder, TABLES } from '../../../src/core/schemas';

const clock = new HlcClock('test');
const ctx = () => ({ workspaceId: 'local', hlc: clock.now(), now: new Date('2026-11-21T10:00:00Z') });

describe('schemas', () => {
  it('accept the records makeRow builds for every table', () => {
    const decision = makeRow('decisions', { title: 'Move sessions to Redis' }, ctx());
    const person = makeRow('stakeholders', { name: 'Dana' }, ctx());
    const rows = {
      decisions: decision,
      stakeholders: person,
      roles: makeRow('roles', { decisionId: decision.id, stakeholderId: person.id, raci: 'A' }, ctx()),
      anchors: makeRow(
        'anchors',
        {
          decisionId: decision.id,
          pageKey: 'jira:acme.atlassian.net:ACME-7',
          url: 'https://acme.atlassian.net/browse/ACME-7',
        },
        ctx(),
      ),
      followUps: makeRow('followUps', { decisionId: decision.id, title: 'Draft the migration' }, ctx()),
      events: makeRow(
        'events',
        { decisionId: decision.id, at: new Date().toISOString(), actor: 'me', kind: 'created' },
        ctx(),
      ),
    };
    for (const [table, row] of Object.entries(rows)) {
      const parsed = TABLES[table as keyof typeof TABLES].safeParse(row);
      expect(parsed.success ? 'ok' : describeIssues(parsed.error)).toBe('ok');
    }
  });

  it('reject invalid records with messages naming the field', () => {
    const bad = { ...makeRow('decisions', { title: 'x' }, ctx()), title: '', status: 'maybe', tags: 'a' };
    const parsed = Decision.safeParse(bad);
    expect(parsed.success).toBe(false);
    const message = parsed.success ? '' : describeIssues(parsed.error);
    expect(message).toContain('title: a title (what was decided)');
    expect(message).toMatch(/status: /);
    expect(message).toContain('tags: expected array');
  });

  it('bound text sizes and require known enums', () => {
    expect(
      Stakeholder.safeParse({ ...makeRow('stakeholders', { name: 'x'.repeat(121) }, ctx()) }).success,
    ).toBe(false);
    const role = makeRow(
      'roles',
      { decisionId: crypto.randomUUID(), stakeholderId: crypto.randomUUID(), raci: 'A' },
      ctx(),
    );
    expect(Role.safeParse({ ...role, raci: 'X' }).success).toBe(false);
    expect(Role.safeParse({ ...role, stance: 'committed' }).success).toBe(true);
    const f = makeRow('followUps', { decisionId: crypto.randomUUID(), title: 'a' }, ctx());
    expect(FollowUp.safeParse({ ...f, dueAt: 'next week' }).success).toBe(false);
  });

  it('checks each field an op writes against the table', () => {
    const id = crypto.randomUUID();
    expect(opProblem({ table: 'decisions', id, set: { title: 'ok', status: 'decided' } })).toBeNull();
    expect(opProblem({ table: 'decisions', id, set: { status: 'maybe' } })).toMatch(/decisions.status/);
    expect(opProblem({ table: 'decisions', id, set: { colour: 'red' } })).toMatch(/unknown field/);
    expect(opProblem({ table: 'decisions', id, set: { fieldHlc: {} } })).toMatch(/not writable/);
    expect(opProblem({ table: 'nope', id, set: {} })).toMatch(/unknown table/);
  });
});
