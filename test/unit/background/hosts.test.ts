// Adding a host: the registration Firefox accepts (a path relative to the extension, not the
// absolute moz-extension:// URL getManifest gives there), and patterns exactly as wide as what the
// person typed: a port stays a port where the browser's match patterns can say so.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const state = {
    base: 'moz-extension://0b1c/',
    granted: new Set<string>(),
    stored: {} as Record<string, unknown>,
    registered: [] as { id: string; matches: string[]; js: string[] }[],
  };
  const api = {
    runtime: {
      getURL: (p: string) => `${state.base}${p.replace(/^\//, '')}`,
      getManifest: () => ({ content_scripts: [{ js: [`${state.base}src/content/main.js`] }] }),
    },
    storage: {
      local: {
        get: async (key: string) => (key in state.stored ? { [key]: state.stored[key] } : {}),
        set: async (items: Record<string, unknown>) => Object.assign(state.stored, items),
      },
    },
    permissions: {
      contains: async ({ origins }: { origins: string[] }) => origins.every((o) => state.granted.has(o)),
      remove: async () => true,
    },
    scripting: {
      unregisterContentScripts: async () => {},
      getRegisteredContentScripts: async () => state.registered,
      registerContentScripts: async (list: { id: string; matches: string[]; js: string[] }[]) => {
        for (const s of list)
          if (s.js.some((f) => f.includes('://'))) throw new Error('Files must be relative to the extension');
        state.registered.push(...list);
      },
    },
  };
  return { state, api };
});
vi.mock('../../../src/messaging/browser-api', () => ({ api: fake.api }));
const { addHost, cleanHost, contentScriptFiles, originsOf } = await import('../../../src/background/hosts');

beforeEach(() => {
  fake.state.granted.clear();
  fake.state.stored = {};
  fake.state.registered.length = 0;
});

describe('content script registration', () => {
  it('names the script by its path in the extension, whatever form the manifest gives', () => {
    expect(contentScriptFiles()).toEqual(['/src/content/main.js']);
    fake.state.base = 'chrome-extension://abc/';
    try {
      expect(contentScriptFiles()).toEqual(['/src/content/main.js']);
    } finally {
      fake.state.base = 'moz-extension://0b1c/';
    }
  });

  it('registers an added host once its permission is granted', async () => {
    for (const o of originsOf('jira.corp.example')) fake.state.granted.add(o);
    await addHost({ host: 'jira.corp.example', site: 'jira' });
    expect(fake.state.registered).toEqual([
      expect.objectContaining({
        id: 'host:jira.corp.example',
        js: ['/src/content/main.js'],
        matches: ['https://jira.corp.example/*', 'http://jira.corp.example/*'],
      }),
    ]);
  });
});

describe('host patterns', () => {
  it('keeps the port a person typed', () => {
    expect(cleanHost('http://127.0.0.1:8080/notes')).toBe('127.0.0.1:8080');
    expect(cleanHost('jira.corp.example:8443')).toBe('jira.corp.example:8443');
    expect(cleanHost('https://jira.corp.example:443/browse/X-1')).toBe('jira.corp.example');
    expect(cleanHost('JIRA.corp.example')).toBe('jira.corp.example');
    expect(cleanHost('not a host')).toBeNull();
    expect(cleanHost('127.0.0.1:99999')).toBeNull();
  });

  it('asks for exactly that port where patterns take ports (Chromium)', () => {
    expect(originsOf('127.0.0.1:8080', true)).toEqual([
      'https://127.0.0.1:8080/*',
      'http://127.0.0.1:8080/*',
    ]);
    expect(originsOf('jira.corp.example', true)).toEqual([
      'https://jira.corp.example/*',
      'http://jira.corp.example/*',
    ]);
  });

  it('drops the port only where patterns cannot take one (Firefox), detected from the browser', () => {
    expect(originsOf('127.0.0.1:8080', false)).toEqual(['https://127.0.0.1/*', 'http://127.0.0.1/*']);
    expect(originsOf('127.0.0.1:8080')).toEqual(['https://127.0.0.1/*', 'http://127.0.0.1/*']);
    fake.state.base = 'chrome-extension://abc/';
    try {
      expect(originsOf('127.0.0.1:8080')).toEqual(['https://127.0.0.1:8080/*', 'http://127.0.0.1:8080/*']);
    } finally {
      fake.state.base = 'moz-extension://0b1c/';
    }
  });
});
