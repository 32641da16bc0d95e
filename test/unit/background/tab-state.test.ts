// Per-tab state has one writer, the background: changes to a tab run one after another (none
// is lost when messages arrive together), what is read back is validated, and every change is
// announced to the frames that follow the tab.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/messaging/browser-api', () => import('../sidebar/fake-api'));
const { clearSession, api } = await import('../sidebar/fake-api');
const { onTabStateChanged, tabState, updateTabState, TAB_STATE_KEY, sessionTabs } = await import(
  '../../../src/background/tab-state'
);
const { tabInit } = await import('../sidebar/loopback');

beforeEach(() => clearSession());

describe('tab state', () => {
  it('applies changes that arrive together one after another, losing none', async () => {
    await updateTabState(1, {}, tabInit());
    // Each change reads the state, waits (storage is async), then writes: unserialised, the
    // later writes would start from the same old state and drop the earlier ones.
    await Promise.all([
      updateTabState(1, { sidebarOpen: true }),
      updateTabState(1, { missingAnchors: ['a'] }),
      updateTabState(1, (s) => ({ missingAnchors: [...s.missingAnchors, 'b'] })),
      updateTabState(1, { focusDecisionId: 'd' }),
    ]);
    expect(await tabState(1)).toMatchObject({
      sidebarOpen: true,
      missingAnchors: ['a', 'b'],
      focusDecisionId: 'd',
    });
  });

  it('reads a malformed entry as no state, and never writes one', async () => {
    await api.storage.session.set({ [TAB_STATE_KEY(2)]: { tabId: 2, pageKey: 'x' } });
    expect(await tabState(2)).toBeUndefined();
    expect(await sessionTabs()).toEqual([]);
    expect(await updateTabState(2, { sidebarOpen: true })).toBeUndefined();
    await updateTabState(3, {}, tabInit());
    await expect(updateTabState(3, { missingAnchors: 'all' as unknown as string[] })).rejects.toThrow(
      /malformed/,
    );
    expect((await tabState(3))?.missingAnchors).toEqual([]);
  });

  it('announces each change of a tab', async () => {
    const seen: [number, boolean | undefined][] = [];
    const stop = onTabStateChanged((tabId, state) => seen.push([tabId, state?.sidebarOpen]));
    await updateTabState(4, { sidebarOpen: false }, tabInit());
    await updateTabState(4, { sidebarOpen: true });
    stop();
    await updateTabState(4, { sidebarOpen: false });
    expect(seen).toEqual([
      [4, false],
      [4, true],
    ]);
  });
});
