// Issue 15: a row purged by compaction, then undeleted or edited by a device that still held it.
// The server kept only the delete, so the first write brings back a husk (only the fields it
// wrote). Every device that holds the row's content sends it once it sees the purge mark, and
// the row converges to the full row everywhere: on each device and in a fresh pull.
import { describe, expect, it } from 'vitest';
import type { SyncRow } from '../../src/core/merge';
import { compactWorkspace, inviteMember } from '../../src/server/admin';
import { sameRow } from '../../src/server/sync/rows';
import { hlcAt } from './helpers/api';
import { ENGINES } from './helpers/databases';
import { push, useServer } from './helpers/fixture';
import { rowKey, SimClient } from './helpers/sim-client';

const ID = '01900000-0000-7000-8000-00000000c0de';
const KEY = rowKey('decisions', ID);

describe.each(ENGINES)('a purged row written again on %s', (engine) => {
  const fx = useServer(engine);

  async function scenario(late: (c: SimClient) => void) {
    const { creds, as } = await fx.workspace();
    const token = async (name: string) =>
      (await inviteMember(fx.server.store, creds.workspaceId, name)).token;
    const a = new SimClient('reva', as);
    const b = new SimClient('revb', fx.api.as(await token('b')));
    const c = new SimClient('revc', fx.api.as(await token('c')));
    a.write('decisions', ID, {
      title: 'Queue on Redis',
      status: 'proposed',
      rationale: 'Ops runs it',
      tags: ['infra', 'q3'],
      options: [{ id: 'o1', title: 'Redis', pros: '', cons: '', chosen: false }],
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      deleted: false,
    });
    await a.flush();
    await b.pull();
    await c.pull();
    // B edits while C is away; A deletes; everything deleted is purged.
    b.write('decisions', ID, { consequences: 'we run one more service', tags: ['infra', 'q3', 'ops'] });
    await b.flush();
    await a.pull();
    a.write('decisions', ID, { deleted: true });
    await a.flush();
    await b.pull();
    await compactWorkspace(fx.server.store, creds.workspaceId, 0, Date.now() + 10 * 60_000);
    // C comes back and writes to the row it still holds.
    late(c);
    const fresh = new SimClient('revd', fx.api.as(await token('d')));
    const clients = [a, b, c, fresh];
    for (let round = 0; round < 4; round++) {
      for (const x of clients) await x.flush();
      for (const x of clients) await x.pull();
    }
    const final = (await as.pullAll()).changes.find((ch) => ch.row.id === ID)?.row as SyncRow;
    for (const x of clients) {
      const local = x.rows.get(KEY);
      if (!sameRow(local, final)) expect(local, `${x.clientId} differs from a fresh pull`).toEqual(final);
    }
    return final;
  }

  it('brings back the whole row after an undelete, everyone’s content included', async () => {
    const final = await scenario((c) => c.write('decisions', ID, { deleted: false }));
    expect(final).toMatchObject({
      title: 'Queue on Redis',
      rationale: 'Ops runs it',
      consequences: 'we run one more service',
      deleted: false,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect(final.tags).toEqual(['infra', 'q3', 'ops']);
    expect((final.options as { id: string }[]).map((o) => o.id)).toEqual(['o1']);
  });

  it('keeps an edited purged row a whole tombstone on every device', async () => {
    const final = await scenario((c) => c.write('decisions', ID, { title: 'Queue on Valkey' }));
    expect(final).toMatchObject({ title: 'Queue on Valkey', rationale: 'Ops runs it', deleted: true });
  });

  it('refuses element states newer than their mutation or filed under another key, naming it', async () => {
    const { as } = await fx.workspace();
    const h = hlcAt('revz', Date.now() - 1000);
    const later = hlcAt('revz', Date.now());
    const send = (elements: Record<string, unknown>) =>
      push(as, 'revz', [
        { id: 1, hlc: h, ops: [{ table: 'decisions', id: ID, set: {}, lists: { tags: { elements } } }] },
      ]);
    const newer = await send({ db: { v: 'db', h: later, a: [later] } });
    expect(newer.status).toBe(400);
    expect(newer.body).toMatchObject({ mutationId: 1, message: expect.stringMatching(/element states/) });
    const misfiled = await send({ ops: { v: 'db', h, a: [h] } });
    expect(misfiled.status).toBe(400);
    expect(misfiled.body).toMatchObject({ mutationId: 1, message: expect.stringMatching(/not the element/) });
    const fine = await send({ db: { v: 'db', h, a: [h], o: `${h} 0000` } });
    expect(fine.status).toBe(200);
  });
});
