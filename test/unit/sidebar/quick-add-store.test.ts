// Quick add as one write: tags, the Accountable, the follow-up and the status together, or nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HlcClock } from '../../../src/core/hlc';
import { parseQuickAdd } from '../../../src/core/quick-add';
import { type DecidedlyDb, openDb } from '../../../src/storage/db';
import { createStakeholder } from '../../../src/storage/people';
import { createFromQuickAdd, quickAddProblem } from '../../../src/storage/quick-add';
import { type WriteContext, WriteError } from '../../../src/storage/write';

// The follow-up step can be made to fail, to see the whole quick add roll back.
vi.mock('../../../src/storage/follow-ups', async (load) => {
  const real = await load<typeof import('../../../src/storage/follow-ups')>();
  return { ...real, addFollowUp: vi.fn(real.addFollowUp) };
});
const followUps = await import('../../../src/storage/follow-ups');

let db: DecidedlyDb;
let ctx: WriteContext;
const MON = new Date('2026-11-23T09:00:00Z');
const draftOf = (line: string) => {
  const p = parseQuickAdd(line, MON, 'Europe/Berlin');
  expect(p.errors).toEqual([]);
  return { ...p, dueAt: p.due?.date.toISOString() ?? null };
};

beforeEach(async () => {
  db = openDb(`quick-${crypto.randomUUID()}`);
  await db.open();
  ctx = { db, clock: new HlcClock('c1'), workspaceId: 'local', actor: 'local' };
});
afterEach(async () => db.delete());

describe('createFromQuickAdd', () => {
  it('saves the full example as a decided decision with its Accountable, tag and next step', async () => {
    const id = await createFromQuickAdd(
      ctx,
      draftOf('Use Postgres for sync @Dana #backend due:fri !decided'),
    );
    const d = await db.decisions.get(id);
    expect(d).toMatchObject({
      title: 'Use Postgres for sync',
      tags: ['backend'],
      status: 'decided',
      locked: true,
    });
    const [dana] = await db.stakeholders.toArray();
    expect(dana?.name).toBe('Dana');
    const roles = await db.roles.where('decisionId').equals(id).toArray();
    expect(roles.map((r) => [r.stakeholderId, r.raci])).toEqual([[dana?.id, 'A']]);
    const [f] = await db.followUps.toArray();
    expect(f).toMatchObject({
      title: 'Put the decision into effect',
      ownerId: dana?.id,
      dueAt: '2026-11-27T16:00:00.000Z',
    });
    const kinds = (await db.events.toArray()).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['created', 'role', 'followup', 'status']));
    expect(await db.outbox.count()).toBeGreaterThan(0);
  });

  it('reuses a directory entry by full name or unique first name, and later mentions are Responsible', async () => {
    const dana = await createStakeholder(ctx, { name: 'Dana Okafor' });
    const id = await createFromQuickAdd(ctx, draftOf('Rotate session ids @dana @"Marco Bianchi"'));
    const roles = await db.roles.where('decisionId').equals(id).toArray();
    const people = await db.stakeholders.toArray();
    expect(people.map((p) => p.name).sort()).toEqual(['Dana Okafor', 'Marco Bianchi']);
    const marco = people.find((p) => p.name === 'Marco Bianchi');
    expect(roles.map((r) => [r.stakeholderId, r.raci]).sort()).toEqual(
      [
        [dana, 'A'],
        [marco?.id, 'R'],
      ].sort(),
    );
    expect(await db.followUps.count()).toBe(0);
  });

  it('names the next step after what the decision still needs', async () => {
    await createFromQuickAdd(ctx, draftOf('Use Postgres @Dana due:fri'));
    await createFromQuickAdd(ctx, draftOf('Drop the API @Dana due:fri !rejected'));
    const titles = (await db.followUps.toArray()).map((f) => f.title).sort();
    expect(titles).toEqual(['Reach a decision', 'Tell those affected it was rejected']);
  });

  it('refuses !decided without an owner and leaves nothing behind', async () => {
    const draft = draftOf('Ship it !decided');
    expect(quickAddProblem(draft)).toMatch(/@owner/);
    await expect(createFromQuickAdd(ctx, draft)).rejects.toThrow(/Accountable/);
    expect(await db.decisions.count()).toBe(0);
  });

  it('refuses a status a new decision cannot have', () => {
    expect(quickAddProblem(draftOf('Keep the API @Dana !revisiting'))).toMatch(/cannot start as revisiting/);
    expect(quickAddProblem(draftOf('Drop the API !rejected'))).toBeNull();
  });

  it('rolls every part back when a later step fails', async () => {
    vi.mocked(followUps.addFollowUp).mockRejectedValueOnce(new WriteError('disk full', 'quota'));
    await expect(createFromQuickAdd(ctx, draftOf('Drop the API @Dana due:fri !rejected'))).rejects.toThrow(
      'disk full',
    );
    expect(await db.decisions.count()).toBe(0);
    expect(await db.stakeholders.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
