// Recovery paths of the sync engine against a real server (in-process, PGlite): a mutation the
// server refuses for good, a server restored from an older backup, a cursor the server cannot serve.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDecision } from '../../../src/storage/decisions';
import { refusedChanges } from '../../../src/sync/refused';
import { describeStatus, readStatus } from '../../../src/sync/status';
import { profile, startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => server?.close());

/** The workspace's server-side state, to put back later as a restore from a backup would. */
async function backup(on: TestServer, workspaceId: string) {
  const q = (sql: string) => on.store.query<Record<string, unknown>>(sql, [workspaceId]);
  return {
    workspace: await q('SELECT seq, min_cursor, epoch FROM workspaces WHERE id = $1'),
    clients: await q('SELECT client_id, member_id, last_mutation_id FROM clients WHERE workspace_id = $1'),
    records: await q('SELECT tbl, id, seq, data::text AS data FROM records WHERE workspace_id = $1'),
  };
}

async function restore(on: TestServer, workspaceId: string, saved: Awaited<ReturnType<typeof backup>>) {
  await on.store.transaction(async (tx) => {
    const ws = saved.workspace[0] as { seq: unknown; min_cursor: unknown; epoch: unknown };
    await tx.query('UPDATE workspaces SET seq = $2, min_cursor = $3, epoch = $4 WHERE id = $1', [
      workspaceId,
      ws.seq,
      ws.min_cursor,
      ws.epoch,
    ]);
    await tx.query('DELETE FROM clients WHERE workspace_id = $1', [workspaceId]);
    await tx.query('DELETE FROM records WHERE workspace_id = $1', [workspaceId]);
    for (const c of saved.clients)
      await tx.query(
        'INSERT INTO clients (workspace_id, client_id, member_id, last_mutation_id) VALUES ($1, $2, $3, $4)',
        [workspaceId, c.client_id, c.member_id, c.last_mutation_id],
      );
    for (const r of saved.records)
      await tx.query(
        'INSERT INTO records (workspace_id, tbl, id, seq, data) VALUES ($1, $2, $3, $4, $5::jsonb)',
        [workspaceId, r.tbl, r.id, r.seq, r.data],
      );
  });
}

describe('sync recovery', { timeout: 60_000 }, () => {
  it('after a restore that forgot this client (409 expectedId 1), renumbers, re-sends what it holds and loops no more', async () => {
    const own = await startTestServer();
    try {
      const wsId = own.admin.workspaceId;
      const a = await profile(own, own.admin.token);
      const b = await profile(own, (await own.invite('Bo')).token);
      const saved = await backup(own, wsId); // before a ever pushed
      const early = await createDecision(a.ctx, { title: 'Acknowledged, then lost in the restore' });
      await a.sync();
      expect(await a.db.outbox.count()).toBe(0);
      await restore(own, wsId, saved);
      const late = await createDecision(a.ctx, { title: 'Written after the restore' });
      const calls: number[] = [];
      const counting: typeof fetch = async (input, init) => {
        const res = await fetch(input, init);
        calls.push(res.status);
        return res;
      };
      await a.sync({ fetch: counting });
      expect(calls.filter((s) => s === 409)).toHaveLength(1);
      expect(await a.db.outbox.count()).toBe(0);
      await b.sync();
      expect((await b.db.decisions.get(early))?.title).toBe('Acknowledged, then lost in the restore');
      expect((await b.db.decisions.get(late))?.title).toBe('Written after the restore');
      // And it goes on normally.
      const next = await createDecision(a.ctx, { title: 'Next' });
      await a.sync({ fetch: counting });
      expect(calls.filter((s) => s === 409)).toHaveLength(1);
      await b.sync();
      expect((await b.db.decisions.get(next))?.title).toBe('Next');
    } finally {
      await own.close();
    }
  });

  it('on 410 after a restore, keeps its local rows and pushes them again', async () => {
    const own = await startTestServer();
    try {
      const wsId = own.admin.workspaceId;
      const a = await profile(own, own.admin.token);
      const b = await profile(own, (await own.invite('Bea')).token);
      const saved = await backup(own, wsId);
      const ids = [
        await createDecision(a.ctx, { title: 'One' }),
        await createDecision(a.ctx, { title: 'Two' }),
      ];
      await a.sync();
      await restore(own, wsId, saved);
      // Nothing new to push, so no 409: the pull's cursor is ahead of the server and gets 410.
      await a.sync();
      for (const id of ids) expect(await a.db.decisions.get(id)).toBeDefined();
      await b.sync();
      expect((await b.db.decisions.bulkGet(ids)).map((d) => d?.title)).toEqual(['One', 'Two']);
    } finally {
      await own.close();
    }
  });

  it('sets aside a mutation the server refuses, keeps it visible, and lets later edits through', async () => {
    const a = await profile(server, server.admin.token);
    const b = await profile(server, server.admin.token);
    const before = await createDecision(a.ctx, { title: 'Written before' });
    // What an older version could queue: a title cut inside an emoji.
    const badId = crypto.randomUUID();
    await a.db.outbox.add({
      hlc: a.ctx.clock.now(),
      ops: [{ table: 'decisions', id: badId, set: { title: 'Cut \uD83D', status: 'proposed' } }],
    });
    const after = await createDecision(a.ctx, { title: 'Written after' });
    await a.sync();
    expect(await a.db.outbox.count()).toBe(0);
    const refused = await refusedChanges(a.db, a.deps.workspaceId);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.ops[0]?.id).toBe(badId);
    expect(refused[0]?.reason).toMatch(/decisions\.title: ill-formed/);
    const status = await readStatus(a.db);
    expect(status.state).toBe('synced');
    expect(describeStatus(status, 0)).toMatch(/1 change refused by the server, kept on this device/);
    // The edits around it reached the teammate; the next edit goes through too.
    await b.sync();
    expect((await b.db.decisions.get(before))?.title).toBe('Written before');
    expect((await b.db.decisions.get(after))?.title).toBe('Written after');
    expect(await b.db.decisions.get(badId)).toBeUndefined();
    const later = await createDecision(a.ctx, { title: 'Later still' });
    await a.sync();
    await b.sync();
    expect((await b.db.decisions.get(later))?.title).toBe('Later still');
  });
});
