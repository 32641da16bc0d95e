// What the history says for each kind of Event, including details from other versions.
import { describe, expect, it } from 'vitest';
import type { DecisionEvent } from '../../../src/core/schemas';
import { actorName, describeEvent } from '../../../src/sidebar/history-text';

const say = (kind: DecisionEvent['kind'], detail: Record<string, unknown>) => describeEvent({ kind, detail });

describe('describeEvent', () => {
  it.each([
    [say('created', { title: 'Use Postgres' }), 'Logged “Use Postgres”'],
    [say('status', { from: 'proposed', to: 'decided' }), 'Status: proposed → decided'],
    [say('superseded', { by: 'x', title: 'Use Valkey' }), 'Superseded by “Use Valkey”'],
    [say('role', { name: 'Dana', to: 'A' }), 'Dana added as Accountable'],
    [say('role', { name: 'Dana', from: 'C', to: 'A' }), 'Dana: Consulted → Accountable'],
    [say('role', { name: 'Dana', from: 'I', to: null }), 'Dana removed (was Informed)'],
    [say('stance', { name: 'Fox', from: 'unknown', to: 'committed' }), 'Fox: Unknown → Disagree and commit'],
    [say('followup', { title: 'Ship', added: true }), 'Follow-up added: “Ship”'],
    [say('followup', { title: 'Ship', done: true }), 'Follow-up done: “Ship”'],
    [say('followup', { title: 'Ship', done: false }), 'Follow-up reopened: “Ship”'],
    [say('followup', { title: 'Ship', removed: true }), 'Follow-up deleted: “Ship”'],
    [say('anchored', { quote: 'we agreed' }), 'Anchored to “we agreed”'],
    [say('anchored', { quote: null }), 'Anchored to the page'],
    [say('anchored', { quote: 'now here', reattached: true }), 'Re-attached to “now here”'],
    [
      say('anchored', { quote: 'Decision: X', shared: true, pageTitle: 'PR 42' }),
      'Shared to “PR 42” as a comment',
    ],
    [say('anchored', { quote: 'Decision: X', shared: true }), 'Shared to the page as a comment'],
    [say('edited', { fields: ['rationale', 'tradeoffs'] }), 'Edited why, trade-offs'],
  ])('%s', (actual, expected) => expect(actual).toBe(expected));

  it('survives details it does not know', () => {
    expect(say('stance', { name: 'Fox', from: 42, to: 'sideways' })).toBe('Fox: Unknown → Unknown');
    expect(say('edited', { fields: 'oops' })).toBe('Edited');
    expect(say('status', {})).toBe('Status: ? → ?');
  });

  it('names the actor', () => {
    const names = new Map([['s1', 'Dana']]);
    expect(actorName('local', names)).toBe('You');
    expect(actorName('s1', names)).toBe('Dana');
    expect(actorName('s9', names)).toBe('Someone');
  });
});
