// Stakeholders' site handles in local storage: written through the repositories (and queued for
// sync), kept by a backup's export and import, and absent on rows that never had one.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { importBackup } from '../../../src/storage/import';
import { createStakeholder, updateStakeholder } from '../../../src/storage/people';
import { backupOf, closeDevices, device, replayOutbox } from './import-helpers';

afterEach(closeDevices);

describe('stakeholder handles in storage', () => {
  it('survive a backup round trip, and older rows without one stay valid', async () => {
    const a = await device('laptop');
    const dana = await createStakeholder(a, { name: 'Dana Okafor', handle: 'github:dana-okafor' });
    const lee = await createStakeholder(a, { name: 'Lee' });
    await updateStakeholder(a, dana, { handle: 'github:dana-okafor atlassian:5d9f' });
    const b = await device('desktop');
    await importBackup(b, await backupOf(a));
    expect((await b.db.stakeholders.get(dana))?.handle).toBe('github:dana-okafor atlassian:5d9f');
    expect(await b.db.stakeholders.get(lee)).not.toHaveProperty('handle');
  });

  it('are queued for sync like any other field', async () => {
    const a = await device('laptop');
    const dana = await createStakeholder(a, { name: 'Dana Okafor', handle: 'github:dana-okafor' });
    const rows = await replayOutbox(a.db);
    expect(rows.get(`stakeholders:${dana}`)).toMatchObject({ handle: 'github:dana-okafor' });
  });

  it('refuse free text and keep what was stored', async () => {
    const a = await device('laptop');
    const dana = await createStakeholder(a, { name: 'Dana Okafor', handle: 'github:dana-okafor' });
    await expect(updateStakeholder(a, dana, { handle: 'Dana on GitHub' })).rejects.toThrow(
      /not a list of site handles/,
    );
    expect((await a.db.stakeholders.get(dana))?.handle).toBe('github:dana-okafor');
  });
});
