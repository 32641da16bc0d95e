// URL helpers shared by the adapters: the generic page key's normal form, safe decoding, path segments.

/** Query parameters that only say how someone got to a page, never which page it is. */
const TRACKING_PARAMS = new Set([
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'gad_source',
  'fbclid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'igsh',
  '_hsenc',
  '_hsmi',
  '__hssc',
  '__hstc',
  '__hsfp',
  'hsctatracking',
  'ref_src',
  'ref_url',
  'yclid',
  'ysclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mkt_tok',
  '_ga',
  '_gl',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'vero_conv',
  'wickedid',
  'rb_clickid',
  's_cid',
  'srsltid',
  'pk_campaign',
  'pk_kwd',
  'pk_source',
  'pk_medium',
  'pk_content',
]);
const TRACKING_PREFIXES = ['utm_', 'mtm_', 'hsa_'];

/** Anchors store page keys in at most this many characters (src/core/schemas.ts). */
export const MAX_KEY_LENGTH = 2048;

export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** Parses an absolute URL, or returns null: callers must never throw on what the address bar holds. */
export function parseUrl(url: string): URL | null {
  try {
    return new URL(url.trim());
  } catch {
    return null;
  }
}

/** Decodes a percent-encoded URL component, keeping malformed escapes (`%E0%A4%A`) as they are. */
export function safeDecode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component;
  }
}

/** The decoded, non-empty path segments: `/a//b/` → ['a', 'b']. */
export function pathSegments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map(safeDecode);
}

/** The first value of a query parameter, matched case-insensitively (sites differ in `pageId`/`pageid`). */
export function queryParam(url: URL, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [key, value] of url.searchParams) {
    if (key.toLowerCase() === wanted) return value;
  }
  return null;
}

/** RFC 3986 §6.2.2: decode escapes of unreserved characters, upper-case the hex of the others. */
function normaliseEscapes(path: string): string {
  return path.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

function sortedQuery(params: URLSearchParams): string {
  const kept = [...params].filter(([name]) => !isTrackingParam(name));
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return new URLSearchParams(kept).toString();
}

/**
 * The normal form of a URL for the generic page key: lowercase host without a trailing dot, no
 * credentials, no fragment, no tracking parameters, the rest sorted, default ports dropped, no
 * trailing slash (except the root). A string that is not a URL is trimmed and loses its fragment.
 */
export function normaliseUrl(url: string | URL): string {
  const parsed = typeof url === 'string' ? parseUrl(url) : new URL(url.href);
  if (!parsed) {
    const text = String(url).trim();
    const hash = text.indexOf('#');
    return hash === -1 ? text : text.slice(0, hash);
  }
  parsed.hash = '';
  parsed.username = '';
  parsed.password = '';
  if (parsed.hostname) parsed.hostname = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (parsed.pathname.startsWith('/')) {
    parsed.pathname = normaliseEscapes(parsed.pathname).replace(/\/+$/, '') || '/';
  }
  parsed.search = sortedQuery(parsed.searchParams);
  return parsed.href;
}

/** cyrb53: a fast, well-mixed 53-bit string hash, enough to tell long URLs apart after truncation. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

/** Keeps a key within MAX_KEY_LENGTH: an over-long key keeps its head and a hash of the whole. */
export function boundKey(key: string): string {
  if (key.length <= MAX_KEY_LENGTH) return key;
  const tail = `…${hash53(key)}`;
  return key.slice(0, MAX_KEY_LENGTH - tail.length) + tail;
}
