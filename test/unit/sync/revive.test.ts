// Issue 15: a decision purged by compaction, then renamed by a device that was away and restored
// by the one that deleted it. The server kept only the delete; the devices holding the decision send it back whole when they see the
// purge mark, so every device — a fresh one included — ends with the whole decision, none of
// them with a quarantined husk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactWorkspace } from '../../../src/server/admin';
import {
  createDecision,
  deleteDecision,
  undeleteDecision,
  updateDecision,
} from '../../../src/storage/decisions';
import { profile, startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => server?.close(), 30_000);

describe('a purged decision written again', { timeout: 60_000 }, () => {
  it('comes back whole on every device', async () => {
    const a = await profile(server, server.admin.token);
    const b = await profile(server, (await server.invite('Bea')).token);
    const id = await createDecision(a.ctx, {
      title: 'Queue on Valkey',
      rationale: 'Ops runs it',
      tags: ['infra', 'q3'],
    });
    await a.sync();
    await b.sync();
    await updateDecision(a.ctx, id, { consequences: 'one more service' });
    await deleteDecision(a.ctx, id);
    await a.sync();
    await compactWorkspace(server.store, server.admin.workspaceId, 0, Date.now() + 10 * 60_000);
    // B, away, renames the decision it still holds; then A restores the decision it deleted.
    await updateDecision(b.ctx, id, { title: 'Queue on Valkey' });
    await b.sync();
    await undeleteDecision(a.ctx, id);
    await a.sync();
    await b.sync();
    const c = await profile(server, (await server.invite('Cai')).token);
    await c.sync();
    const whole = await a.db.decisions.get(id);
    expect(whole).toMatchObject({
      title: 'Queue on Valkey',
      rationale: 'Ops runs it',
      consequences: 'one more service',
      deleted: false,
    });
    for (const p of [b, c]) {
      expect(await p.db.quarantine.count()).toBe(0);
      expect(await p.db.decisions.get(id)).toEqual(whole);
    }
  });
});
