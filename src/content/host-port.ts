// Firefox's match patterns take no port, so a host a person added as `127.0.0.1:8080` gets the
// content script on every port of 127.0.0.1 there; the script itself keeps to the port added.

/** False when the page's host was added only with other ports: this page was not asked for. */
export function addedForThisPort(url: URL, added: readonly { host: string }[]): boolean {
  const sameName = added.filter((h) => h.host.replace(/:\d+$/, '') === url.hostname);
  if (sameName.length === 0) return true;
  return sameName.some((h) => h.host === url.host || h.host === url.hostname);
}
