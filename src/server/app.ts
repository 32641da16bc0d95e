// The HTTP API as a Fastify instance, built around a store: no listening, no signals, so tests and
// the extension's sync tests can run it in-process.
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { MAX_BODY_BYTES } from '../core/protocol';
import { authHook } from './auth';
import { FailureLimiter } from './auth-limiter';
import { installCompression } from './compress';
import { DEFAULTS, type TrustProxy } from './config';
import type { Deps } from './deps';
import { installErrorHandlers } from './errors';
import { EventHub } from './events';
import { type Fault, noFault } from './fault';
import { installJsonParser } from './json-body';
import { OneLineRequestLog } from './request-log';
import { eventRoutes } from './routes/events';
import { healthRoutes } from './routes/health';
import { meRoutes } from './routes/me';
import { memberRoutes } from './routes/members';
import { openApiRoutes } from './routes/openapi';
import { pullRoutes } from './routes/pull';
import { pushRoutes } from './routes/push';
import { recordRoutes } from './routes/records';
import type { Store } from './store/store';

export interface AppOptions {
  store: Store;
  /** A pino logger; by default the app logs nothing. */
  logger?: FastifyBaseLogger;
  /** Server wall clock in ms, for the HLC skew check. */
  clock?: () => number;
  /** Milliseconds between seq polls for SSE pokes from other processes; 0 turns polling off. */
  ssePollMs?: number;
  /** Exact origins allowed by CORS; by default any chrome-extension:// or moz-extension:// origin. */
  extensionOrigins?: string[];
  /** Failed authentications per address and minute before 429; 0 turns the limit off. */
  authFailuresPerMinute?: number;
  /**
   * Behind load balancers: the number of proxy hops (or the proxies' addresses) whose
   * X-Forwarded-For entries to believe; `true` means one hop. Off by default.
   */
  trustProxy?: TrustProxy | true;
  fault?: Fault;
}

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[a-z0-9-]{1,64}$/i;

export function isAllowedOrigin(origin: string | undefined, exact: string[]): boolean {
  if (!origin) return false;
  return exact.length > 0 ? exact.includes(origin) : EXTENSION_ORIGIN.test(origin);
}

/**
 * Fastify's form of TRUST_PROXY. Never Fastify's `true`, which believes the left-most, client-written
 * X-Forwarded-For entry; and a hop count as a function, since Fastify now ignores a bare number. The
 * socket is hop 0, so with n proxies the first n addresses (socket, then X-Forwarded-For from the
 * right) are proxies and the next one is the client.
 */
function proxyTrust(
  setting: AppOptions['trustProxy'],
): string | false | ((address: string, hop: number) => boolean) {
  const hops = setting === true ? 1 : setting;
  if (typeof hops === 'number') return hops > 0 ? (_address, hop) => hop < hops : false;
  return hops ?? false;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    logController: new OneLineRequestLog(),
    bodyLimit: MAX_BODY_BYTES,
    trustProxy: proxyTrust(options.trustProxy),
  });
  const deps: Deps = {
    store: options.store,
    events: new EventHub(options.store, {
      // PGlite is one process by construction: every push is seen here, nothing to poll for.
      pollMs: options.store.engine === 'pglite' ? 0 : (options.ssePollMs ?? DEFAULTS.ssePollMs),
      logger: app.log,
    }),
    clock: options.clock ?? Date.now,
    fault: options.fault ?? noFault,
  };
  const exact = options.extensionOrigins ?? [];

  installErrorHandlers(app);
  installJsonParser(app);
  // Only JSON bodies: Fastify's built-in text/plain parser would hand a string to the routes (400)
  // where the protocol promises 415.
  app.removeContentTypeParser('text/plain');
  installCompression(app);
  // Tokens and workspace data must not sit in a shared or browser cache.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
  await app.register(helmet);
  await app.register(cors, {
    origin: (origin, callback) => callback(null, isAllowedOrigin(origin, exact)),
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type'],
    exposedHeaders: ['retry-after'],
    maxAge: 600,
  });
  // SSE streams never finish on their own; end them so closing waits only for real requests.
  app.addHook('preClose', async () => deps.events.close());

  healthRoutes(app, deps);
  openApiRoutes(app);
  const limiter = new FailureLimiter(options.authFailuresPerMinute ?? DEFAULTS.authFailuresPerMinute);
  await app.register(async (scope) => {
    scope.decorateRequest('principal', null);
    scope.addHook('onRequest', authHook(options.store, limiter));
    meRoutes(scope);
    pushRoutes(scope, deps);
    pullRoutes(scope, deps);
    eventRoutes(scope, deps);
    recordRoutes(scope, deps);
    memberRoutes(scope, deps);
  });
  return app;
}
