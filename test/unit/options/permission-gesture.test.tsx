// @vitest-environment happy-dom
// Firefox lets permissions.request run only inside the user's input handler: once the click's
// handler awaits anything, the gesture is gone ("permissions.request may only be called from a
// user input handler"). The fake browser enforces that rule: a request is honoured only while the
// submit event is being dispatched, before the handler's first await gives control back.
import { render } from 'preact';
import { act as flushRender } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const browser = vi.hoisted(() => {
  const state = { inGesture: false, granted: new Set<string>(), calls: [] as string[] };
  const api = {
    runtime: {
      id: 'ext',
      getURL: (p: string) => `moz-extension://uuid/${p.replace(/^\//, '')}`,
      sendMessage: vi.fn(async (m: { name: string; payload: Record<string, unknown> }) => {
        state.calls.push(m.name);
        if (m.name === 'hosts:add') return { hosts: [{ host: m.payload.host, site: m.payload.site }] };
        if (m.name === 'sync:connect')
          return { url: m.payload.url, workspaceName: 'Acme', memberName: 'Dana' };
        if (m.name === 'sync:connection') return null;
        return { ok: true };
      }),
    },
    storage: {
      local: { get: async () => ({}), set: async () => {} },
      onChanged: { addListener: () => {}, removeListener: () => {} },
    },
    permissions: {
      contains: vi.fn(async ({ origins }: { origins: string[] }) =>
        origins.every((o) => state.granted.has(o)),
      ),
      request: vi.fn(async ({ origins }: { origins: string[] }) => {
        if (!state.inGesture)
          throw new Error('permissions.request may only be called from a user input handler');
        for (const o of origins) state.granted.add(o);
        return true;
      }),
    },
  };
  return { state, api };
});
vi.mock('../../../src/messaging/browser-api', () => ({ api: browser.api }));
vi.mock('../../../src/ui/SyncStatus', () => ({ SyncStatus: () => null }));
vi.mock('../../../src/options/PrivateQuoteSites', () => ({ PrivateQuoteSites: () => null }));
vi.mock('../../../src/options/RemoveLocalCopy', () => ({ RemoveLocalCopy: () => null }));
const { SitesSection } = await import('../../../src/options/SitesSection');
const { SyncSection } = await import('../../../src/options/SyncSection');

let root: HTMLElement;
beforeEach(() => {
  browser.state.granted.clear();
  browser.state.calls.length = 0;
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function type(id: string, value: string) {
  const input = root.querySelector<HTMLInputElement>(`#${id}`);
  if (!input) throw new Error(`no #${id}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Submits as a click does: the gesture lasts exactly as long as the event's dispatch. */
function submitInGesture(form: HTMLFormElement) {
  browser.state.inGesture = true;
  try {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  } finally {
    browser.state.inGesture = false;
  }
}

const status = () => root.querySelector('[role="status"]')?.textContent ?? '';

describe('permission requests keep the user gesture', () => {
  it('Add site asks for the host within the click and then registers it', async () => {
    await flushRender(() => render(<SitesSection />, root));
    await flushRender(() => type('host-input', 'jira.corp.example'));
    submitInGesture(root.querySelector<HTMLFormElement>('form[aria-label="Add a site"]') as HTMLFormElement);
    await vi.waitFor(() => expect(status()).toContain('Decidedly now runs on jira.corp.example'));
    expect(browser.api.permissions.request).toHaveBeenCalledWith({
      origins: ['https://jira.corp.example/*', 'http://jira.corp.example/*'],
    });
    expect(browser.state.calls).toContain('hosts:add');
  });

  it('Team sync → Connect asks for the server within the click and then connects', async () => {
    await flushRender(() => render(<SyncSection />, root));
    await vi.waitFor(() => expect(root.querySelector('#sync-url')).not.toBeNull());
    await flushRender(() => {
      type('sync-url', 'https://sync.example.com');
      type('sync-token', 'abc.def');
    });
    submitInGesture(
      root.querySelector<HTMLFormElement>('form[aria-label="Connect to a sync server"]') as HTMLFormElement,
    );
    await vi.waitFor(() => expect(status()).toContain('Connected to Acme as Dana'));
    expect(browser.api.permissions.request).toHaveBeenCalledWith({ origins: ['https://sync.example.com/*'] });
  });
});
