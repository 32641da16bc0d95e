// `npm run server` without a command: run the API until SIGINT/SIGTERM, then shut down cleanly.
import pino from 'pino';
import type { ServerConfig } from './config';
import { faultFromEnv } from './fault';
import { errorForLog } from './log-safe';
import { startServer } from './server';

/** Past this, a stuck request no longer holds the shutdown up. */
const SHUTDOWN_GRACE_MS = 10_000;
const LOG_FLUSH_MS = 1000;

export async function serve(config: ServerConfig): Promise<void> {
  // Buffered asynchronous log writes, flushed at least every second: a write system call per
  // request line was the largest single cost of a push in profiles.
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  const flusher = setInterval(() => destination.flush(), LOG_FLUSH_MS);
  flusher.unref();
  const logger = pino(
    {
      level: config.logLevel,
      // Belt and braces: no route logs headers, but a token must never reach a log line.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'token', '*.token'],
      // Every error logged, from any module, loses the data a database error carries.
      serializers: { err: errorForLog },
    },
    destination,
  );
  const exit = (code: number) => {
    try {
      destination.flushSync();
    } finally {
      process.exit(code);
    }
  };
  const server = await startServer({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    preparedStatements: config.preparedStatements,
    port: config.port,
    host: config.host,
    logger,
    trustProxy: config.trustProxy,
    extensionOrigins: config.extensionOrigins,
    ssePollMs: config.ssePollMs,
    authFailuresPerMinute: config.authFailuresPerMinute,
    fault: faultFromEnv(process.env.DECIDEDLY_FAULT),
  });
  logger.info(
    {
      url: server.url,
      engine: server.store.engine,
      dataDir: config.databaseUrl ? undefined : config.dataDir,
    },
    'Decidedly sync server listening',
  );
  destination.flush();

  const stop = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close().then(
      () => {
        logger.info('stopped');
        exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
