// The sidebar's port to the background, end to end in memory: the real frame client against
// the real frame server and repositories (fake-indexeddb). Only a frame that presents the
// secret issued to its tab's content script gets anything; queries push fresh results after
// writes; a stopped worker is survived by reconnecting.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackgroundFrameMessage } from '../../../src/messaging/frame-port';
import { database } from '../../../src/storage/db';
import { freshDb } from '../sidebar/helpers';
import { connectSidebar, portPair, SIDEBAR_URL, settled, TAB, tabInit } from '../sidebar/loopback';

vi.mock('../../../src/messaging/browser-api', () => import('../sidebar/fake-api'));
const { issueFrameSecret } = await import('../../../src/background/frame-secrets');
const { serveFrame } = await import('../../../src/background/frame-server');
const { updateTabState } = await import('../../../src/background/tab-state');

beforeEach(async () => {
  await freshDb();
  await updateTabState(TAB, {}, tabInit());
});

/** A raw port to the server, as any frame could open one; returns what the server sent. */
function rawFrame(sender: Partial<{ id: string; url: string; frameId: number; tab: { id: number } }> = {}) {
  const pair = portPair({ id: 'test-extension', url: SIDEBAR_URL, frameId: 3, tab: { id: TAB }, ...sender });
  const received: BackgroundFrameMessage[] = [];
  pair.client.onMessage.addListener((m) => received.push(m));
  serveFrame(pair.server);
  return { send: (m: unknown) => pair.client.postMessage(m), received };
}
const tick = () => new Promise((r) => setTimeout(r, 30));

describe('the frame handshake', () => {
  it('answers a frame that presents its tab’s secret, and pushes the tab and live queries', async () => {
    const { client } = await connectSidebar();
    expect(await settled(client)).toBe('ready');
    const tabs: unknown[] = [];
    client.subscribe('tab', [], (v) => tabs.push(v));
    await vi.waitFor(() => expect(tabs).toHaveLength(1));
    expect(tabs[0]).toMatchObject({ info: { tabId: TAB, pageKey: 'jira:acme.atlassian.net:ACME-7' } });

    const directories: string[][] = [];
    client.subscribe('people:directory', [], (v) => directories.push(v.map((s) => s.name)));
    await vi.waitFor(() => expect(directories).toEqual([[]]));
    await client.call('createStakeholder', { name: 'Dana' });
    await vi.waitFor(() => expect(directories.at(-1)).toEqual(['Dana']));
    expect((await database().stakeholders.toArray()).map((s) => s.name)).toEqual(['Dana']);
  });

  it.each([
    ['a wrong secret', {}, 'f'.repeat(64)],
    ['another tab’s secret', { tab: { id: TAB + 1 } }, null],
    ['the top frame of a tab (a page that loaded our page itself)', { frameId: 0 }, null],
    ['another of our pages', { url: 'chrome-extension://test-extension/src/popup/index.html' }, null],
    ['another extension', { id: 'someone-else' }, null],
  ])('refuses %s and sends no data', async (_what, sender, secret) => {
    const real = await issueFrameSecret(TAB, 'sidebar');
    await database().stakeholders.count();
    const frame = rawFrame(sender);
    frame.send({ t: 'sub', id: 1, query: 'tab', args: [] });
    frame.send({ t: 'hello', kind: 'sidebar', secret: secret ?? real });
    frame.send({ t: 'sub', id: 2, query: 'people:directory', args: [] });
    frame.send({ t: 'call', id: 3, name: 'createStakeholder', args: [{ name: 'Mallory' }] });
    await tick();
    expect(frame.received).toEqual([{ t: 'denied' }]);
    expect(await database().stakeholders.count()).toBe(0);
  });

  it('answers nothing before the handshake', async () => {
    await issueFrameSecret(TAB, 'sidebar');
    const frame = rawFrame();
    frame.send({ t: 'sub', id: 1, query: 'tab', args: [] });
    frame.send({ t: 'call', id: 2, name: 'createStakeholder', args: [{ name: 'Mallory' }] });
    await tick();
    expect(frame.received).toEqual([]);
    expect(await database().stakeholders.count()).toBe(0);
  });

  it('a new secret for the tab retires the old one', async () => {
    const old = await issueFrameSecret(TAB, 'sidebar');
    await issueFrameSecret(TAB, 'sidebar');
    const frame = rawFrame();
    frame.send({ t: 'hello', kind: 'sidebar', secret: old });
    await tick();
    expect(frame.received).toEqual([{ t: 'denied' }]);
  });

  it('is refused with only a made-up secret', async () => {
    const { client } = await connectSidebar({ secrets: ['page-made-this-up'] });
    expect(await settled(client)).toBe('denied');
  });

  it('tries the next secret it is handed when one is refused (a page answering first)', async () => {
    const { client } = await connectSidebar({ secrets: ['page-made-this-up', 'real'] });
    await vi.waitFor(() => expect(client.state).toBe('ready'));
  });
});

describe('subscriptions', () => {
  it('stop at the background once the frame unsubscribes (a component unmounted)', async () => {
    const frame = rawFrame();
    frame.send({ t: 'hello', kind: 'sidebar', secret: await issueFrameSecret(TAB, 'sidebar') });
    await vi.waitFor(() => expect(frame.received).toEqual([{ t: 'ready' }]));
    frame.send({ t: 'sub', id: 1, query: 'people:directory', args: [] });
    frame.send({ t: 'sub', id: 2, query: 'people:directory', args: [] });
    const pushes = (id: number) => frame.received.filter((m) => m.t === 'data' && m.id === id);
    await vi.waitFor(() => expect(pushes(2)).toHaveLength(1));
    frame.send({ t: 'unsub', id: 2 });
    frame.send({ t: 'call', id: 3, name: 'createStakeholder', args: [{ name: 'Dana' }] });
    await vi.waitFor(() => expect(pushes(1).at(-1)).toMatchObject({ value: [{ name: 'Dana' }] }));
    expect(pushes(2)).toHaveLength(1);
  });
});

describe('calls', () => {
  it('validates arguments at the background and says why', async () => {
    const { client } = await connectSidebar();
    await expect(
      client.call('createStakeholder', { name: 'Dana', evil: true } as unknown as { name: string }),
    ).rejects.toThrow(/Malformed createStakeholder/);
    await expect(client.call('updateDecision', 'not-an-id', {})).rejects.toThrow(/Malformed/);
    expect(await database().stakeholders.count()).toBe(0);
  });

  it('relays a domain refusal as it is, not as a storage failure', async () => {
    const { client } = await connectSidebar();
    const error = await client.call('createDecision', { title: '   ' }).catch((e) => e);
    expect(error.message).toMatch(/needs a title/);
    expect(error.storageFailure).toBe(false);
  });

  it('changes tab state only for the frame’s own tab', async () => {
    await updateTabState(TAB + 1, {}, tabInit('jira:acme.atlassian.net:ACME-8'));
    const { client } = await connectSidebar();
    await client.call('tab:page-decision');
    const { tabState } = await import('../../../src/background/tab-state');
    expect((await tabState(TAB))?.capture).toMatchObject({
      selectors: null,
      pageKey: 'jira:acme.atlassian.net:ACME-7',
    });
    expect((await tabState(TAB + 1))?.capture).toBeNull();
  });
});

describe('a stopped service worker', () => {
  it('is survived: the frame reconnects with its secret and its queries push again', async () => {
    const { client, stopWorker } = await connectSidebar();
    const names: string[][] = [];
    client.subscribe('people:directory', [], (v) => names.push(v.map((s) => s.name)));
    await vi.waitFor(() => expect(names).toEqual([[]]));
    stopWorker();
    expect(client.state).toBe('waiting');
    await vi.waitFor(() => expect(client.state).toBe('ready'));
    await client.call('createStakeholder', { name: 'Priya' });
    await vi.waitFor(() => expect(names.at(-1)).toEqual(['Priya']));
  });
});

afterEach(() => vi.restoreAllMocks());
