// The indexed due query shared by the popup, the badge and the reminders.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setMetaValue } from '../../../src/storage/context';
import { deleteDecision } from '../../../src/storage/decisions';
import {
  dueItemsIn,
  dueSection,
  joinEntries,
  ME_KEY,
  mineOf,
  nextDueAfter,
  resolveMe,
} from '../../../src/storage/due-query';
import { deleteFollowUp, setFollowUpDone, snoozeFollowUp } from '../../../src/storage/follow-ups';
import { write } from '../../../src/storage/write';
import { type Seeded, seed } from './seed';

let s: Seeded;
beforeEach(async () => {
  s = await seed();
});
afterEach(async () => {
  await s.db.delete();
});

const t = (iso: string) => Date.parse(iso);
const titles = (items: { title: string }[]) => items.map((i) => i.title).sort();

describe('dueItemsIn', () => {
  it('returns pending follow-ups in the window, and not done, deleted or undated ones', async () => {
    const d = await s.decision('Move sessions to Redis');
    await s.followUp(d, 'in window', '2026-03-10T09:00:00.000Z');
    await s.followUp(d, 'after window', '2026-03-20T09:00:00.000Z');
    await s.followUp(d, 'no date', null);
    await setFollowUpDone(s.ctx, await s.followUp(d, 'done', '2026-03-10T09:00:00.000Z'), true);
    await deleteFollowUp(s.ctx, await s.followUp(d, 'deleted', '2026-03-10T09:00:00.000Z'));
    const { items, decisions } = await dueItemsIn(s.db, { until: t('2026-03-15T00:00:00.000Z') }, null);
    expect(titles(items)).toEqual(['in window']);
    expect(decisions.get(d)?.title).toBe('Move sessions to Redis');
  });

  it('cuts the window exactly: after is exclusive, until inclusive', async () => {
    const d = await s.decision('D');
    await s.followUp(d, 'at the start', '2026-03-10T09:00:00.000Z');
    await s.followUp(d, 'at the end', '2026-03-10T10:00:00.000Z');
    const w = { after: t('2026-03-10T09:00:00.000Z'), until: t('2026-03-10T10:00:00.000Z') };
    expect(titles((await dueItemsIn(s.db, w, null)).items)).toEqual(['at the end']);
  });

  it('reads dates written with an offset at their instant, not their text', async () => {
    const d = await s.decision('D');
    // 08:00 in UTC, which sorts as text after 09:00Z.
    await s.followUp(d, 'offset', '2026-03-10T13:00:00+05:00');
    const before9 = await dueItemsIn(s.db, { until: t('2026-03-10T09:00:00.000Z') }, null);
    expect(titles(before9.items)).toEqual(['offset']);
    const before8 = await dueItemsIn(s.db, { until: t('2026-03-10T07:59:59.000Z') }, null);
    expect(before8.items).toEqual([]);
  });

  it('moves a snoozed follow-up to its snooze time', async () => {
    const d = await s.decision('D');
    const f = await s.followUp(d, 'snoozed', '2026-03-10T09:00:00.000Z');
    await snoozeFollowUp(s.ctx, f, new Date('2026-03-12T08:00:00.000Z'));
    expect((await dueItemsIn(s.db, { until: t('2026-03-11T00:00:00.000Z') }, null)).items).toEqual([]);
    const later = await dueItemsIn(s.db, { until: t('2026-03-13T00:00:00.000Z') }, null);
    expect(later.items.map((i) => i.dueAt)).toEqual(['2026-03-12T08:00:00.000Z']);
  });

  it('leaves out the follow-ups of a deleted decision', async () => {
    const d = await s.decision('Gone');
    await s.followUp(d, 'orphan', '2026-03-10T09:00:00.000Z');
    await deleteDecision(s.ctx, d);
    expect((await dueItemsIn(s.db, {}, null)).items).toEqual([]);
  });

  it('adds decided decisions under review, owned by their Accountable', async () => {
    const dana = await s.person('Dana');
    const d = await s.decision('Use Postgres for sync');
    await s.review(d, dana, '2026-03-10T09:00:00.000Z');
    const { items, decisions } = await dueItemsIn(s.db, {}, null);
    expect(items).toEqual([
      expect.objectContaining({ kind: 'review', id: `review:${d}`, title: 'Use Postgres for sync' }),
    ]);
    // Who that is is looked up for the rows shown, or known at once when Dana asks for hers.
    const joined = await joinEntries(s.db, items, decisions);
    expect(joined.get(`review:${d}`)).toMatchObject({ ownerId: dana, ownerName: 'Dana' });
    expect((await dueItemsIn(s.db, {}, dana)).items).toEqual([expect.objectContaining({ ownerId: dana })]);
  });

  it('filters to "mine": my follow-ups and the reviews I am Accountable for', async () => {
    const me = await s.person('Me');
    const other = await s.person('Other');
    const d1 = await s.decision('Mine to review');
    const d2 = await s.decision('Theirs to review');
    await s.review(d1, me, '2026-03-10T09:00:00.000Z');
    await s.review(d2, other, '2026-03-10T09:00:00.000Z');
    await s.followUp(d2, 'my task', '2026-03-10T09:00:00.000Z', me);
    await s.followUp(d2, 'their task', '2026-03-10T09:00:00.000Z', other);
    await s.followUp(d2, 'nobody’s task', '2026-03-10T09:00:00.000Z', null);
    expect(titles((await dueItemsIn(s.db, {}, me)).items)).toEqual(['Mine to review', 'my task']);
    expect((await dueItemsIn(s.db, {}, null)).items).toHaveLength(5);
  });
});

describe('dueSection', () => {
  const window = { from: t('2026-03-10T00:00:00.000Z'), to: t('2026-03-11T00:00:00.000Z') };

  it('counts the whole section but reads only the first rows, soonest first, reviews included', async () => {
    const me = await s.person('Me');
    const d = await s.decision('D');
    for (const h of ['09', '03', '12', '06']) await s.followUp(d, `at ${h}`, `2026-03-10T${h}:00:00.000Z`);
    await s.followUp(d, 'before', '2026-03-09T23:59:59.999Z');
    await s.followUp(d, 'at the end, excluded', '2026-03-11T00:00:00.000Z');
    const r = await s.decision('Reviewed');
    await s.review(r, me, '2026-03-10T04:00:00.000Z');
    const section = await dueSection(s.db, window, 3, null);
    expect(section.total).toBe(5);
    expect(section.items.map((i) => i.title)).toEqual(['at 03', 'Reviewed', 'at 06']);
  });

  it('narrows to mine by key: my follow-ups and the reviews I am Accountable for', async () => {
    const me = await s.person('Me');
    const other = await s.person('Other');
    const d = await s.decision('Theirs');
    const r = await s.decision('Mine');
    await s.review(d, other, '2026-03-10T01:00:00.000Z');
    await s.review(r, me, '2026-03-10T02:00:00.000Z');
    await s.followUp(d, 'my task', '2026-03-10T03:00:00.000Z', me);
    await s.followUp(d, 'their task', '2026-03-10T04:00:00.000Z', other);
    const section = await dueSection(s.db, window, 10, await mineOf(s.db, me));
    expect(section.total).toBe(2);
    expect(section.items.map((i) => [i.title, i.ownerId])).toEqual([
      ['Mine', me],
      ['my task', me],
    ]);
  });

  it('drops and uncounts follow-ups of a deleted decision among the rows it reads', async () => {
    const gone = await s.decision('Gone');
    const kept = await s.decision('Kept');
    await s.followUp(gone, 'orphan', '2026-03-10T01:00:00.000Z');
    await s.followUp(kept, 'live', '2026-03-10T02:00:00.000Z');
    await deleteDecision(s.ctx, gone);
    const section = await dueSection(s.db, window, 10, null);
    expect(section).toMatchObject({ total: 1, items: [expect.objectContaining({ title: 'live' })] });
  });
});

describe('nextDueAfter', () => {
  it('finds the earliest due time after a moment, mine only when set', async () => {
    const me = await s.person('Me');
    const d = await s.decision('D');
    await s.followUp(d, 'past', '2026-03-10T08:00:00.000Z', me);
    await s.followUp(d, 'someone else, sooner', '2026-03-10T09:30:00.000Z');
    await s.followUp(d, 'mine', '2026-03-10T10:00:00.000Z', me);
    const from = t('2026-03-10T09:00:00.000Z');
    expect(await nextDueAfter(s.db, from, null)).toBe(t('2026-03-10T09:30:00.000Z'));
    expect(await nextDueAfter(s.db, from, me)).toBe(t('2026-03-10T10:00:00.000Z'));
    expect(await nextDueAfter(s.db, t('2026-03-10T10:00:00.000Z'), me)).toBeNull();
  });

  it('finds an offset-dated item that sorts after a later one as text', async () => {
    const d = await s.decision('D');
    await s.followUp(d, 'utc', '2026-03-10T10:00:00.000Z');
    await s.followUp(d, 'offset, earlier', '2026-03-10T14:00:00+05:00');
    expect(await nextDueAfter(s.db, t('2026-03-10T00:00:00.000Z'), null)).toBe(t('2026-03-10T09:00:00.000Z'));
  });

  it('wakes for reviews too', async () => {
    const me = await s.person('Me');
    const d = await s.decision('D');
    await s.review(d, me, '2026-04-01T09:00:00.000Z');
    expect(await nextDueAfter(s.db, t('2026-03-10T00:00:00.000Z'), me)).toBe(t('2026-04-01T09:00:00.000Z'));
  });
});

describe('resolveMe', () => {
  it('is the chosen stakeholder, or null when unset or deleted', async () => {
    expect(await resolveMe(s.db)).toBeNull();
    const me = await s.person('Me');
    await setMetaValue(s.db, ME_KEY, me);
    expect(await resolveMe(s.db)).toBe(me);
    await write(s.ctx, (tx) => tx.patch('stakeholders', me, { deleted: true }));
    expect(await resolveMe(s.db)).toBeNull();
  });
});
