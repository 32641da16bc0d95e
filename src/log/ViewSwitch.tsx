// Switches between the log's views; the chosen one is part of the URL like the filters.
import type { LogView } from '../core/log';
import { VIEWS } from '../core/log';

export interface ViewSwitchProps {
  view: LogView;
  onChange: (view: LogView) => void;
}

export const VIEW_LABELS: Record<LogView, string> = {
  list: 'List',
  timeline: 'Timeline',
  matrix: 'RACI matrix',
  map: 'Stakeholder map',
};

export function ViewSwitch({ view, onChange }: ViewSwitchProps) {
  return (
    <nav class="views" aria-label="Views">
      {VIEWS.map((v) => (
        <button
          key={v}
          type="button"
          aria-pressed={v === view}
          class={v === view ? 'primary' : ''}
          onClick={() => onChange(v)}
        >
          {VIEW_LABELS[v]}
        </button>
      ))}
    </nav>
  );
}
