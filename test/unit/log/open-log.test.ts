import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: string[] = [];
vi.mock('../../../src/messaging/browser-api', () => ({
  api: {
    runtime: { getURL: (path: string) => `chrome-extension://abc/${path}` },
    tabs: { create: async ({ url }: { url: string }) => void created.push(url) },
  },
}));

const { openLogPage } = await import('../../../src/ui/open-log');

beforeEach(() => {
  created.length = 0;
});

describe('openLogPage', () => {
  it('opens the log in a new tab, on a view when given one', async () => {
    await openLogPage();
    await openLogPage('gap=unheard&open=1');
    await openLogPage('?view=matrix');
    expect(created).toEqual([
      'chrome-extension://abc/src/log/index.html',
      'chrome-extension://abc/src/log/index.html?gap=unheard&open=1',
      'chrome-extension://abc/src/log/index.html?view=matrix',
    ]);
  });
});
