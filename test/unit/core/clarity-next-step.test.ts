// The clarity check's "next step" (issue 17's planted bug): only a pending follow-up with both an
// owner and a due date is one. Each missing or settled part leaves the gap open.
import { describe, expect, it } from 'vitest';
import { clarityGaps } from '../../../src/core/clarity';

const explicit = { title: 'Move sessions to Redis', rationale: 'Latency', consequences: 'A Redis bill' };
const accountable = [{ raci: 'A' as const, stance: 'supports' as const, deleted: false }];
type FollowUp = Parameters<typeof clarityGaps>[2][number];
const step: FollowUp = { ownerId: 'dana', dueAt: '2026-12-01T10:00:00.000Z', doneAt: null, deleted: false };
const gaps = (followUp: FollowUp) => clarityGaps(explicit, accountable, [followUp]);

describe('a next step in the clarity check', () => {
  it('is a pending follow-up with an owner and a due date', () => {
    expect(gaps(step)).toEqual([]);
  });

  it.each([
    ['without a due date', { ...step, dueAt: null }],
    ['without an owner', { ...step, ownerId: null }],
    ['already done', { ...step, doneAt: '2026-11-20T10:00:00.000Z' }],
    ['deleted', { ...step, deleted: true }],
  ])('is not a follow-up %s', (_name, followUp) => {
    expect(gaps(followUp)).toEqual(['next-step']);
  });
});
