// @vitest-environment happy-dom
// The content script's start: the background injects it on demand and messages it right away,
// so its listener must exist before the first await ("Receiving end does not exist" in Firefox
// otherwise). And on a host added with a port, Firefox's match patterns (which take no port)
// inject it on every port: it then starts nothing by itself, yet still answers when asked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { envelope } from '../../../src/messaging/protocol';

const fake = vi.hoisted(() => {
  type Listener = (message: unknown, sender: { id?: string }) => Promise<unknown>;
  const state = {
    listeners: [] as Listener[],
    stored: {} as Record<string, unknown>,
    /** Resolves the pending storage read; the test decides when. */
    release: () => {},
  };
  const api = {
    runtime: {
      id: 'ext',
      getURL: (p: string) => `moz-extension://uuid/${p.replace(/^\//, '')}`,
      sendMessage: async () => ({ ok: true }),
    },
    storage: {
      local: {
        get: (key: string) =>
          new Promise((resolve) => {
            state.release = () => resolve(key in state.stored ? { [key]: state.stored[key] } : {});
          }),
      },
    },
  };
  return { state, api };
});
vi.mock('../../../src/messaging/browser-api', () => ({
  api: fake.api,
  addMessageListener: (handler: (typeof fake.state.listeners)[number]) => fake.state.listeners.push(handler),
}));
const started = vi.hoisted(() => ({ sessions: 0, sidebar: [] as (boolean | undefined)[] }));
vi.mock('../../../src/content/page-session', () => ({
  startPageSession: async () => {
    started.sessions += 1;
    return {
      info: { canHighlight: false },
      refresh: async () => {},
      focus: () => true,
      selectionSelectors: async () => null,
    };
  },
}));
vi.mock('../../../src/content/adder', () => ({ createAdder: () => {} }));
vi.mock('../../../src/content/sidebar-loader', () => ({
  loadSidebarHost: async () => ({ createSidebarHost: fakeSidebarHost }),
}));
const fakeSidebarHost = vi.hoisted(() => () => ({
  show: () => {},
  toggle: (open?: boolean) => {
    started.sidebar.push(open);
    return true;
  },
}));

/** Puts the test page at a URL (happy-dom's own setter; location.href would navigate). */
const setUrl = (url: string) =>
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);

let init: () => Promise<void>;
beforeEach(async () => {
  vi.resetModules();
  delete (globalThis as { __decidedly?: boolean }).__decidedly;
  fake.state.listeners.length = 0;
  fake.state.stored = {};
  started.sessions = 0;
  started.sidebar.length = 0;
  ({ init } = await import('../../../src/content/index'));
});
afterEach(() => fake.state.release());

const toggle = () =>
  fake.state.listeners[0]?.(envelope('backgroundToContent', 'sidebar:toggle', {}), { id: 'ext' });

describe('content script start', () => {
  it('listens for the background before it reads storage', async () => {
    setUrl('https://acme.atlassian.net/browse/ACME-7');
    const done = init();
    expect(fake.state.listeners).toHaveLength(1);
    // Answered even while the stored hosts are still being read.
    await expect(toggle()).resolves.toEqual({ open: true });
    fake.state.release();
    await done;
    await vi.waitFor(() => expect(started.sessions).toBe(1));
  });

  it('starts nothing by itself on a port the person did not add, but answers a toggle', async () => {
    setUrl('http://127.0.0.1:9090/notes');
    fake.state.stored.customHosts = [{ host: '127.0.0.1:8080', site: 'generic' }];
    const done = init();
    fake.state.release();
    await done;
    await new Promise((r) => setTimeout(r, 0));
    expect(started.sessions).toBe(0);
    await expect(toggle()).resolves.toEqual({ open: true });
  });

  it('starts on the port the person added', async () => {
    setUrl('http://127.0.0.1:8080/notes');
    fake.state.stored.customHosts = [{ host: '127.0.0.1:8080', site: 'generic' }];
    const done = init();
    fake.state.release();
    await done;
    await vi.waitFor(() => expect(started.sessions).toBe(1));
  });
});
