// Issue 15 items 3 and 4 end to end: two profiles through a real server (PGlite), each editing
// offline. Both free-text versions survive, and both people's list additions are kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionOption } from '../../../src/core/schemas';
import { createDecision, updateDecision } from '../../../src/storage/decisions';
import { profile, startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => server?.close());

const option = (id: string, title: string): DecisionOption => ({
  id,
  title,
  pros: '',
  cons: '',
  chosen: false,
});

describe('merging through sync', { timeout: 60_000 }, () => {
  it('keeps an offline consequences edit after a teammate edited it twice, and both sets of additions', async () => {
    const a = await profile(server, server.admin.token);
    const b = await profile(server, (await server.invite('Bea')).token);
    const id = await createDecision(a.ctx, { title: 'Queue on Redis', consequences: 'v0', tags: ['infra'] });
    await a.sync();
    await b.sync();
    // A goes offline and edits; B edits twice and syncs each time.
    const base = (await a.db.decisions.get(id))?.options ?? [];
    await updateDecision(a.ctx, id, {
      consequences: 'alice offline',
      tags: ['infra', 'db'],
      options: [...base, option('01900000-0000-7000-8000-0000000000a1', 'Kafka')],
    });
    await updateDecision(b.ctx, id, { consequences: 'bob 1', tags: ['infra', 'q3'] });
    await b.sync();
    await updateDecision(b.ctx, id, {
      consequences: 'bob 2',
      options: [option('01900000-0000-7000-8000-0000000000b1', 'RabbitMQ')],
    });
    await b.sync();
    await a.sync();
    await b.sync();
    for (const p of [a, b]) {
      const d = await p.db.decisions.get(id);
      const versions = [d?.consequences, ...(d?.conflicts?.consequences ?? []).map((v) => v.value)];
      expect(versions.sort()).toEqual(['alice offline', 'bob 2']);
      expect([...(d?.tags ?? [])].sort()).toEqual(['db', 'infra', 'q3']);
      expect(d?.options.map((o) => o.title).sort()).toEqual(['Kafka', 'RabbitMQ']);
    }
    expect(await a.db.decisions.get(id)).toEqual(await b.db.decisions.get(id));
  });

  it('keeps a list past its limit after concurrent additions valid on every device: nothing quarantined', async () => {
    const a = await profile(server, server.admin.token);
    const b = await profile(server, (await server.invite('Cai')).token);
    const tags = (p: string) => Array.from({ length: 30 }, (_, i) => `${p}${i}`);
    const id = await createDecision(a.ctx, { title: 'Tag everything' });
    await a.sync();
    await b.sync();
    await updateDecision(a.ctx, id, { tags: tags('a') });
    await updateDecision(b.ctx, id, { tags: tags('b') });
    await a.sync();
    await b.sync();
    await a.sync();
    const c = await profile(server, (await server.invite('Dee')).token);
    await c.sync();
    for (const p of [a, b, c]) {
      expect(await p.db.quarantine.count()).toBe(0);
      expect((await p.db.decisions.get(id))?.tags).toHaveLength(50);
    }
    expect(await c.db.decisions.get(id)).toEqual(await a.db.decisions.get(id));
    expect(await b.db.decisions.get(id)).toEqual(await a.db.decisions.get(id));
  });
});
