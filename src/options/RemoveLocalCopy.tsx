// Removing a workspace's local copy: separate from Disconnect, and confirmed with the count of
// what will go, since it cannot be undone from here (only from a backup or by reconnecting).
import { useState } from 'preact/hooks';
import { plural } from '../core/plural';
import { sendFromPage } from '../messaging/index';
import { database } from '../storage/db';
import { errorText } from '../ui/actions';
import { useLive } from '../ui/use-live';

export function RemoveLocalCopy() {
  const joined = useLive(
    async () => (await database().meta.get('sync:joinedWorkspace'))?.value as string | undefined,
    [],
    undefined,
  );
  const count = useLive(() => database().decisions.count(), [], 0);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  if (!joined && !message) return null;

  async function remove() {
    try {
      await sendFromPage('sync:remove-local', {});
      setMessage('The workspace’s local copy was removed from this browser.');
    } catch (error) {
      setMessage(errorText(error));
    }
    setConfirming(false);
  }

  return (
    <div class="remove-local">
      {confirming ? (
        <div role="alertdialog" aria-labelledby="remove-local-q">
          <p id="remove-local-q">
            Delete {plural(count, 'decision')} and everything about them from this browser? Teammates keep
            theirs; you can get them back by reconnecting.
          </p>
          <div class="row">
            <button type="button" class="danger" onClick={() => void remove()}>
              Delete the local copy
            </button>
            <button type="button" onClick={() => setConfirming(false)} autoFocus>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        joined && (
          <button type="button" class="danger" onClick={() => setConfirming(true)}>
            Remove the workspace’s local copy…
          </button>
        )
      )}
      {message && <p role="status">{message}</p>}
    </div>
  );
}
