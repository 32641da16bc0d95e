// What the logs may say about a request or an error: enough to find the fault (the route, the
// SQLSTATE, the stack), never user data. Database errors carry the failing statement's parameters
// and the offending JSON (`params`, `detail`, `where`), which hold titles, quotes and URLs.

/** A query parameter worth logging as it is; every other value is replaced. */
const PLAIN_QUERY = new Set(['cursor', 'limit']);

/** The request URL with every query value but the harmless ones redacted (`?access_token=…`). */
export function urlForLog(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  const safe = [...params].map(([k, v]) =>
    PLAIN_QUERY.has(k)
      ? `${k}=${encodeURIComponent(v.slice(0, 40))}`
      : `${encodeURIComponent(k.slice(0, 40))}=[redacted]`,
  );
  return `${url.slice(0, q)}?${safe.join('&')}`;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
/** Quoted values in a database message ("invalid input value for enum status: \"x\""). */
const QUOTED = /"[^"]*"|'[^']*'/g;

/** The error as a log may show it: a database error without its data, others as they are. */
export function errorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const e = error as Error & Record<string, unknown>;
  if (typeof e.code !== 'string' || !SQLSTATE.test(e.code)) {
    return { type: e.name, message: e.message, stack: e.stack, ...(e.code ? { code: e.code } : {}) };
  }
  const message = e.message.replace(QUOTED, '"…"');
  const frames = (e.stack ?? '').split('\n').slice(1).join('\n');
  return {
    type: 'DatabaseError',
    code: e.code,
    message,
    ...pick(e, ['severity', 'routine', 'schema', 'table', 'column', 'constraint']),
    stack: `DatabaseError: ${message}\n${frames}`,
  };
}

function pick(e: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => typeof e[k] === 'string').map((k) => [k, e[k]]));
}
