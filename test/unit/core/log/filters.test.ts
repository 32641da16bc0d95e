import { describe, expect, it } from 'vitest';
import { buildEntries, filterEntries, type LogFilters, NO_FILTERS } from '../../../../src/core/log';
import { logBuilder } from './log-builder';
import { sample } from './sample-log';

const UTC = 'UTC';

const { data, ids } = sample();
const entries = buildEntries(data);
const NOW = Date.parse('2024-06-01T12:00:00.000Z');
const names = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
const run = (f: Partial<LogFilters>) =>
  filterEntries(entries, { ...NO_FILTERS, ...f }, NOW, UTC)
    .map((e) => names[e.decision.id])
    .sort();

describe('log filters', () => {
  it('keep everything when nothing is set', () => {
    expect(run({})).toEqual(['ie', 'manual', 'postgres', 'redis']);
  });

  it('filter by status and by open', () => {
    expect(run({ status: ['decided', 'rejected'] })).toEqual(['ie', 'redis']);
    expect(run({ open: true })).toEqual(['manual', 'postgres']);
  });

  it('filter by site and page', () => {
    expect(run({ site: 'github' })).toEqual(['postgres']);
    expect(run({ page: 'jira:acme.atlassian.net:ACME-7' })).toEqual(['redis']);
    expect(run({ site: 'gitlab' })).toEqual([]);
  });

  it('filter by every chosen tag', () => {
    expect(run({ tags: ['storage'] })).toEqual(['postgres', 'redis']);
    expect(run({ tags: ['storage', 'auth'] })).toEqual(['redis']);
  });

  it('filter by a person holding a role with a stance, and by function', () => {
    const kim = data.stakeholders.find((s) => s.name === 'Kim Ito')?.id ?? '';
    expect(run({ person: kim })).toEqual(['ie', 'postgres', 'redis']);
    expect(run({ person: kim, role: 'C', stance: 'unknown' })).toEqual(['ie', 'redis']);
    expect(run({ role: 'R' })).toEqual(['postgres']);
    expect(run({ fn: 'Product' })).toEqual(['manual', 'redis']);
    // The clauses hold for one and the same role: Dana is Product but not Responsible anywhere.
    expect(run({ fn: 'Product', role: 'R' })).toEqual([]);
  });

  it('filter by the day decided, or logged when not decided, both ends included', () => {
    expect(run({ from: '2024-01-15', to: '2024-01-15' })).toEqual(['redis']);
    expect(run({ from: '2024-01-16' })).toEqual(['ie', 'manual', 'postgres']);
    expect(run({ to: '2024-01-20' })).toEqual(['postgres', 'redis']);
    expect(run({ from: 'not a day' })).toHaveLength(4);
  });

  it('resolve the day range in the given time zone', () => {
    // Noon UTC on the 15th is already the 16th in Auckland (UTC+13 in January).
    const f = { ...NO_FILTERS, from: '2024-01-16', to: '2024-01-16' };
    expect(filterEntries(entries, f, NOW, 'Pacific/Auckland').map((e) => names[e.decision.id])).toEqual([
      'redis',
    ]);
    expect(filterEntries(entries, f, NOW, 'America/New_York')).toEqual([]);
  });

  it('filter by each alignment gap, leaving settled decisions out', () => {
    expect(run({ gaps: ['no-accountable'] })).toEqual(['postgres']);
    // IE11 has an unheard Consulted too, but it was rejected: nobody waits on it.
    expect(run({ gaps: ['unheard'] })).toEqual(['redis']);
    expect(run({ gaps: ['opposed'] })).toEqual(['postgres']);
    expect(run({ gaps: ['review-overdue'] })).toEqual(['redis']);
    expect(run({ gaps: ['no-next-step'] })).toEqual(['manual', 'postgres']);
  });

  it("make the stance gaps the chosen stakeholder's own", () => {
    const id = (name: string) => data.stakeholders.find((s) => s.name === name)?.id ?? '';
    expect(run({ person: id('Kim Ito'), gaps: ['unheard'] })).toEqual(['redis']);
    // Dana is on the Redis decision, but it waits on Kim, not on her.
    expect(run({ person: id('Dana Lee'), gaps: ['unheard'] })).toEqual([]);
    expect(run({ person: id('Sam Ortiz'), gaps: ['opposed'] })).toEqual(['postgres']);
    expect(run({ person: id('Kim Ito'), gaps: ['opposed'] })).toEqual([]);
  });

  it('count a review as overdue only once its date has passed', () => {
    const before = filterEntries(
      entries,
      { ...NO_FILTERS, gaps: ['review-overdue'] },
      Date.parse('2024-02-01T00:00:00Z'),
      UTC,
    );
    expect(before).toEqual([]);
  });

  it('combine with AND', () => {
    expect(run({ tags: ['storage'], gaps: ['no-next-step'] })).toEqual(['postgres']);
    expect(run({ open: true, q: 'release' })).toEqual(['manual']);
    expect(run({ site: 'jira', q: 'postgres' })).toEqual([]);
    expect(run({ status: ['decided'], gaps: ['unheard', 'review-overdue'], tags: ['auth'] })).toEqual([
      'redis',
    ]);
  });

  it('leave deleted decisions, roles and people out', () => {
    const b = logBuilder();
    const gone = b.person('Gone', { deleted: true });
    const d = b.decision('Live one');
    b.role(d, gone, 'A', 'supports');
    b.decision('Deleted one', { deleted: true });
    const log = buildEntries(b.data);
    expect(log.map((e) => e.decision.title)).toEqual(['Live one']);
    expect(log[0]?.roles).toEqual([]);
    expect(filterEntries(log, { ...NO_FILTERS, gaps: ['no-accountable'] }, NOW, UTC)).toHaveLength(1);
  });
});
