import { describe, expect, it } from 'vitest';
import {
  buildEntries,
  buildTimeline,
  chainIndex,
  listRows,
  NO_PAGE,
  NO_TAG,
  sortEntries,
  timeTicks,
} from '../../../../src/core/log';
import { logBuilder } from './log-builder';
import { sample } from './sample-log';

function chainLog() {
  const b = logBuilder();
  const v1 = b.decision('Sessions in memory', { status: 'superseded', decidedAt: '2024-01-10T12:00:00Z' });
  b.tick(30);
  const v2 = b.decision('Sessions in Redis', {
    status: 'superseded',
    decidedAt: '2024-02-10T12:00:00Z',
    supersedes: v1.id,
  });
  b.tick(30);
  const v3 = b.decision('Sessions in Postgres', { status: 'proposed', supersedes: v2.id });
  v1.supersededBy = v2.id;
  v2.supersededBy = v3.id;
  b.tick(1);
  const lone = b.decision('Unrelated');
  return { entries: buildEntries(b.data), ids: [v1.id, v2.id, v3.id], lone: lone.id };
}

describe('timeline', () => {
  it('draws a supersede chain as one row, oldest first, linked in order', () => {
    const { entries, ids, lone } = chainLog();
    const t = buildTimeline(chainIndex(entries), entries, 'UTC');
    expect(t.chains).toHaveLength(2);
    const chain = t.chains.find((c) => c.nodes.length === 3);
    expect(chain?.nodes.map((n) => n.entry.decision.id)).toEqual(ids);
    expect(chain?.links).toEqual([
      { from: 0, to: 1 },
      { from: 1, to: 2 },
    ]);
    // Newest last change first.
    expect(t.chains[0]?.nodes[0]?.entry.decision.id).toBe(lone);
    expect(t.startMs).toBeLessThan(Date.parse('2024-01-10T12:00:00Z'));
    expect(t.endMs).toBeGreaterThan(t.chains[0]?.lastMs ?? Number.POSITIVE_INFINITY);
  });

  it('keeps the whole chain of a matched decision, marking which ones matched', () => {
    const { entries, ids } = chainLog();
    const t = buildTimeline(
      chainIndex(entries),
      entries.filter((e) => e.decision.id === ids[2]),
      'UTC',
    );
    expect(t.chains).toHaveLength(1);
    expect(t.chains[0]?.nodes.map((n) => n.matched)).toEqual([false, false, true]);
  });

  it('has nothing to draw for no decisions', () => {
    expect(buildTimeline(new Map(), [], 'UTC')).toEqual({ chains: [], startMs: 0, endMs: 0, ticks: [] });
  });

  it('labels month ticks, thinned to whole steps', () => {
    const ticks = timeTicks(Date.UTC(2023, 0, 15), Date.UTC(2024, 11, 15), 'UTC');
    expect(ticks.length).toBeLessThanOrEqual(8);
    expect(ticks[0]?.label).toBe('Apr 2023');
    expect(ticks.map((t) => t.label)).toContain('Jan 2024');
    expect(timeTicks(Date.UTC(2024, 2, 3), Date.UTC(2024, 2, 6), 'UTC')).toEqual([
      { ms: Date.UTC(2024, 2, 4), label: '4 Mar 2024' },
      { ms: Date.UTC(2024, 2, 5), label: '5 Mar 2024' },
      { ms: Date.UTC(2024, 2, 6), label: '6 Mar 2024' },
    ]);
  });

  it("puts the axis days at the user's midnights: logged 2 Dec in Auckland sits after '2 Dec'", () => {
    const zone = 'Pacific/Auckland'; // UTC+13 in December
    const loggedMs = Date.parse('2026-12-02T08:00:00+13:00'); // still 1 Dec in UTC
    const ticks = timeTicks(loggedMs - 3 * 86_400_000, loggedMs + 86_400_000, zone);
    const before = ticks.filter((t) => t.ms <= loggedMs).at(-1);
    expect(before).toEqual({ ms: Date.parse('2026-12-02T00:00:00+13:00'), label: '2 Dec 2026' });
    const months = timeTicks(Date.parse('2026-10-20T00:00:00Z'), Date.parse('2027-01-10T00:00:00Z'), zone);
    expect(months[0]).toEqual({ ms: Date.parse('2026-11-01T00:00:00+13:00'), label: 'Nov 2026' });
  });
});

describe('list rows', () => {
  const { data, ids } = sample();
  const entries = buildEntries(data);
  const titles = (list: { decision: { id: string } }[]) => list.map((e) => e.decision.id);

  it('sorts by last change, by decision date and by next due date', () => {
    expect(titles(sortEntries(entries, 'updated'))).toEqual([ids.manual, ids.ie, ids.postgres, ids.redis]);
    // Only Redis was decided; the rest follow, newest logged first.
    expect(titles(sortEntries(entries, 'decided'))).toEqual([ids.redis, ids.manual, ids.ie, ids.postgres]);
    // Only Redis has a dated next step.
    expect(titles(sortEntries(entries, 'due'))[0]).toBe(ids.redis);
  });

  it('lists every decision once when not grouped', () => {
    const rows = listRows(sortEntries(entries, 'updated'), 'none');
    expect(rows.every((r) => r.kind === 'decision')).toBe(true);
    expect(rows).toHaveLength(4);
  });

  it('groups by status in lifecycle order, by tag alphabetically and by page', () => {
    const heads = (group: 'status' | 'tag' | 'page') =>
      listRows(sortEntries(entries, 'updated'), group)
        .filter((r) => r.kind === 'group')
        .map((r) => (r.kind === 'group' ? `${r.label}:${r.count}` : ''));
    expect(heads('status')).toEqual(['proposed:1', 'decided:1', 'revisiting:1', 'rejected:1']);
    // Redis has two tags and is listed under both; decisions without tags come last.
    expect(heads('tag')).toEqual(['auth:1', 'process:1', 'storage:2', `${NO_TAG}:1`]);
    expect(heads('page')).toEqual([
      'Session storage decision:1',
      'Checkout rewrite · Pull Request #42:1',
      'ACME-7 · Fix the login timeout:1',
      `${NO_PAGE}:1`,
    ]);
  });

  it('gives every row a unique key, even a decision listed under two groups', () => {
    const rows = listRows(sortEntries(entries, 'updated'), 'tag');
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });
});
