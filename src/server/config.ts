// Server settings from the environment, with their defaults in one place.

/** Hops (proxies in front of the server), trusted proxy addresses/CIDRs, or none. */
export type TrustProxy = number | string | false;

export interface ServerConfig {
  host: string;
  port: number;
  /** PGlite data directory (when `databaseUrl` is unset). */
  dataDir: string;
  databaseUrl: string | undefined;
  /** Off behind poolers that cannot keep prepared statements (PG_PREPARED_STATEMENTS=0). */
  preparedStatements: boolean;
  logLevel: string;
  /**
   * Behind load balancers: which X-Forwarded-For hops to believe (auth rate limits). A number of
   * proxy hops in front of the server, or a comma-separated list of proxy addresses/CIDRs; the
   * client is the right-most address not added by a trusted proxy. False: the socket address.
   */
  trustProxy: TrustProxy;
  /** Exact extension origins allowed by CORS; empty means any chrome-extension:// or moz-extension://. */
  extensionOrigins: string[];
  /** How often each process reads the seq of workspaces with SSE listeners (multi-process pokes). */
  ssePollMs: number;
  /** Failed authentications per client address and minute before answering 429. */
  authFailuresPerMinute: number;
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 8787,
  dataDir: '.data',
  logLevel: 'info',
  ssePollMs: 1000,
  authFailuresPerMinute: 20,
} as const;

type Env = Record<string, string | undefined>;

export function configFromEnv(env: Env = process.env): ServerConfig {
  return {
    host: env.HOST || DEFAULTS.host,
    port: intFrom(env, 'PORT', DEFAULTS.port),
    dataDir: env.DATA_DIR || DEFAULTS.dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    preparedStatements: env.PG_PREPARED_STATEMENTS !== '0' && env.PG_PREPARED_STATEMENTS !== 'false',
    logLevel: env.LOG_LEVEL || DEFAULTS.logLevel,
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    extensionOrigins: (env.EXTENSION_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    ssePollMs: intFrom(env, 'SSE_POLL_MS', DEFAULTS.ssePollMs),
    authFailuresPerMinute: intFrom(env, 'AUTH_FAILURES_PER_MINUTE', DEFAULTS.authFailuresPerMinute),
  };
}

function intFrom(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

/**
 * TRUST_PROXY: `1` (or `true`) for one load balancer, `2` for two in a row, … or the proxies'
 * addresses (`10.0.0.0/8,192.168.1.5`). Never "trust everything": the left-most X-Forwarded-For
 * entry is whatever the client wrote, and believing it lets anyone lock another address out.
 */
export function trustProxyFrom(raw: string | undefined): TrustProxy {
  const value = (raw ?? '').trim();
  if (value === '' || value === '0' || value === 'false') return false;
  if (value === 'true') return 1;
  if (/^\d+$/.test(value)) return Number(value);
  if (/^[0-9a-fA-F.:/,\s]+$/.test(value)) return value;
  throw new Error(`TRUST_PROXY must be a hop count or a list of proxy addresses, got "${value}"`);
}
