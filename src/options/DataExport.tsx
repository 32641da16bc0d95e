// Backing up and exporting everything: the JSON backup (every table, restorable here or in
// another browser) and the whole log as MADR Markdown, CSV or Web Annotations.
import { useEffect, useState } from 'preact/hooks';
import { type BackupState, loadBackupState, onBackupStateChanged } from '../storage/backup-state';
import { database } from '../storage/db';
import { errorText } from '../ui/actions';
import { ExportMenu } from '../ui/ExportMenu';
import { saveExport } from '../ui/export-file';

/** "today", "yesterday", "5 days ago". */
export function daysAgo(iso: string, now = new Date()): string {
  const days = Math.floor((now.getTime() - Date.parse(iso)) / 86_400_000);
  return days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

export function DataExport() {
  const [state, setState] = useState<BackupState | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  useEffect(() => {
    const load = () => void loadBackupState().then(setState);
    load();
    return onBackupStateChanged(load);
  }, []);

  const backup = () =>
    saveExport(database(), 'all', 'json').then(
      (name) => setMessage({ text: `Saved ${name}.`, error: false }),
      (e) => setMessage({ text: `The backup failed: ${errorText(e)}`, error: true }),
    );
  const last = state?.lastExportAt;
  return (
    <div class="data-export">
      <h3>Back up and export</h3>
      <p class="muted">
        A backup file holds every decision, stakeholder, role, highlight, follow-up and history entry, deleted
        ones too, with the data sync needs. Importing it here or in another browser restores them.
      </p>
      <div class="row">
        <button type="button" class="primary" onClick={() => void backup()}>
          Download a backup (JSON)
        </button>
        <ExportMenu ids="all" label="Export all decisions" />
      </div>
      <p role="status" class={message?.error ? 'error' : 'muted'}>
        {message?.text ?? ''}
      </p>
      <p class="muted">
        {last
          ? `Last backup: ${new Date(last).toLocaleString()} (${daysAgo(last)}).`
          : 'No backup downloaded from this browser yet.'}
      </p>
    </div>
  );
}
