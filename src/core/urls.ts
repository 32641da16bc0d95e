// The one rule for the addresses Decidedly keeps (Anchor.url) and the one for those it shows as
// links or opens. A URL arrives from content scripts, teammates' pushes, pulls and imports; the
// log renders it as a link and "Open" hands it to tabs.create, so `javascript:`, `data:`,
// `file:` or `chrome:` must never get that far.
import * as z from 'zod/mini';

export const MAX_URL_LENGTH = 8192;

/**
 * Desktop apps of supported sites that hand out their own links (Notion's "Open in app",
 * Linear's desktop links). Kept, but only on an anchor of that site, and never opened by us.
 */
export const APP_SCHEMES: Readonly<Record<string, string>> = { notion: 'notion:', linear: 'linear:' };

const WEB = new Set(['http:', 'https:']);

function parse(raw: string): URL | null {
  try {
    // No base: a relative address would resolve against the extension's own origin.
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True for an absolute http(s) URL with a host. */
export function isWebUrl(raw: string): boolean {
  const url = parse(raw);
  return url !== null && WEB.has(url.protocol) && url.hostname !== '';
}

/** True when `raw` may be stored as an anchor's URL: http(s), or `site`'s own app scheme. */
export function isAllowedUrl(raw: string, site?: string): boolean {
  if (isWebUrl(raw)) return true;
  const url = parse(raw);
  if (!url) return false;
  const own = site === undefined ? Object.values(APP_SCHEMES) : [APP_SCHEMES[site]];
  return own.includes(url.protocol);
}

/** The address to render as a link or to open: http(s) only, normalised; otherwise null (show it as text). */
export function linkHref(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const url = parse(raw.trim());
  return url && WEB.has(url.protocol) && url.hostname !== '' ? url.href : null;
}

const URL_RULE = 'an http(s) address (or the site app’s own link)';

/** Anchor.url on its own (a pushed field is checked alone): http(s) or a known app's scheme. */
export const AnchorUrl = z.string().check(
  z.maxLength(MAX_URL_LENGTH, `at most ${MAX_URL_LENGTH} characters`),
  z.refine((v) => isAllowedUrl(v), URL_RULE),
);

/** The whole-row part of the rule: an app scheme only on its own site's anchor. */
export const urlMatchesSite = z.refine<{ url: string; site: string }>(
  (a: { url: string; site: string }) => isAllowedUrl(a.url, a.site),
  {
    message: `url: ${URL_RULE} for this site`,
    path: ['url'],
  },
);
