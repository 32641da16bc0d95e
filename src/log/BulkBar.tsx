// Actions on the selected decisions: export them, add a tag, set a review date.
import { useId, useState } from 'preact/hooks';
import { plural } from '../core/plural';
import { database } from '../storage/db';
import { act, errorText } from '../ui/actions';
import { download } from '../ui/download';
import { EXPORT_FORMATS, type ExportFormat, exportFile } from '../ui/export-file';
import { addTagTo, MAX_TAG, reviewInstant, setReviewOf } from './bulk-actions';
import { TIME_ZONE } from './format';

export interface BulkBarProps {
  ids: string[];
  onClear: () => void;
}

const decisions = (n: number) => plural(n, 'decision');

export function BulkBar({ ids, onClear }: BulkBarProps) {
  const id = useId();
  const [format, setFormat] = useState<ExportFormat>('madr');
  const [tag, setTag] = useState('');
  const [day, setDay] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ text: await work(), error: false });
    } catch (e) {
      setMessage({ text: errorText(e), error: true });
    } finally {
      setBusy(false);
    }
  };
  const doExport = () =>
    run(async () => {
      const file = await exportFile(database(), ids, format);
      download(file.name, file.data, file.type);
      return `Exported ${decisions(ids.length)} to ${file.name}.`;
    });
  const doTag = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      const n = await act((ctx) => addTagTo(ctx, ids, tag));
      setTag('');
      return `Tagged ${decisions(n)} “${tag.trim()}”${n < ids.length ? ` (${ids.length - n} had it already)` : ''}.`;
    });
  };
  const doReview = (e: Event) => {
    e.preventDefault();
    const at = reviewInstant(day, TIME_ZONE);
    void run(async () => {
      const n = await act((ctx) => setReviewOf(ctx, ids, at));
      return at ? `Review set for ${decisions(n)}.` : `Review cleared on ${decisions(n)}.`;
    });
  };

  return (
    <section class="bulk" aria-label="Selected decisions">
      <strong>{decisions(ids.length)} selected</strong>
      <span class="field">
        <label for={`${id}-format`}>Export as</label>
        <select
          id={`${id}-format`}
          value={format}
          onChange={(e) => setFormat((e.currentTarget as HTMLSelectElement).value as ExportFormat)}
        >
          {EXPORT_FORMATS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </span>
      <button type="button" class="primary" disabled={busy} onClick={doExport}>
        Export
      </button>
      <form class="row" onSubmit={doTag}>
        <label for={`${id}-tag`}>Add tag</label>
        <input
          id={`${id}-tag`}
          value={tag}
          maxLength={MAX_TAG}
          onInput={(e) => setTag((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" disabled={busy || !tag.trim()}>
          Add
        </button>
      </form>
      <form class="row" onSubmit={doReview}>
        <label for={`${id}-review`}>Review on</label>
        <input
          id={`${id}-review`}
          type="date"
          value={day}
          onInput={(e) => setDay((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" disabled={busy}>
          {day ? 'Set review' : 'Clear review'}
        </button>
      </form>
      <button type="button" onClick={onClear}>
        Clear selection
      </button>
      <span role="status" class={message?.error ? 'error' : 'muted'}>
        {message?.text ?? ''}
      </span>
    </section>
  );
}
