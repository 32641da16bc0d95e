// Where Decidedly runs: the default hosts, and hosts a person adds (self-hosted Jira, Confluence,
// GitLab, or any site). Adding asks the browser for that host's permission first.
import { useEffect, useState } from 'preact/hooks';
import { cleanHost, HOSTS_KEY, type HostEntry, type HostSite, originsOf } from '../background/hosts';
import { api } from '../messaging/browser-api';
import { sendFromPage } from '../messaging/index';
import { DEFAULT_MATCHES } from '../sites/index';
import { errorText } from '../ui/actions';

const SITE_LABELS: Record<HostSite, string> = {
  jira: 'Jira (self-hosted)',
  confluence: 'Confluence (self-hosted)',
  gitlab: 'GitLab (self-managed)',
  generic: 'Any other site',
};

const readable = (pattern: string) => pattern.replace(/^https:\/\//, '').replace(/\/\*$/, '');

export function SitesSection() {
  const [hosts, setHosts] = useState<HostEntry[]>([]);
  const [host, setHost] = useState('');
  const [site, setSite] = useState<HostSite>('jira');
  const [message, setMessage] = useState('');

  useEffect(() => {
    const load = () =>
      void api.storage.local
        .get(HOSTS_KEY)
        .then((got) => setHosts((got[HOSTS_KEY] as HostEntry[] | undefined) ?? []));
    load();
    api.storage.onChanged.addListener(load);
    return () => api.storage.onChanged.removeListener(load);
  }, []);

  async function add(e: Event) {
    e.preventDefault();
    const clean = cleanHost(host);
    if (!clean) return setMessage('Enter a host name such as jira.example.com (or paste a URL from it).');
    try {
      // The first await of the click: Firefox honours a request only inside the user's input
      // handler, and any await before it ends that. A request for what is already allowed
      // answers true without asking.
      const granted = await api.permissions.request({ origins: originsOf(clean) });
      if (!granted)
        return setMessage(`Permission for ${clean} was not given, so Decidedly will not run there.`);
      const reply = await sendFromPage('hosts:add', { host: clean, site });
      setHosts(reply.hosts as HostEntry[]);
      setHost('');
      setMessage(`Decidedly now runs on ${clean}. Reload its open tabs.`);
    } catch (error) {
      setMessage(errorText(error));
    }
  }

  async function remove(h: string) {
    const reply = await sendFromPage('hosts:remove', { host: h });
    setHosts(reply.hosts as HostEntry[]);
    setMessage(`Decidedly no longer runs on ${h}.`);
  }

  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">Where Decidedly runs</h2>
      <p class="muted">Out of the box: {DEFAULT_MATCHES.map(readable).join(', ')}.</p>
      {hosts.length > 0 && (
        <ul class="plain" aria-label="Added sites">
          {hosts.map((h) => (
            <li key={h.host} class="row">
              <span>
                <strong>{h.host}</strong> <span class="muted">{SITE_LABELS[h.site]}</span>
              </span>
              <button type="button" onClick={() => void remove(h.host)} aria-label={`Remove ${h.host}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="row" onSubmit={add} aria-label="Add a site">
        <label for="host-input" class="sr-only">
          Host
        </label>
        <input
          id="host-input"
          value={host}
          placeholder="jira.example.com"
          onInput={(e) => setHost(e.currentTarget.value)}
        />
        <label for="host-site" class="sr-only">
          Site type
        </label>
        <select id="host-site" value={site} onChange={(e) => setSite(e.currentTarget.value as HostSite)}>
          {Object.entries(SITE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <button type="submit" class="primary">
          Add site
        </button>
      </form>
      <p class="muted">On any other page, the popup's “Toggle sidebar” runs Decidedly on that tab once.</p>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
