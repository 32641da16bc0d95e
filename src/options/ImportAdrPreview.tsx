// What importing ADR Markdown will add, before anything is written: the decisions with their
// status and date, the people it adds, and what could not be read.

import { plural } from '../core/plural';
import type { AdrPreview } from '../storage/import-adr';

export interface ImportAdrPreviewProps {
  name: string;
  preview: AdrPreview;
  errors: { file: string; error: string }[];
  skipDuplicates: boolean;
  onSkipDuplicates: (skip: boolean) => void;
}

export function ImportAdrPreview({
  name,
  preview,
  errors,
  skipDuplicates,
  onSkipDuplicates,
}: ImportAdrPreviewProps) {
  const { fresh, duplicates, newPeople } = preview;
  const adding = skipDuplicates ? fresh : [...fresh, ...duplicates];
  return (
    <div>
      <p>
        <strong>{name}</strong>: {plural(adding.length, 'decision')} to add
        {newPeople.length
          ? `, with ${plural(newPeople.length, 'new stakeholder')} (${newPeople.join(', ')})`
          : ''}
        {preview.followUps ? ` and ${plural(preview.followUps, 'follow-up')}` : ''}.
      </p>
      {adding.length > 0 && (
        <ul class="import-list">
          {adding.slice(0, 50).map((a) => (
            <li key={`${a.fileName}:${a.title}`}>
              {a.title}{' '}
              <span class="muted">
                — {a.status}
                {a.date ? `, ${a.date}` : ''}
              </span>
            </li>
          ))}
          {adding.length > 50 && <li class="muted">and {adding.length - 50} more</li>}
        </ul>
      )}
      {duplicates.length > 0 && (
        <label class="check">
          <input
            type="checkbox"
            checked={skipDuplicates}
            onChange={(e) => onSkipDuplicates(e.currentTarget.checked)}
          />
          Skip the {plural(duplicates.length, 'decision')} whose title is already in the log
        </label>
      )}
      {(errors.length > 0 || preview.warnings.length > 0) && (
        <details>
          <summary>
            {errors.length ? `${plural(errors.length, 'file')} could not be read` : 'Notes'}
            {preview.warnings.length ? ` · ${plural(preview.warnings.length, 'note')}` : ''}
          </summary>
          <ul class="muted">
            {errors.map((e) => (
              <li key={e.file}>
                {e.file}: {e.error}
              </li>
            ))}
            {preview.warnings.slice(0, 50).map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
