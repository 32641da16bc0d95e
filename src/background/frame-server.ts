// Serves one extension frame's port (frame-port.ts): the handshake first, then live queries
// (Dexie liveQuery in the background, results pushed) and calls. Subscriptions end with the
// port: a closed frame or a stopped worker leaves nothing running.
import { liveQuery } from 'dexie';
import { describeIssues } from '../core/issues';
import type { MessageSender } from '../messaging/browser-api';
import {
  type BackgroundFrameMessage,
  type CallName,
  FrameMessage,
  frameCalls,
  frameQueries,
  type QueryName,
  type WireError,
} from '../messaging/frame-port';
import { isQuotaFailure, isStorageFailure } from '../storage/failure';
import { frameCallHandlers } from './frame-calls';
import { frameQueryRunners } from './frame-queries';
import { verifyFrame } from './frame-secrets';
import { viewOf } from './frame-tab';
import { onTabStateChanged } from './tab-state';

/** The slice of runtime.Port the server uses, so tests can hand it an in-memory port. */
export interface FramePort {
  sender?: MessageSender;
  postMessage(message: BackgroundFrameMessage): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

const toWire = (error: unknown): WireError => ({
  message: error instanceof Error ? error.message : String(error),
  code: (error as { code?: string })?.code ?? 'failed',
  storage: isStorageFailure(error),
  quota: isQuotaFailure(error),
});

export function serveFrame(port: FramePort): void {
  let tabId: number | null = null;
  let closed = false;
  let greeted = false;
  const subscriptions = new Map<number, () => void>();
  const post = (message: BackgroundFrameMessage) => {
    if (closed) return;
    try {
      port.postMessage(message);
    } catch {
      // The frame went away between the change and the push.
    }
  };

  port.onDisconnect.addListener(() => {
    closed = true;
    for (const stop of subscriptions.values()) stop();
    subscriptions.clear();
  });

  const subscribe = (id: number, query: QueryName, args: unknown[], tab: number) => {
    subscriptions.get(id)?.();
    if (query === 'tab') {
      // Tab state has its own writer (tab-state.ts), not Dexie: follow its change events.
      const stop = onTabStateChanged((changed, state) => {
        if (changed === tab) post({ t: 'data', id, value: viewOf(tab, state) });
      });
      subscriptions.set(id, stop);
      void frameQueryRunners.tab(tab).then((value) => post({ t: 'data', id, value }));
      return;
    }
    const run = frameQueryRunners[query] as (tab: number, ...a: unknown[]) => Promise<unknown>;
    const subscription = liveQuery(() => run(tab, ...args)).subscribe({
      next: (value) => post({ t: 'data', id, value }),
      error: (error) => console.error('Decidedly: a frame query failed', query, error),
    });
    subscriptions.set(id, () => subscription.unsubscribe());
  };

  const call = async (id: number, name: CallName, args: unknown[], tab: number) => {
    try {
      const run = frameCallHandlers[name] as (tab: number, ...a: unknown[]) => Promise<unknown>;
      const value = await run(tab, ...args);
      post({ t: 'reply', id, value: value ?? null });
    } catch (error) {
      post({ t: 'reply', id, error: toWire(error) });
    }
  };

  port.onMessage.addListener((raw) => {
    const parsed = FrameMessage.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.t === 'hello') {
      // One hello a port: a refused frame tries its next secret on a new port.
      if (greeted) return;
      greeted = true;
      void verifyFrame(port.sender, message.kind, message.secret).then((tab) => {
        tabId = tab;
        post(tab === null ? { t: 'denied' } : { t: 'ready' });
      });
      return;
    }
    // Nothing before the handshake: a frame our content script did not make learns nothing.
    if (tabId === null) return;
    if (message.t === 'unsub') {
      subscriptions.get(message.id)?.();
      subscriptions.delete(message.id);
      return;
    }
    const maps = message.t === 'sub' ? frameQueries : frameCalls;
    const name = message.t === 'sub' ? message.query : message.name;
    const schema = (
      maps as unknown as Record<
        string,
        { safeParse(v: unknown): { success: boolean; data?: unknown; error?: unknown } }
      >
    )[name];
    const args = schema?.safeParse(message.args);
    if (!schema || !args?.success) {
      const reason = !schema
        ? `Unknown ${name.slice(0, 60)}.`
        : `Malformed ${name}: ${describeIssues(args?.error as Parameters<typeof describeIssues>[0])}`;
      if (message.t === 'call')
        post({
          t: 'reply',
          id: message.id,
          error: { message: reason, code: 'bad-request', storage: false, quota: false },
        });
      return;
    }
    if (message.t === 'sub') subscribe(message.id, name as QueryName, args.data as unknown[], tabId);
    else void call(message.id, name as CallName, args.data as unknown[], tabId);
  });
}
