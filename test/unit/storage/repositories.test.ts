import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HlcClock } from '../../../src/core/hlc';
import { Decision, describeIssues, TABLES } from '../../../src/core/schemas';
import { type DecidedlyDb, openDb } from '../../../src/storage/db';
import {
  createDecision,
  deleteDecision,
  setStatus,
  supersede,
  undeleteDecision,
  updateDecision,
} from '../../../src/storage/decisions';
import { addFollowUp } from '../../../src/storage/follow-ups';
import { addRole, createStakeholder, updateRole } from '../../../src/storage/people';
import { type WriteContext, write } from '../../../src/storage/write';

let db: DecidedlyDb;
let ctx: WriteContext;

beforeEach(async () => {
  db = openDb(`test-${crypto.randomUUID()}`);
  await db.open();
  ctx = { db, clock: new HlcClock('c1'), workspaceId: 'local', actor: 'me' };
});
afterEach(async () => {
  await db.delete();
});

const anchor = {
  pageKey: 'jira:acme.atlassian.net:ACME-7',
  url: 'https://acme.atlassian.net/browse/ACME-7',
  pageTitle: 'ACME-7 · Fix the login timeout',
  site: 'jira',
  selectors: {
    quote: { exact: 'move sessions to Redis', prefix: 'We agreed to ', suffix: ' by Q3' },
    position: { start: 10, end: 32 },
  },
};

describe('repositories', () => {
  it('write the row, its events and one outbox mutation together', async () => {
    const id = await createDecision(ctx, { title: 'Move sessions to Redis' }, anchor);
    const decision = await db.decisions.get(id);
    const parsed = Decision.safeParse(decision);
    expect(parsed.success ? 'valid' : describeIssues(parsed.error)).toBe('valid');
    expect(decision?.status).toBe('proposed');
    expect((await db.anchors.toArray()).map((a) => a.decisionId)).toEqual([id]);
    expect((await db.events.toArray()).map((e) => e.kind).sort()).toEqual(['anchored', 'created']);
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.ops.map((o) => o.table).sort()).toEqual(['anchors', 'decisions', 'events', 'events']);
    // Every field of every row is stamped with the mutation's HLC.
    expect(Object.values(decision?.fieldHlc ?? {}).every((h) => h === outbox[0]?.hlc)).toBe(true);
    for (const [table, schema] of Object.entries(TABLES)) {
      for (const row of await db.table(table).toArray()) expect(schema.safeParse(row).success).toBe(true);
    }
  });

  it('leave nothing behind when the transaction fails part-way', async () => {
    await expect(
      write(ctx, async (tx) => {
        const id = tx.create('decisions', { title: 'Half done' });
        tx.event(id, 'created');
        tx.patch('decisions', crypto.randomUUID(), { title: 'missing row' });
      }),
    ).rejects.toThrow(/No decisions record/);
    expect(await db.decisions.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('make one role when two contexts add the same person to a decision at once', async () => {
    // The sidebar and the popup are separate contexts on one database: each write reads what it
    // decides on inside its own transaction, so the second sees the first's role.
    const id = await createDecision(ctx, { title: 'Move sessions to Redis' });
    const dana = await createStakeholder(ctx, { name: 'Dana', function: 'Product' });
    const popup: WriteContext = { ...ctx, clock: new HlcClock('c1') };
    const [first, second] = await Promise.all([addRole(ctx, id, dana, 'A'), addRole(popup, id, dana, 'A')]);
    expect(second).toBe(first);
    expect((await db.roles.toArray()).map((r) => [r.decisionId, r.stakeholderId, r.raci])).toEqual([
      [id, dana, 'A'],
    ]);
    expect((await db.events.toArray()).filter((e) => e.kind === 'role')).toHaveLength(1);
  });

  it('let the latest local write win, whichever context made it and wherever its wall clock is', async () => {
    // Contexts of one profile share its node id; their wall clocks may be ahead of or behind each
    // other's (or equal, to the millisecond: equal HLCs unless each write first receives the row's).
    const wall = Date.parse('2026-03-01T10:00:00Z');
    const offset = fc.constantFrom(0, 0, 1, -1, 3_600_000, -3_600_000, 86_400_000, -86_400_000);
    await fc.assert(
      fc.asyncProperty(
        fc.array(offset, { minLength: 2, maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('Use Redis', 'Use Postgres', 'Use Memcached')), {
          minLength: 1,
          maxLength: 8,
        }),
        async (offsets, edits) => {
          const contexts = offsets.map(
            (o): WriteContext => ({ ...ctx, clock: new HlcClock('profile', () => wall + o) }),
          );
          const id = await createDecision(contexts[0] as WriteContext, { title: 'Pick a cache' });
          let last = (await db.decisions.get(id))?.fieldHlc.title ?? '';
          for (const [which, title] of edits) {
            const c = contexts[which % contexts.length] as WriteContext;
            await updateDecision(c, id, { title, rationale: `${title}, from context ${which}` });
            const row = await db.decisions.get(id);
            expect(row?.title).toBe(title);
            expect(row?.rationale).toBe(`${title}, from context ${which}`);
            expect((row?.fieldHlc.rationale ?? '') > last, 'stamped later than the version it replaced').toBe(
              true,
            );
            last = row?.fieldHlc.rationale ?? '';
          }
        },
      ),
      { numRuns: 15 },
    );
  }, 30_000);

  it('stamp only changed fields and stamp them later than before', async () => {
    const id = await createDecision(ctx, { title: 'T' });
    const before = (await db.decisions.get(id))?.fieldHlc ?? {};
    await updateDecision(ctx, id, { rationale: 'Because latency', title: 'T' });
    const after = (await db.decisions.get(id))?.fieldHlc ?? {};
    expect(after.title).toBe(before.title);
    expect((after.rationale ?? '') > (before.rationale ?? '')).toBe(true);
    const last = (await db.outbox.toArray()).at(-1);
    expect(Object.keys(last?.ops.find((o) => o.table === 'decisions')?.set ?? {}).sort()).toEqual([
      'rationale',
      'updatedAt',
    ]);
  });

  it('let the why left empty at deciding be filled in, by the same device in one sitting', async () => {
    let now = Date.parse('2026-12-02T10:00:00Z');
    const at = (c: WriteContext) => ({ ...c, now: () => new Date(now) });
    const wall = () => now;
    const mine = at({ ...ctx, clock: new HlcClock('c1', wall) });
    const id = await createDecision(mine, { title: 'Use Postgres' });
    await addRole(mine, id, await createStakeholder(mine, { name: 'Dana' }), 'A');
    await setStatus(mine, id, 'decided');
    now += 60_000;
    await updateDecision(mine, id, { rationale: 'Boring te' });
    now += 2_000;
    await updateDecision(mine, id, { rationale: 'Boring tech' });
    const other = at({ ...ctx, clock: new HlcClock('c2', wall) });
    await expect(updateDecision(other, id, { rationale: 'Shiny tech' })).rejects.toThrow(/locked/);
    now += 11 * 60_000;
    await expect(updateDecision(mine, id, { rationale: 'Boring tech, mostly' })).rejects.toThrow(/locked/);
    expect((await db.decisions.get(id))?.rationale).toBe('Boring tech');
  });

  it('require one Accountable to decide, then lock the what and why', async () => {
    const id = await createDecision(ctx, { title: 'Use Postgres', rationale: 'Boring tech' });
    await expect(setStatus(ctx, id, 'decided')).rejects.toThrow(/Accountable/);
    const dana = await createStakeholder(ctx, { name: 'Dana', function: 'Engineering' });
    const role = await addRole(ctx, id, dana, 'A');
    await updateRole(ctx, role, { stance: 'supports' });
    await setStatus(ctx, id, 'decided');
    const d = await db.decisions.get(id);
    expect([d?.status, d?.locked, typeof d?.decidedAt]).toEqual(['decided', true, 'string']);
    await expect(updateDecision(ctx, id, { rationale: 'sneaky rewrite' })).rejects.toThrow(/locked/);
    await expect(updateDecision(ctx, id, { title: 'Use MySQL' })).rejects.toThrow(/locked/);
    await updateDecision(ctx, id, { consequences: 'We run one more service' });
    await setStatus(ctx, id, 'revisiting');
    await updateDecision(ctx, id, { rationale: 'Reconsidered openly' });
    const kinds = (await db.events.where('decisionId').equals(id).toArray()).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['created', 'role', 'stance', 'status', 'edited']));
  });

  it('supersede links both decisions and carries the anchors', async () => {
    const id = await createDecision(ctx, { title: 'Use MySQL' }, anchor);
    const dana = await createStakeholder(ctx, { name: 'Dana' });
    await addRole(ctx, id, dana, 'A');
    await setStatus(ctx, id, 'decided');
    const next = await supersede(ctx, id, { title: 'Use Postgres' });
    const [old, fresh] = await db.decisions.bulkGet([id, next]);
    expect([old?.status, old?.supersededBy, fresh?.supersedes, fresh?.status]).toEqual([
      'superseded',
      next,
      id,
      'proposed',
    ]);
    expect((await db.anchors.where('decisionId').equals(next).toArray()).map((a) => a.pageKey)).toEqual([
      anchor.pageKey,
    ]);
  });

  it('index pending follow-ups by due date and drop them from the index when done', async () => {
    const id = await createDecision(ctx, { title: 'T' });
    await addFollowUp(ctx, id, { title: 'Write the RFC', dueAt: '2026-12-01T17:00:00.000Z' });
    expect(await db.followUps.where('_due').below('2026-12-02').count()).toBe(1);
    const f = await db.followUps.toCollection().first();
    const { setFollowUpDone } = await import('../../../src/storage/follow-ups');
    await setFollowUpDone(ctx, f?.id ?? '', true);
    expect(await db.followUps.where('_due').below('9999').count()).toBe(0);
  });

  it('index deleted decisions by deletion time and drop them from the index when restored', async () => {
    const [a, b] = [await createDecision(ctx, { title: 'A' }), await createDecision(ctx, { title: 'B' })];
    await deleteDecision(ctx, b);
    const deleted = () => db.decisions.orderBy('_deleted').primaryKeys();
    expect(await deleted()).toEqual([b]);
    expect((await db.decisions.get(b))?._deleted).toBe((await db.decisions.get(b))?.updatedAt);
    await undeleteDecision(ctx, b);
    await deleteDecision(ctx, a);
    expect(await deleted()).toEqual([a]);
  });

  it('take the follow-ups of a deleted decision out of the due index, and back on restore', async () => {
    const [kept, gone] = [
      await createDecision(ctx, { title: 'Kept' }),
      await createDecision(ctx, { title: 'Gone' }),
    ];
    await addFollowUp(ctx, kept, { title: 'A', dueAt: '2026-12-01T17:00:00.000Z' });
    await addFollowUp(ctx, gone, { title: 'B', dueAt: '2026-12-02T17:00:00.000Z' });
    const dueTitles = async () => (await db.followUps.orderBy('_due').toArray()).map((f) => f.title);
    expect(await dueTitles()).toEqual(['A', 'B']);
    await deleteDecision(ctx, gone);
    expect(await dueTitles()).toEqual(['A']);
    // An edit of the follow-up itself does not bring it back while its decision is deleted.
    const b = await db.followUps.where('decisionId').equals(gone).first();
    const { snoozeFollowUp } = await import('../../../src/storage/follow-ups');
    await snoozeFollowUp(ctx, b?.id ?? '', new Date('2026-12-05T09:00:00.000Z'));
    expect(await dueTitles()).toEqual(['A']);
    await undeleteDecision(ctx, gone);
    expect(await dueTitles()).toEqual(['A', 'B']);
    expect((await db.followUps.get(b?.id ?? ''))?._due).toBe('2026-12-05T09:00:00.000Z');
  });

  it('cut a bulk change into mutations the server accepts, all with one HLC', async () => {
    const ids = await write(ctx, (tx) =>
      Array.from({ length: 250 }, (_, i) => tx.create('decisions', { title: `D${i}` })),
    );
    expect(ids).toHaveLength(250);
    const entries = await db.outbox.toArray();
    expect(entries.map((e) => e.ops.length)).toEqual([100, 100, 50]);
    expect(new Set(entries.map((e) => e.hlc)).size).toBe(1);
  });
});
