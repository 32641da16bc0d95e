import { describe, expect, it } from 'vitest';
import { accountableProblem, clarityGaps, GAP_LABELS } from '../../../src/core/clarity';
import { encodeHlc } from '../../../src/core/hlc';
import {
  canTransition,
  FILL_SITTING_MS,
  isFieldLocked,
  isOpen,
  type LockState,
  lockedRewrites,
} from '../../../src/core/lifecycle';
import { isAssessed, salienceClass, suggestedSalience } from '../../../src/core/salience';
import { STATUSES } from '../../../src/core/schemas';

describe('status lifecycle', () => {
  it('allows exactly the transitions of the design', () => {
    const allowed = STATUSES.flatMap((from) =>
      STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'proposed→decided',
        'proposed→rejected',
        'decided→revisiting',
        'decided→superseded',
        'revisiting→decided',
        'revisiting→rejected',
        'revisiting→superseded',
      ].sort(),
    );
  });

  it('counts proposed and revisiting as open', () => {
    expect(STATUSES.filter(isOpen)).toEqual(['proposed', 'revisiting']);
  });
});

describe('the lock after deciding', () => {
  const decidedAt = Date.parse('2026-12-02T10:00:00Z');
  const hlc = (ms: number, node = 'dev1') => encodeHlc({ ms, counter: 0, node });
  const decided = (over: Partial<LockState> = {}): LockState => ({
    locked: true,
    decidedAt: new Date(decidedAt).toISOString(),
    title: 'Use Postgres',
    rationale: '',
    fieldHlc: { title: hlc(decidedAt - 1000), rationale: hlc(decidedAt - 1000) },
    ...over,
  });

  it('lets anyone fill an empty why after deciding: that is not re-litigation', () => {
    expect(isFieldLocked(decided(), 'rationale', decidedAt + 86_400_000, 'dev2')).toBe(false);
    expect(lockedRewrites(decided(), { rationale: 'Boring tech' }, decidedAt + 86_400_000)).toEqual([]);
  });

  it('locks what and why written before the decision', () => {
    const d = decided({ rationale: 'Boring tech' });
    expect(lockedRewrites(d, { title: 'Use MySQL', rationale: 'Cheaper' }, decidedAt + 1)).toEqual([
      'title',
      'rationale',
    ]);
    // Saving the same text again changes nothing and is allowed.
    expect(lockedRewrites(d, { title: 'Use Postgres', rationale: 'Boring tech' }, decidedAt + 1)).toEqual([]);
  });

  it('lets whoever filled the why keep writing it in that sitting, then locks it', () => {
    const filledAt = decidedAt + 60_000;
    const d = decided({ rationale: 'Boring te', fieldHlc: { rationale: hlc(filledAt, 'dev1') } });
    expect(isFieldLocked(d, 'rationale', filledAt + 5_000, 'dev1')).toBe(false);
    expect(isFieldLocked(d, 'rationale', filledAt + 5_000, 'dev2')).toBe(true);
    expect(isFieldLocked(d, 'rationale', filledAt + FILL_SITTING_MS - 1, 'dev1')).toBe(false);
    expect(isFieldLocked(d, 'rationale', filledAt + FILL_SITTING_MS, 'dev1')).toBe(true);
  });

  it('locks nothing on an open decision', () => {
    const d = decided({ locked: false, rationale: 'Boring tech' });
    expect(lockedRewrites(d, { title: 'Other', rationale: 'Other' }, decidedAt)).toEqual([]);
  });
});

describe('clarity check', () => {
  const decision = { title: 'Use Postgres', rationale: '', consequences: '' };
  it('names every gap of a bare decision', () => {
    expect(clarityGaps(decision, [], [])).toEqual(['why', 'consequences', 'next-step', 'accountable']);
  });

  it('is satisfied by a fully explicit decision', () => {
    const roles = [
      { raci: 'A' as const, stance: 'supports' as const, deleted: false },
      { raci: 'C' as const, stance: 'concerns' as const, deleted: false },
    ];
    const followUps = [{ ownerId: 'x', dueAt: '2026-12-01T10:00:00Z', doneAt: null, deleted: false }];
    expect(clarityGaps({ title: 'T', rationale: 'why', consequences: 'so' }, roles, followUps)).toEqual([]);
  });

  it('wants every Consulted heard, one Accountable, and an open owned follow-up', () => {
    const roles = [
      { raci: 'A' as const, stance: 'supports' as const, deleted: false },
      { raci: 'A' as const, stance: 'supports' as const, deleted: false },
      { raci: 'C' as const, stance: 'unknown' as const, deleted: false },
    ];
    const done = [
      { ownerId: 'x', dueAt: '2026-12-01T10:00:00Z', doneAt: '2026-11-01T10:00:00Z', deleted: false },
    ];
    expect(clarityGaps({ title: 'T', rationale: 'w', consequences: 'c' }, roles, done)).toEqual([
      'next-step',
      'accountable',
      'consulted',
    ]);
    expect(accountableProblem(roles)).toMatch(/2 Accountable/);
    expect(accountableProblem([])).toMatch(/Name one Accountable/);
    expect(accountableProblem(roles.slice(1))).toBeNull();
  });

  const explicit = { title: 'T', rationale: 'w', consequences: 'c' };
  const accountable = { raci: 'A' as const, stance: 'supports' as const, deleted: false };
  const owned = { ownerId: 'x', dueAt: '2026-12-01T10:00:00Z', doneAt: null, deleted: false };

  it('names each gap in words of its own', () => {
    const labels = Object.values(GAP_LABELS);
    expect(Object.keys(GAP_LABELS).sort()).toEqual(
      ['accountable', 'consequences', 'consulted', 'next-step', 'what', 'why'].sort(),
    );
    expect(labels.every((label) => label.trim() !== '')).toBe(true);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('counts blank text as missing', () => {
    expect(
      clarityGaps({ title: ' \n', rationale: '\t', consequences: '  ' }, [accountable], [owned]),
    ).toEqual(['what', 'why', 'consequences']);
  });

  it.each([
    ['without an owner', { ...owned, ownerId: null }],
    ['without a due date', { ...owned, dueAt: null }],
    ['done', { ...owned, doneAt: '2026-11-30T10:00:00Z' }],
    ['deleted', { ...owned, deleted: true }],
  ])('does not take a follow-up %s as the next step', (_what, followUp) => {
    expect(clarityGaps(explicit, [accountable], [followUp])).toEqual(['next-step']);
    expect(clarityGaps(explicit, [accountable], [followUp, owned])).toEqual([]);
  });

  it('ignores deleted roles, for the Accountable and for the Consulted', () => {
    const deletedUnheard = { raci: 'C' as const, stance: 'unknown' as const, deleted: true };
    const deletedA = { ...accountable, deleted: true };
    expect(clarityGaps(explicit, [accountable, deletedUnheard, deletedA], [owned])).toEqual([]);
    expect(clarityGaps(explicit, [deletedA], [owned])).toEqual(['accountable']);
    expect(accountableProblem([accountable, deletedA])).toBeNull();
    expect(accountableProblem([deletedA])).toBe('Name one Accountable person first.');
    expect(accountableProblem([accountable, accountable, accountable])).toBe(
      'There are 3 Accountable people; keep one.',
    );
  });

  it('wants only the Consulted heard: an unknown stance elsewhere is no gap', () => {
    const unheard = (raci: 'R' | 'C' | 'I') => ({ raci, stance: 'unknown' as const, deleted: false });
    expect(clarityGaps(explicit, [accountable, unheard('R'), unheard('I')], [owned])).toEqual([]);
    expect(clarityGaps(explicit, [accountable, unheard('C')], [owned])).toEqual(['consulted']);
    expect(clarityGaps(explicit, [{ ...accountable, stance: 'unknown' }], [owned])).toEqual([]);
  });
});

describe('salience', () => {
  it('derives the Mitchell class from the three attributes', () => {
    const cls = (p: number, l: number, u: number) =>
      salienceClass({ power: !!p, legitimacy: !!l, urgency: !!u });
    expect([cls(1, 1, 1), cls(1, 1, 0), cls(1, 0, 1), cls(0, 1, 1)]).toEqual([
      'definitive',
      'dominant',
      'dangerous',
      'dependent',
    ]);
    expect([cls(1, 0, 0), cls(0, 1, 0), cls(0, 0, 1), cls(0, 0, 0)]).toEqual([
      'dormant',
      'discretionary',
      'demanding',
      'non-stakeholder',
    ]);
  });
});

describe('salience not assessed yet', () => {
  it('places an unassessed Accountable by what the role suggests, and says "not assessed"', () => {
    expect(isAssessed({ power: false, legitimacy: false, urgency: false })).toBe(false);
    expect(salienceClass(suggestedSalience(['A']))).toBe('dominant');
    expect(salienceClass(suggestedSalience(['C', 'I']))).toBe('discretionary');
    expect(isAssessed(suggestedSalience(['I']))).toBe(false);
  });
});
