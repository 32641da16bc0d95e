// Where the stakeholders of a decision stand, at a glance: one segment per stance, sized by how many
// people hold it, with the counts spelled out for screen readers and in a tooltip.
import type { Alignment } from '../core/raci';
import type { Stance } from '../core/schemas';
import './alignment-bar.css';

export interface AlignmentBarProps {
  alignment: Alignment;
  /** Also print the non-zero counts next to the bar. */
  legend?: boolean;
}

const ORDER: Stance[] = ['supports', 'committed', 'concerns', 'opposes', 'unknown'];

const WORDS: Record<Stance, string> = {
  supports: 'support',
  committed: 'committed',
  concerns: 'with concerns',
  opposes: 'oppose',
  unknown: 'unknown',
};

/** "2 support, 1 with concerns, 1 unknown" — or "No stakeholders yet". */
export function describeAlignment(alignment: Alignment): string {
  const parts = ORDER.filter((s) => alignment[s] > 0).map((s) => `${alignment[s]} ${WORDS[s]}`);
  return parts.length ? parts.join(', ') : 'No stakeholders yet';
}

export function AlignmentBar({ alignment, legend = false }: AlignmentBarProps) {
  const total = ORDER.reduce((n, s) => n + alignment[s], 0);
  const text = describeAlignment(alignment);
  return (
    <span class="alignment">
      <span class="alignment-bar" role="img" aria-label={`Alignment: ${text}`} title={text}>
        {total === 0 ? (
          <span class="alignment-empty" />
        ) : (
          ORDER.filter((s) => alignment[s] > 0).map((s) => (
            <span key={s} class={`alignment-seg stance-${s}`} style={{ flexGrow: alignment[s] }} />
          ))
        )}
      </span>
      {legend && (
        <span class="alignment-legend muted" aria-hidden="true">
          {text}
        </span>
      )}
    </span>
  );
}
