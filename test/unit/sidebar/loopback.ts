// The sidebar's port to the background, in memory: a frame client wired to the real frame
// server (src/background/frame-server.ts), which runs the real repositories on fake-indexeddb.
// Messages cross as JSON, as Chromium's ports carry them. Tests mock browser-api with fake-api.
import { issueFrameSecret } from '../../../src/background/frame-secrets';
import { type FramePort, serveFrame } from '../../../src/background/frame-server';
import { updateTabState } from '../../../src/background/tab-state';
import type { BackgroundFrameMessage } from '../../../src/messaging/frame-port';
import { remoteData, setFrameClient } from '../../../src/sidebar/api';
import { type ClientPort, createFrameClient, type FrameClient } from '../../../src/sidebar/frame-client';
import { setDataSource } from '../../../src/ui/data-source';

export const TAB = 7;
export const SIDEBAR_URL = 'chrome-extension://test-extension/src/sidebar/index.html';

type Sender = { id: string; url: string; frameId: number; tab: { id: number } };

function channel<T>() {
  const listeners = new Set<(m: T) => void>();
  return {
    addListener: (l: (m: T) => void) => void listeners.add(l),
    fire: (m: T) => {
      for (const l of [...listeners]) l(m);
    },
  };
}

/** A connected pair of ports; `drop()` disconnects both ends, as a stopped worker does. */
export function portPair(sender: Sender) {
  const toServer = channel<unknown>();
  const toClient = channel<BackgroundFrameMessage>();
  const serverGone = channel<void>();
  const clientGone = channel<void>();
  let open = true;
  const drop = () => {
    if (!open) return;
    open = false;
    serverGone.fire();
    clientGone.fire();
  };
  const wire = <M>(m: M): M => JSON.parse(JSON.stringify(m));
  // As in the browser, disconnecting fires onDisconnect at the other end only.
  const close = (other: ReturnType<typeof channel<void>>) => () => {
    if (!open) return;
    open = false;
    other.fire();
  };
  const client: ClientPort = {
    postMessage: (m) => open && queueMicrotask(() => open && toServer.fire(wire(m))),
    onMessage: { addListener: toClient.addListener },
    onDisconnect: { addListener: clientGone.addListener },
    disconnect: close(serverGone),
  };
  const server: FramePort = {
    sender: sender as FramePort['sender'],
    postMessage: (m) => open && queueMicrotask(() => open && toClient.fire(wire(m))),
    onMessage: { addListener: toServer.addListener },
    onDisconnect: { addListener: serverGone.addListener },
    disconnect: close(clientGone),
  };
  return { client, server, drop };
}

/** The tab state a page session starts with. */
export const tabInit = (pageKey = 'jira:acme.atlassian.net:ACME-7') => ({
  url: 'https://acme.atlassian.net/browse/ACME-7',
  title: 'ACME-7',
  pageKey,
  site: 'jira',
  canHighlight: true,
  sidebarOpen: true,
  capture: null,
  focusDecisionId: null,
  missingAnchors: [],
  reattachAnchorId: null,
});

/**
 * Connects the sidebar's api to a frame server as our content script would: a secret issued
 * for the tab, handed to the frame, presented on the port. Returns the client and a way to
 * stop the "worker" (drop every port).
 */
export async function connectSidebar(
  options: { secrets?: (string | 'real')[]; sender?: Partial<Sender> } = {},
): Promise<{ client: FrameClient; stopWorker: () => void }> {
  await updateTabState(TAB, {}, tabInit());
  const real = await issueFrameSecret(TAB, 'sidebar');
  const handed = (options.secrets ?? ['real']).map((s) => (s === 'real' ? real : s));
  const sender: Sender = {
    id: 'test-extension',
    url: SIDEBAR_URL,
    frameId: 3,
    tab: { id: TAB },
    ...options.sender,
  };
  const drops: (() => void)[] = [];
  const client = createFrameClient({
    kind: 'sidebar',
    // Handed one after another, as answers to the frame's request would arrive.
    secrets: (onSecret) => {
      for (const [i, s] of handed.entries()) setTimeout(() => onSecret(s), i * 20);
    },
    connect: () => {
      const pair = portPair(sender);
      drops.push(pair.drop);
      serveFrame(pair.server);
      return pair.client;
    },
  });
  setFrameClient(client);
  setDataSource(remoteData);
  const stopWorker = () => {
    for (const drop of drops.splice(0)) drop();
  };
  return { client, stopWorker };
}

/** Resolves once the background has accepted (or refused) the frame. */
export function settled(client: FrameClient): Promise<string> {
  return new Promise((resolve) => {
    if (client.state !== 'waiting') return resolve(client.state);
    const stop = client.onState((s) => {
      if (s === 'waiting') return;
      stop();
      resolve(s);
    });
  });
}
