// Starting and stopping a whole server: open the store (migrations included), build the app, listen.
// `startServer` is also the in-process entry for tests: `await startServer({ dataDir, port: 0 })`.
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { type AppOptions, buildApp } from './app';
import { DEFAULTS } from './config';
import { openStore, type StoreOptions } from './store/open';
import type { Store } from './store/store';

export interface StartOptions extends StoreOptions, Omit<AppOptions, 'store' | 'logger'> {
  /** 0 picks a free port. Default 8787. */
  port?: number;
  /** Default 127.0.0.1: the server is not reachable from the network unless asked. */
  host?: string;
  logger?: FastifyBaseLogger;
}

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  store: Store;
  app: FastifyInstance;
  /** Finishes in-flight requests, ends SSE streams, closes the database (and its lock). */
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const store = await openStore(options);
  let app: FastifyInstance;
  try {
    app = await buildApp({ ...options, store });
    await app.listen({ port: options.port ?? DEFAULTS.port, host: options.host ?? DEFAULTS.host });
  } catch (error) {
    await store.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host ?? DEFAULTS.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    store,
    app,
    close() {
      closing ??= app.close().finally(() => store.close());
      return closing;
    },
  };
}
