// A small export control for one decision, a selection, or the whole log: a disclosure with one
// button per format (MADR Markdown, CSV, JSON backup, Web Annotations), keyboard reachable, with
// the saved file's name announced.
import { useId, useRef, useState } from 'preact/hooks';
import { errorText } from './actions';
import { dataSource } from './data-source';
import { EXPORT_FORMATS, type ExportFormat, type ExportScope } from './export-formats';
import './data-safety.css';

export interface ExportMenuProps {
  /** The decisions to export, or 'all' for the whole log (its JSON is then a full backup). */
  ids: ExportScope;
  /** The disclosure's text; its accessible name. */
  label?: string;
}

const formatLabel = (format: ExportFormat, single: boolean) => {
  const f = EXPORT_FORMATS.find((x) => x.value === format);
  if (format === 'madr') return single ? 'Markdown (MADR) .md' : 'Markdown (MADR) .zip';
  return f?.label ?? format;
};

export function ExportMenu({ ids, label = 'Export' }: ExportMenuProps) {
  const id = useId();
  const details = useRef<HTMLDetailsElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const single = ids !== 'all' && ids.length === 1;
  const empty = ids !== 'all' && ids.length === 0;

  // Closing hides the focused format button: the keyboard goes back to the toggle.
  const close = () => {
    if (!details.current) return;
    details.current.open = false;
    details.current.querySelector('summary')?.focus();
  };
  const run = async (format: ExportFormat) => {
    setBusy(true);
    setMessage(null);
    try {
      const name = await dataSource().saveExport(ids, format);
      setMessage({ text: `Saved ${name}.`, error: false });
      close();
    } catch (e) {
      setMessage({ text: `Export failed: ${errorText(e)}`, error: true });
    } finally {
      setBusy(false);
    }
  };
  // Escape closes the menu and leaves the keyboard on its toggle, as a menu button would.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !details.current?.open) return;
    e.preventDefault();
    close();
  };

  return (
    <div class="export-control">
      <details class="export-menu" ref={details} onKeyDown={onKeyDown}>
        <summary aria-describedby={`${id}-status`}>{label}</summary>
        <div class="export-formats">
          {EXPORT_FORMATS.map((f) => (
            <button key={f.value} type="button" disabled={busy || empty} onClick={() => void run(f.value)}>
              {formatLabel(f.value, single)} <span class="hint">— {f.hint}</span>
            </button>
          ))}
        </div>
      </details>
      <span id={`${id}-status`} role="status" class={message?.error ? 'error' : 'muted'}>
        {message?.text ?? ''}
      </span>
    </div>
  );
}
