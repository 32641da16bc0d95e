// The weekly backup reminder's switch. It only reminds while this browser does not sync: a sync
// server keeps a copy of the workspace.
import { useEffect, useState } from 'preact/hooks';
import {
  type BackupState,
  loadBackupState,
  onBackupStateChanged,
  updateBackupState,
} from '../storage/backup-state';
import { loadConfig } from '../sync/config';
import { errorText } from '../ui/actions';

export function DataReminder() {
  const [state, setState] = useState<BackupState | null>(null);
  const [server, setServer] = useState<string | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    const load = () => {
      void loadBackupState().then(setState);
      void loadConfig().then((c) => setServer(c ? c.workspaceName || c.url : null));
    };
    load();
    return onBackupStateChanged(load);
  }, []);
  if (!state) return null;

  const toggle = (reminder: boolean) => {
    setState({ ...state, reminder });
    updateBackupState({ reminder }).then(
      () => setError(''),
      (e) => setError(errorText(e)),
    );
  };
  return (
    <div class="data-reminder">
      <label class="check">
        <input type="checkbox" checked={state.reminder} onChange={(e) => toggle(e.currentTarget.checked)} />
        Remind me once a week to download a backup while this browser does not sync
      </label>
      {server && (
        <p class="muted">Syncing with {server}: the server keeps a copy, so no reminder is shown.</p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
