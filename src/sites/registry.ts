// The site registry: adapters register themselves here, and a URL finds its adapter and page key.
import type { CustomHost, SiteAdapter, SiteHint, SiteId } from './types';
import { boundKey, normaliseUrl, parseUrl } from './url';

const sites: SiteAdapter[] = [];
let fallback: SiteAdapter | undefined;
let customHosts: CustomHost[] = [];

const NO_HINT: SiteHint = { customHost: false };
const CUSTOM_HINT: SiteHint = { customHost: true };
const SELF_HOSTED = new Set<string>(['jira', 'confluence', 'gitlab']);

/** Adds a site adapter; a later registration with the same id replaces the earlier one (hot reload). */
export function registerSite(site: SiteAdapter): void {
  const existing = sites.findIndex((registered) => registered.id === site.id);
  if (existing === -1) sites.push(site);
  else sites[existing] = site;
}

/** Sets the adapter for pages no site claims. */
export function registerFallback(site: SiteAdapter): void {
  fallback = site;
}

/** A host as typed in the options page: `https://Jira.Corp.Example:8443/` → `jira.corp.example:8443`. */
function normaliseHost(host: string): string {
  const text = host.trim().toLowerCase();
  const withoutScheme = text.includes('://') ? text.slice(text.indexOf('://') + 3) : text;
  return withoutScheme.split(/[/?#]/)[0]!.replace(/\.$/, '');
}

/**
 * Registers self-hosted instances (replacing the previous list), so a Jira at `jira.corp.example`
 * uses the Jira rules. `*.corp.example` covers every subdomain. Unknown sites are ignored, since the
 * list comes from stored settings that may be older or newer than this code.
 */
export function setCustomHosts(list: readonly CustomHost[]): void {
  customHosts = list
    .filter((entry) => typeof entry?.host === 'string' && SELF_HOSTED.has(entry.site))
    .map((entry) => ({ host: normaliseHost(entry.host), site: entry.site }))
    .filter((entry) => entry.host !== '' && entry.host !== '*.');
}

function hostMatches(pattern: string, url: URL): boolean {
  if (pattern.startsWith('*.')) {
    const domain = pattern.slice(2);
    return url.hostname.endsWith(`.${domain}`) || url.host.endsWith(`.${domain}`);
  }
  return pattern === url.host || pattern === url.hostname;
}

function byId(id: SiteId): SiteAdapter | undefined {
  return sites.find((site) => site.id === id);
}

interface Claim {
  site: SiteAdapter;
  hint: SiteHint;
}

/**
 * The adapter that speaks for a URL. User-registered hosts come first; one host may carry both a
 * self-hosted Jira and Confluence under different context paths, so the first that can key the
 * URL wins, and otherwise the first registered.
 */
function claim(url: URL): Claim | null {
  const custom = customHosts
    .filter((entry) => hostMatches(entry.host, url))
    .map((entry) => byId(entry.site))
    .filter((site): site is SiteAdapter => site !== undefined);
  if (custom.length > 0) {
    const keyed = custom.find((site) => site.pageKey(url, CUSTOM_HINT) !== null);
    return { site: keyed ?? custom[0]!, hint: CUSTOM_HINT };
  }
  const site = sites.find((candidate) => candidate.handles(url, NO_HINT));
  return site ? { site, hint: NO_HINT } : null;
}

function requireFallback(): SiteAdapter {
  if (!fallback) throw new Error('src/sites: no fallback adapter registered (import src/sites/index.ts)');
  return fallback;
}

/** The adapter for a URL; the generic one for unknown pages and for strings that are not URLs. */
export function siteFor(url: string): SiteAdapter {
  const parsed = parseUrl(url);
  return (parsed && claim(parsed)?.site) || requireFallback();
}

/**
 * The page key of a URL (DESIGN §4). Never throws: an adapter bug must not stop a user from
 * logging a decision, so anything unexpected degrades to the normalised-URL key.
 */
export function pageKeyFor(url: string): string {
  try {
    const parsed = parseUrl(url);
    const found = parsed ? claim(parsed) : null;
    const key = found && parsed ? found.site.pageKey(parsed, found.hint) : null;
    return boundKey(key ?? `url:${normaliseUrl(parsed ?? url)}`);
  } catch {
    return boundKey(`url:${String(url)}`);
  }
}

/** The manifest match patterns of every registered site, without duplicates. */
export function defaultMatches(): string[] {
  return [...new Set(sites.flatMap((site) => site.matches))];
}
