// @vitest-environment happy-dom
// No silent loss: a change the browser refuses to store (a full disk) shows what was not saved,
// with a one-click backup of everything stored; a domain refusal (no title) does not.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { database } from '../../../src/storage/db';
import { createDecision, updateDecision } from '../../../src/storage/decisions';
import type { WriteContext } from '../../../src/storage/write';
import { button, click, freshDb, mountUi, unmountUi } from '../sidebar/helpers';
import { captureDownloads } from './downloads';

vi.mock('../../../src/messaging/browser-api', () => import('./fake-api'));
// As the page's main does before it mounts: this page reads and writes the local database.
const { setDataSource } = await import('../../../src/ui/data-source');
setDataSource((await import('../../../src/ui/local-data')).localData);
const { act } = await import('../../../src/ui/actions');
const { SaveErrorBanner } = await import('../../../src/ui/SaveErrorBanner');
const { clearSaveError } = await import('../../../src/ui/save-errors');

let ctx: WriteContext;
let id: string;
beforeEach(async () => {
  ctx = await freshDb();
  clearSaveError();
  id = await createDecision(ctx, { title: 'Use Postgres' });
});
afterEach(async () => {
  await unmountUi();
  vi.restoreAllMocks();
});

const fullDisk = () =>
  vi.spyOn(database().decisions, 'put').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));

describe('SaveErrorBanner', () => {
  it('says which change the full disk refused, and exports a backup in one click', async () => {
    const saved = captureDownloads();
    const el = await mountUi(<SaveErrorBanner />);
    expect(el.textContent).toBe('');
    fullDisk();
    await expect(
      act((c) => updateDecision(c, id, { rationale: 'Managed service' }), 'the rationale of “Use Postgres”'),
    ).rejects.toMatchObject({ code: 'quota' });
    await vi.waitFor(() =>
      expect(el.querySelector('[role="alert"]')?.textContent).toContain(
        'Not saved: the rationale of “Use Postgres”.',
      ),
    );
    expect(el.textContent).toContain('storage is full');
    expect((await database().decisions.get(id))?.rationale).toBe('');
    await click(button(el, 'Export a JSON backup'));
    await vi.waitFor(() =>
      expect(saved.map((s) => s.name)).toEqual([expect.stringMatching(/^decidedly-backup-/)]),
    );
    expect(await saved[0]?.blob.text()).toContain('Use Postgres');
    await click(button(el, 'Dismiss'));
    expect(el.querySelector('[role="alert"]')).toBeNull();
  });

  it('stays away for refusals the form already shows', async () => {
    const el = await mountUi(<SaveErrorBanner />);
    await expect(act((c) => updateDecision(c, id, { title: '  ' }))).rejects.toMatchObject({
      code: 'invalid',
    });
    expect(el.querySelector('[role="alert"]')).toBeNull();
  });
});
