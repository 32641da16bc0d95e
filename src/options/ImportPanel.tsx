// Import: a Decidedly backup (merged by the sync rules) or ADR Markdown (new decisions). Choosing
// files only reads and previews them; nothing is written until "Import", in one transaction.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AdrFolderResult, Backup, ImportPlan } from '../core/export';
import { plural } from '../core/plural';
import { writeContext } from '../storage/context';
import { database } from '../storage/db';
import { importBackupText, previewBackup } from '../storage/import';
import { type AdrPreview, importAdrs, previewAdrs } from '../storage/import-adr';
import { act, errorText } from '../ui/actions';
import { ImportAdrPreview } from './ImportAdrPreview';
import { decisionSummary, ImportBackupPreview } from './ImportBackupPreview';
import { type PickedFile, readImportFiles } from './import-source';

type Stage =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string }
  | { kind: 'backup'; name: string; backup: Backup; file: PickedFile; plan: ImportPlan }
  | { kind: 'adr'; name: string; folder: AdrFolderResult; preview: AdrPreview }
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string };

export function ImportPanel() {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [skipDuplicates, setSkipDuplicates] = useState(true);
  const [inputKey, setInputKey] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const previewing = stage.kind === 'backup' || stage.kind === 'adr';
  // A screen-reader or keyboard user lands on the preview they asked for.
  useEffect(() => {
    if (previewing) heading.current?.focus();
  }, [previewing]);

  const choose = async (files: PickedFile[]) => {
    if (!files.length) return;
    setStage({ kind: 'busy', text: 'Reading…' });
    try {
      const source = await readImportFiles(files);
      if (source.kind === 'error') return setStage({ kind: 'error', text: source.error });
      if (source.kind === 'backup') {
        const { workspaceId } = await writeContext();
        const plan = await previewBackup(database(), source.backup, workspaceId);
        return setStage({
          kind: 'backup',
          name: source.name,
          backup: source.backup,
          file: source.file,
          plan,
        });
      }
      setSkipDuplicates(true);
      const preview = await previewAdrs(database(), source.folder.decisions);
      setStage({ kind: 'adr', name: source.name, folder: source.folder, preview });
    } catch (e) {
      setStage({ kind: 'error', text: errorText(e) });
    }
  };
  const finish = (next: Stage) => {
    setStage(next);
    setInputKey((k) => k + 1);
  };
  const confirm = async () => {
    const current = stage;
    setStage({ kind: 'busy', text: 'Importing…' });
    try {
      if (current.kind === 'backup') {
        // The file is read and validated again as it is written: what is stored always passed.
        const text = await current.file.text();
        const result = await act((ctx) => importBackupText(ctx, text), `the import of ${current.name}`);
        if (!result.ok) return finish({ kind: 'error', text: `Nothing was imported: ${result.error}` });
        finish({ kind: 'done', text: `Imported ${current.name}: ${decisionSummary(result.plan)}.` });
      } else if (current.kind === 'adr') {
        const adrs = current.folder.decisions;
        const { records, skipped } = await act(
          (ctx) => importAdrs(ctx, adrs, { skipDuplicates }),
          `the import of ${current.name}`,
        );
        const extra = skipped ? ` (${skipped} already in the log skipped)` : '';
        finish({ kind: 'done', text: `Imported ${plural(records.decisions.length, 'decision')}${extra}.` });
      }
    } catch (e) {
      finish({ kind: 'error', text: `Nothing was imported: ${errorText(e)}` });
    }
  };
  const cancel = () => finish({ kind: 'idle' });
  const nothingToAdd =
    stage.kind === 'adr' &&
    stage.preview.fresh.length + (skipDuplicates ? 0 : stage.preview.duplicates.length) === 0;

  return (
    <div class="import-panel">
      <h3 id="import-title">Import</h3>
      <p class="muted">
        A Decidedly backup (.json) restores everything it holds without overwriting newer changes made here.
        ADR Markdown — a .zip of an adr/ or docs/decisions/ folder, or several .md files — becomes new
        decisions with their status, date, deciders and sections.
      </p>
      <label for="import-file">Choose a backup or ADR files</label>
      <input
        key={inputKey}
        id="import-file"
        type="file"
        multiple
        accept=".json,.zip,.md,.markdown,application/json,application/zip,text/markdown"
        disabled={stage.kind === 'busy'}
        onChange={(e) => void choose([...(e.currentTarget.files ?? [])])}
      />
      {previewing && (
        <section class="import-preview" aria-labelledby="import-preview-title">
          <h4 id="import-preview-title" tabIndex={-1} ref={heading}>
            Preview — nothing is written yet
          </h4>
          {stage.kind === 'backup' ? (
            <ImportBackupPreview name={stage.name} exportedAt={stage.backup.exportedAt} plan={stage.plan} />
          ) : (
            <ImportAdrPreview
              name={stage.name}
              preview={stage.preview}
              errors={stage.folder.errors}
              skipDuplicates={skipDuplicates}
              onSkipDuplicates={setSkipDuplicates}
            />
          )}
          <div class="row">
            <button type="button" class="primary" disabled={nothingToAdd} onClick={() => void confirm()}>
              Import
            </button>
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          </div>
        </section>
      )}
      <p role="status" class={stage.kind === 'error' ? 'error' : 'muted'}>
        {stage.kind === 'busy' || stage.kind === 'done' || stage.kind === 'error' ? stage.text : ''}
      </p>
    </div>
  );
}
