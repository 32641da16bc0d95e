// Where Decidedly runs beyond its default hosts: self-hosted Jira, Confluence or GitLab, or any
// site a person adds in the options page. Each gets a registered content script that survives
// browser restarts; the list lives in storage.local and feeds the page-key rules.
import { api } from '../messaging/browser-api';
import { type CustomHost, setCustomHosts } from '../sites/index';

export type HostSite = CustomHost['site'] | 'generic';
export interface HostEntry {
  host: string;
  site: HostSite;
}

export const HOSTS_KEY = 'customHosts';
const scriptId = (host: string) => `host:${host}`;

/**
 * `jira.corp.example` (or `127.0.0.1:8080` when a port was typed), from a host or a pasted URL;
 * null when it is not a host name. A port is kept: a local tool on one port is not every port.
 */
export function cleanHost(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed.includes('://') ? trimmed : `https://${trimmed}`);
    if (!/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$|^localhost$/.test(url.hostname)) return null;
    // The URL parser drops a scheme's default port, so `https://x:443` stays `x`.
    return url.port ? `${url.hostname}:${url.port}` : url.hostname;
  } catch {
    return null;
  }
}

/**
 * Whether this browser's match patterns can name a port. Chromium's can; Firefox's cannot
 * (a pattern with a port matches nothing there), so Firefox gets the host on every port and the
 * content script keeps to the port added (src/content/host-port.ts).
 */
function patternsTakePorts(): boolean {
  return !api.runtime.getURL('/').startsWith('moz-extension:');
}

/** The match pattern for one scheme and `host[:port]`. */
export function patternFor(scheme: string, host: string, ports = patternsTakePorts()): string {
  return `${scheme}://${ports ? host : host.replace(/:\d+$/, '')}/*`;
}

export const originsOf = (host: string, ports = patternsTakePorts()) => [
  patternFor('https', host, ports),
  patternFor('http', host, ports),
];

export async function storedHosts(): Promise<HostEntry[]> {
  const got = await api.storage.local.get(HOSTS_KEY);
  return Array.isArray(got[HOSTS_KEY]) ? (got[HOSTS_KEY] as HostEntry[]) : [];
}

/** Gives the page-key rules the self-hosted hosts (the generic ones need no rule). */
export function applyHostRules(list: HostEntry[]) {
  setCustomHosts(list.filter((h): h is CustomHost => h.site !== 'generic'));
}

let rulesLoaded: Promise<void> | undefined;
/** The stored rules, loaded once per service-worker life: page keys must not depend on timing. */
export function ensureHostRules(): Promise<void> {
  rulesLoaded ??= storedHosts().then(applyHostRules);
  return rulesLoaded;
}

/**
 * The built content script, as a path in the extension: Firefox's getManifest gives absolute
 * moz-extension:// URLs, which registerContentScripts refuses.
 */
export function contentScriptFiles(): string[] {
  const base = api.runtime.getURL('/');
  return (api.runtime.getManifest().content_scripts?.[0]?.js ?? []).map(
    (file) => new URL(file, base).pathname,
  );
}

/** Registers the content script on a host whose permission was just granted. */
export async function addHost(entry: HostEntry): Promise<HostEntry[]> {
  const granted = await api.permissions.contains({ origins: originsOf(entry.host) });
  if (!granted)
    throw new Error(`Decidedly has no permission for ${entry.host} yet: allow it when the browser asks.`);
  const list = [...(await storedHosts()).filter((h) => h.host !== entry.host), entry];
  await api.storage.local.set({ [HOSTS_KEY]: list });
  applyHostRules(list);
  await api.scripting.unregisterContentScripts({ ids: [scriptId(entry.host)] }).catch(() => {});
  await api.scripting.registerContentScripts([
    {
      id: scriptId(entry.host),
      matches: originsOf(entry.host),
      js: contentScriptFiles(),
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
  return list;
}

export async function removeHost(host: string): Promise<HostEntry[]> {
  const list = (await storedHosts()).filter((h) => h.host !== host);
  await api.storage.local.set({ [HOSTS_KEY]: list });
  applyHostRules(list);
  await api.scripting.unregisterContentScripts({ ids: [scriptId(host)] }).catch(() => {});
  await api.permissions.remove({ origins: originsOf(host) }).catch(() => false);
  return list;
}

/**
 * At start-up: the rules for the stored hosts, and a registration for each host still
 * permitted (a person may revoke a permission from the browser's own settings).
 */
export async function restoreHosts(): Promise<void> {
  const list = await storedHosts();
  applyHostRules(list);
  const registered = new Set((await api.scripting.getRegisteredContentScripts()).map((s) => s.id));
  for (const entry of list) {
    const granted = await api.permissions.contains({ origins: originsOf(entry.host) });
    if (granted && !registered.has(scriptId(entry.host))) await addHost(entry);
  }
}
