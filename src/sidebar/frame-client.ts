// The frame's end of its port to the background (src/messaging/frame-port.ts): it gets its
// secret from the content script that framed it, says hello, and only then subscribes and
// calls. When the service worker stops (MV3 stops it at any time) the port drops: the client
// reconnects with the same secret and subscribes again, and the queries push fresh results.
import { api } from '../messaging/browser-api';
import {
  type BackgroundFrameMessage,
  type CallArgs,
  type CallName,
  type CallResults,
  FRAME_PORT,
  type FrameKind,
  type QueryArgs,
  type QueryName,
  type QueryResults,
  SECRET_ANSWER,
  SECRET_REQUEST,
  type WireError,
} from '../messaging/frame-port';

/** Marked when the background first accepts the frame (`npm run bench` reads it). */
export const READY_MARK = 'decidedly:frame:ready';

export type FrameState = 'waiting' | 'ready' | 'denied';

/** The slice of runtime.Port the client uses (tests hand it an in-memory one). */
export interface ClientPort {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: BackgroundFrameMessage) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

export interface FrameClient {
  readonly state: FrameState;
  onState(listener: (state: FrameState) => void): () => void;
  subscribe<Q extends QueryName>(
    query: Q,
    args: QueryArgs<Q>,
    onData: (value: QueryResults[Q]) => void,
  ): () => void;
  call<C extends CallName>(name: C, ...args: CallArgs<C>): Promise<CallResults[C]>;
}

/** A failed call, with the background's verdict on whether the browser failed to store it. */
export class FrameCallError extends Error {
  readonly code: string;
  readonly storageFailure: boolean;
  readonly quotaFailure: boolean;
  constructor(error: WireError) {
    super(error.message);
    this.code = error.code;
    this.storageFailure = error.storage;
    this.quotaFailure = error.quota;
  }
}

export interface FrameClientOptions {
  kind: FrameKind;
  /** Calls back with each secret handed to this frame. */
  secrets: (onSecret: (secret: string) => void) => void;
  connect?: () => ClientPort;
}

const RECONNECT_MS = [100, 250, 500, 1000, 2000];

// JSON (Chromium's port encoding) turns a trailing `undefined` argument into null.
const trimmed = (args: unknown[]) => {
  const out = [...args];
  while (out.length && out[out.length - 1] === undefined) out.pop();
  return out;
};

export function createFrameClient({
  kind,
  secrets,
  connect = () => api.runtime.connect({ name: FRAME_PORT }) as unknown as ClientPort,
}: FrameClientOptions): FrameClient {
  let state: FrameState = 'waiting';
  let secret: string | null = null;
  let port: ClientPort | null = null;
  let nextId = 1;
  let failures = 0;
  const stateListeners = new Set<(s: FrameState) => void>();
  const subs = new Map<number, { query: string; args: unknown[]; onData: (v: never) => void }>();
  const calls = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  const queued: (() => void)[] = [];

  const setState = (next: FrameState) => {
    if (state === next) return;
    state = next;
    for (const l of stateListeners) l(next);
  };

  const open = () => {
    if (!secret || port) return;
    let p: ClientPort;
    try {
      p = connect();
    } catch {
      return retry();
    }
    port = p;
    let ready = false;
    p.onMessage.addListener((message) => {
      if (message.t === 'ready') {
        ready = true;
        failures = 0;
        if (!performance.getEntriesByName(READY_MARK).length) performance.mark(READY_MARK);
        setState('ready');
        for (const [id, s] of subs) p.postMessage({ t: 'sub', id, query: s.query, args: s.args });
        for (const send of queued.splice(0)) send();
      } else if (message.t === 'denied') {
        setState('denied');
        // The background answers nothing more on this port; a later secret gets a new one.
        port = null;
        p.disconnect();
        tryNext();
      } else if (message.t === 'data') {
        subs.get(message.id)?.onData(message.value as never);
      } else if (message.t === 'reply') {
        const pending = calls.get(message.id);
        calls.delete(message.id);
        if ('error' in message) pending?.reject(new FrameCallError(message.error));
        else pending?.resolve(message.value);
      }
    });
    p.onDisconnect.addListener(() => {
      if (port !== p) return;
      port = null;
      // Calls in flight are lost with the worker: say so rather than guess whether they ran.
      for (const [, pending] of calls)
        pending.reject(new Error('The extension restarted before answering: try again.'));
      calls.clear();
      if (state === 'denied') return;
      if (ready) setState('waiting');
      retry();
    });
    p.postMessage({ t: 'hello', kind, secret });
  };

  function retry() {
    const delay = RECONNECT_MS[Math.min(failures, RECONNECT_MS.length - 1)];
    failures++;
    setTimeout(open, delay);
  }

  // Secrets to try after the current one is refused: the page may answer our request with a
  // wrong one before our content script does; it must not lock the real one out.
  const candidates: string[] = [];
  const tryNext = () => {
    const next = candidates.shift();
    if (!next) return false;
    secret = next;
    setState('waiting');
    open();
    return true;
  };
  secrets((s) => {
    if (s === secret || candidates.includes(s) || state === 'ready') return;
    candidates.push(s);
    if (!secret || (state === 'denied' && !port)) tryNext();
  });

  return {
    get state() {
      return state;
    },
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    subscribe(query, args, onData) {
      const id = nextId++;
      const payload = trimmed(args as unknown[]);
      subs.set(id, { query, args: payload, onData: onData as (v: never) => void });
      if (state === 'ready') port?.postMessage({ t: 'sub', id, query, args: payload });
      return () => {
        subs.delete(id);
        if (state === 'ready') port?.postMessage({ t: 'unsub', id });
      };
    },
    call(name, ...args) {
      return new Promise((resolve, reject) => {
        const send = () => {
          const id = nextId++;
          calls.set(id, { resolve: resolve as (v: unknown) => void, reject });
          port?.postMessage({ t: 'call', id, name, args: trimmed(args as unknown[]) });
        };
        if (state === 'ready' && port) send();
        else queued.push(send);
      });
    },
  };
}

/**
 * The secret from the content script that framed this page. It asks its parent (the page's
 * window, where our content script listens) and takes answers only from that window; the page
 * could answer too, but a wrong secret only gets this frame refused.
 */
export function secretsFromParent(onSecret: (secret: string) => void): void {
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent) return;
    const data = event.data as { type?: unknown; secret?: unknown } | null;
    if (data?.type === SECRET_ANSWER && typeof data.secret === 'string') onSecret(data.secret);
  });
  if (window.parent !== window) window.parent.postMessage({ type: SECRET_REQUEST }, '*');
}
