// Team sync: connect with a server URL and an invite token, see the status, disconnect, and
// (separately, confirmed) remove the workspace's local copy.
import { useEffect, useState } from 'preact/hooks';
import { patternFor } from '../background/hosts';
import { api } from '../messaging/browser-api';
import { sendFromPage } from '../messaging/index';
import type { SyncConnectionInfo } from '../messaging/maps';
import { serverOrigin } from '../sync/config';
import { errorText } from '../ui/actions';
import { SyncStatus } from '../ui/SyncStatus';
import { PrivateQuoteSites } from './PrivateQuoteSites';
import { RemoveLocalCopy } from './RemoveLocalCopy';

export function SyncSection() {
  const [connection, setConnection] = useState<SyncConnectionInfo | null | undefined>(undefined);
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  useEffect(() => {
    void sendFromPage('sync:connection', {}).then(setConnection, () => setConnection(null));
  }, []);

  async function connect(e: Event) {
    e.preventDefault();
    setMessage('');
    let origin: string;
    try {
      origin = serverOrigin(url.trim());
    } catch (error) {
      return setMessage(
        errorText(error).replace(/^TypeError: /, '') || 'Enter the server URL, e.g. https://sync.example.com',
      );
    }
    setBusy(true);
    try {
      // The first await of the click (see SitesSection): the browser asks for this server's origin.
      const { protocol, host } = new URL(origin);
      const granted = await api.permissions.request({ origins: [patternFor(protocol.slice(0, -1), host)] });
      if (!granted) throw new Error(`Decidedly needs permission to reach ${origin} to sync.`);
      const joined = await sendFromPage('sync:connect', { url: origin, token: token.trim() });
      setConnection(joined);
      setToken('');
      setMessage(
        `Connected to ${joined.workspaceName} as ${joined.memberName}. Your decisions are being shared.`,
      );
    } catch (error) {
      setMessage(`Could not connect: ${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  }

  async function disconnect() {
    await sendFromPage('sync:disconnect', {});
    setConnection(null);
    setMessage('Disconnected. Everything stays in this browser; nothing syncs until you connect again.');
  }

  return (
    <section aria-labelledby="sync-title">
      <h2 id="sync-title">Team sync</h2>
      <SyncStatus />
      {connection ? (
        <div>
          <p>
            Workspace <strong>{connection.workspaceName}</strong> on {connection.url}, as{' '}
            <strong>{connection.memberName}</strong>.
          </p>
          <div class="row">
            <button type="button" onClick={() => void sendFromPage('sync:now', {})}>
              Sync now
            </button>
            <button type="button" onClick={() => void disconnect()}>
              Disconnect
            </button>
          </div>
        </div>
      ) : (
        connection === null && (
          <form onSubmit={connect} aria-label="Connect to a sync server">
            <label for="sync-url">Server URL</label>
            <input
              id="sync-url"
              type="url"
              value={url}
              placeholder="https://sync.example.com"
              onInput={(e) => setUrl(e.currentTarget.value)}
              required
            />
            <label for="sync-token">Invite token</label>
            <input
              id="sync-token"
              type="password"
              value={token}
              autocomplete="off"
              onInput={(e) => setToken(e.currentTarget.value)}
              required
            />
            <div class="row">
              <button type="submit" class="primary" disabled={busy}>
                {busy ? 'Connecting…' : 'Connect'}
              </button>
            </div>
            <p class="muted">
              The token stays in this browser's extension storage; pages you visit never see it.
            </p>
          </form>
        )
      )}
      {message && <p role="status">{message}</p>}
      {connection === null && <RemoveLocalCopy />}
      <PrivateQuoteSites />
    </section>
  );
}
