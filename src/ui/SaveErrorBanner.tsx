// Says, on the page where it happened, which change the browser did not store and why, with a
// one-click JSON backup of everything that is stored — so a full disk never loses data silently.
import { useEffect, useState } from 'preact/hooks';
import { errorText } from './actions';
import { dataSource } from './data-source';
import { clearSaveError, lastSaveError, onSaveErrorChanged, type SaveError } from './save-errors';
import './data-safety.css';

export interface SaveErrorBannerProps {
  /** Shows this error instead of the page's last one (tests, previews). */
  error?: SaveError | null;
}

export function SaveErrorBanner({ error }: SaveErrorBannerProps) {
  const [last, setLast] = useState(lastSaveError);
  const [note, setNote] = useState('');
  useEffect(() => onSaveErrorChanged(() => setLast(lastSaveError())), []);
  const shown = error === undefined ? last : error;
  if (!shown) return null;

  const backup = () =>
    dataSource()
      .saveExport('all', 'json')
      .then(
        (name) => setNote(`Saved ${name}: everything stored so far is in it.`),
        (e) => setNote(`The backup failed too: ${errorText(e)}`),
      );
  return (
    <div class="save-error" role="alert">
      <p>
        <strong>Not saved: {shown.what}.</strong> {shown.message}
      </p>
      <p>
        {shown.quota
          ? 'Free some disk space, then make the change again. Everything saved before is safe; a backup keeps a copy outside the browser.'
          : 'Try the change again. Everything saved before is safe; a backup keeps a copy outside the browser.'}
      </p>
      <div class="row">
        <button type="button" class="primary" onClick={() => void backup()}>
          Export a JSON backup
        </button>
        <button type="button" onClick={() => clearSaveError()}>
          Dismiss
        </button>
        <span class="muted" role="status">
          {note}
        </span>
      </div>
    </div>
  );
}
