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

describe('sync recovery', { timeout: 60_000 }, () => {
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
