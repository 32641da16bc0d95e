// "2 versions": both texts of a concurrent edit, who wrote each and when; keep one or merge by
// hand. Authors come from the decision's history: events carry the same HLC node (device) as
// the edits written with them.
import { useState } from 'preact/hooks';
import { hlcMs } from '../core/hlc';
import type { ConflictVersion, DecisionEvent, Stakeholder } from '../core/schemas';
import { act, errorText } from './actions';
import { dataSource } from './data-source';

export interface ConflictVersionsProps {
  decision: {
    id: string;
    fieldHlc: Record<string, string>;
    conflicts?: Record<string, ConflictVersion[]>;
  } & Record<string, unknown>;
  field: string;
  label: string;
  events: DecisionEvent[];
  stakeholders: Stakeholder[];
}

const deviceOf = (hlc: string) => (hlc.split('.')[2] ?? '').split('-')[0] ?? '';

export function authorOf(hlc: string, events: DecisionEvent[], stakeholders: Stakeholder[]): string {
  const device = deviceOf(hlc);
  const event = events.find((e) => Object.values(e.fieldHlc).some((h) => deviceOf(h) === device));
  const person = stakeholders.find((s) => s.id === event?.actor);
  return person?.name ?? (event && event.actor !== 'local' ? event.actor : 'a teammate');
}

export function ConflictVersions({ decision, field, label, events, stakeholders }: ConflictVersionsProps) {
  const siblings = decision.conflicts?.[field] ?? [];
  const versions = [{ value: decision[field], hlc: decision.fieldHlc[field] ?? '' }, ...siblings];
  const [merging, setMerging] = useState(false);
  const [error, setError] = useState('');
  const [draft, setDraft] = useState(versions.map((v) => String(v.value ?? '')).join('\n\n'));
  if (!siblings.length) return null;

  const keep = (value: string) =>
    act((ctx) => dataSource().resolveConflict(ctx, 'decisions', decision.id, field, value)).catch((e) =>
      setError(errorText(e)),
    );

  return (
    <fieldset class="conflict" aria-label={`${versions.length} versions of ${label}`}>
      <p class="conflict-title">
        <strong>{versions.length} versions</strong> of {label} — written at the same time on different
        devices.
      </p>
      <ol class="plain">
        {versions.map((v) => (
          <li key={v.hlc} class="conflict-version">
            <p class="muted small">
              {authorOf(v.hlc, events, stakeholders)}, {v.hlc ? new Date(hlcMs(v.hlc)).toLocaleString() : ''}
            </p>
            <blockquote>{String(v.value ?? '')}</blockquote>
            <button type="button" onClick={() => void keep(String(v.value ?? ''))}>
              Keep this version
            </button>
          </li>
        ))}
      </ol>
      {merging ? (
        <div>
          <label for={`merge-${field}`}>Merged {label}</label>
          <textarea id={`merge-${field}`} value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
          <div class="row">
            <button type="button" class="primary" onClick={() => void keep(draft)}>
              Save merged text
            </button>
            <button type="button" onClick={() => setMerging(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setMerging(true)}>
          Merge by hand…
        </button>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
