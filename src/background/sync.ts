// The sync scheduler in the service worker: a pass after local changes (debounced), every
// minute, at browser start and when a page opens; live pokes while an extension page is open.
// One pass at a time (Web Locks), every step resumable if the worker is stopped.
import type { MeResponse } from '../core/protocol';
import { api } from '../messaging/browser-api';
import { clientIdOf, writeContext } from '../storage/context';
import { database } from '../storage/db';
import { fetchMe } from '../sync/client';
import {
  LIVE_PORT,
  loadConfig,
  privateHosts,
  type SyncConnection,
  saveConfig,
  serverOrigin,
} from '../sync/config';
import { syncOnce } from '../sync/engine';
import { listenForPokes } from '../sync/events';
import { joinWorkspace, linkMember, removeLocalCopy } from '../sync/join';
import { withSyncLock } from '../sync/lock';
import { readStatus, writeStatus } from '../sync/status';
import { notifyDataChanged, onDataChanged } from './changes';

const ALARM = 'decidedly-sync';
const DEBOUNCE_MS = 2000;

type Reason = 'change' | 'alarm' | 'startup' | 'page' | 'poke' | 'connect';
let running: Promise<void> | null = null;
let again = false;
let debounce: ReturnType<typeof setTimeout> | undefined;

async function pass(): Promise<void> {
  const config = await loadConfig();
  if (!config) return;
  const db = database();
  const result = await syncOnce({
    db,
    server: { url: config.url, token: config.token },
    workspaceId: config.workspaceId,
    clientId: await clientIdOf(db),
    privateHosts: await privateHosts(),
  }).catch(() => null); // The status records the failure and the backoff.
  if (result?.pulled) await notifyDataChanged('sync');
}

/** Runs a sync pass now, or once more after the one running. Automatic reasons respect backoff. */
export async function runSync(reason: Reason): Promise<void> {
  if (reason === 'change' || reason === 'alarm') {
    const { retryAt } = await readStatus(database());
    if (retryAt && Date.parse(retryAt) > Date.now()) return;
  }
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      // One pass at a time, even across a worker restart overlapping a pass.
      await withSyncLock(pass);
    } while (again);
  })().finally(() => {
    running = null;
  });
  return running;
}

export async function connect(url: string, token: string): Promise<SyncConnection> {
  const origin = serverOrigin(url);
  const server = { url: origin, token: token.trim() };
  const me: MeResponse = await fetchMe(server);
  const db = database();
  await joinWorkspace(db, me.workspace.id, me.member.id);
  await linkMember(await writeContext(db), me);
  const connection: SyncConnection = {
    url: origin,
    workspaceId: me.workspace.id,
    workspaceName: me.workspace.name,
    memberId: me.member.id,
    memberName: me.member.name,
  };
  await saveConfig({ ...connection, token: server.token });
  await api.alarms.create(ALARM, { periodInMinutes: 1 });
  await writeStatus(db, { state: 'syncing', failures: 0, retryAt: null, message: null });
  void runSync('connect');
  // Pages opened before connecting hold the live port already: start their event stream now.
  if (livePorts > 0) void startLive();
  return connection;
}

export async function disconnect(): Promise<void> {
  await saveConfig(null);
  await api.alarms.clear(ALARM);
  stopLive();
  await writeStatus(database(), { state: 'disconnected', message: null, retryAt: null, failures: 0 });
}

export async function removeLocal(): Promise<void> {
  if (await loadConfig())
    throw new Error('Disconnect first: a connected browser would pull the workspace again.');
  await removeLocalCopy(database());
  await notifyDataChanged('sync');
}

export async function connectionInfo(): Promise<SyncConnection | null> {
  const config = await loadConfig();
  if (!config) return null;
  const { token: _token, ...rest } = config;
  return rest;
}

// Live pokes while extension pages are open: they hold a port (and ping it, which keeps the
// worker alive); the worker holds the event stream, so the token never leaves it.
let live: AbortController | null = null;
let livePorts = 0;

async function startLive() {
  const config = await loadConfig();
  if (!config || live) return;
  const controller = new AbortController();
  live = controller;
  let delay = 1000;
  while (!controller.signal.aborted) {
    try {
      await listenForPokes(
        { url: config.url, token: config.token },
        (seq) => {
          void readStatus(database()).then((s) => {
            if (seq > s.seq) void runSync('poke');
          });
        },
        controller.signal,
      );
      delay = 1000;
    } catch {
      delay = Math.min(30_000, delay * 2);
    }
    if (!controller.signal.aborted) await new Promise((r) => setTimeout(r, delay));
  }
}

function stopLive() {
  live?.abort();
  live = null;
}

export function initSync(): void {
  onDataChanged((source) => {
    if (source !== 'local') return;
    clearTimeout(debounce);
    debounce = setTimeout(() => void runSync('change'), DEBOUNCE_MS);
  });
  api.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void runSync('alarm');
  });
  api.runtime.onStartup.addListener(() => void runSync('startup'));
  api.runtime.onConnect.addListener((port) => {
    if (port.name !== LIVE_PORT) return;
    livePorts += 1;
    void runSync('page');
    void startLive();
    port.onDisconnect.addListener(() => {
      livePorts -= 1;
      if (livePorts <= 0) stopLive();
    });
  });
}
