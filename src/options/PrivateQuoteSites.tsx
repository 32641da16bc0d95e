// "Do not sync quotes from this site": per host, decisions still sync but the quoted text and
// its surroundings stay on this device (teammates see "quote kept private").
import { useEffect, useState } from 'preact/hooks';
import { cleanHost } from '../background/hosts';
import { api } from '../messaging/browser-api';
import { PRIVATE_HOSTS_KEY } from '../sync/config';

export function PrivateQuoteSites() {
  const [hosts, setHosts] = useState<string[]>([]);
  const [input, setInput] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    void api.storage.local
      .get(PRIVATE_HOSTS_KEY)
      .then((got) => setHosts((got[PRIVATE_HOSTS_KEY] as string[] | undefined) ?? []));
  }, []);

  const save = async (next: string[]) => {
    setHosts(next);
    await api.storage.local.set({ [PRIVATE_HOSTS_KEY]: next });
  };

  function add(e: Event) {
    e.preventDefault();
    const host = cleanHost(input);
    if (!host) return setError('Enter a host such as wiki.example.com.');
    setError('');
    setInput('');
    if (!hosts.includes(host)) void save([...hosts, host]);
  }

  return (
    <div>
      <h3 id="private-title">Do not sync quotes from these sites</h3>
      <p class="muted">Decisions from these sites still sync; the quoted text does not leave this browser.</p>
      {hosts.length > 0 && (
        <ul class="plain" aria-label="Sites whose quotes stay private">
          {hosts.map((h) => (
            <li key={h} class="row">
              <span>{h}</span>
              <button
                type="button"
                onClick={() => void save(hosts.filter((x) => x !== h))}
                aria-label={`Sync quotes from ${h} again`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="row" onSubmit={add} aria-label="Keep quotes from a site private">
        <label for="private-host" class="sr-only">
          Site whose quotes stay private
        </label>
        <input
          id="private-host"
          value={input}
          placeholder="wiki.example.com"
          onInput={(e) => setInput(e.currentTarget.value)}
        />
        <button type="submit">Keep its quotes private</button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
