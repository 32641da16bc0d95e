// The timeline view: one row per supersede chain touched by the filters, newest first, on one
// time axis — "how did we get here" in one look. Rows are windowed like the list.
import { useMemo } from 'preact/hooks';
import { buildTimeline, chainIndex, type LogEntry, type TimelineChain } from '../core/log';
import { TIME_ZONE } from './format';
import { TimelineRow } from './TimelineRow';
import { VirtualList } from './VirtualList';
import './timeline.css';

export interface TimelineViewProps {
  /** The whole log: chains are followed through decisions the filters leave out. */
  all: LogEntry[];
  entries: LogEntry[];
  resetKey: string;
}

const ROW_HEIGHT = 44;

export function TimelineView({ all, entries, resetKey }: TimelineViewProps) {
  const index = useMemo(() => chainIndex(all), [all]);
  const timeline = useMemo(() => buildTimeline(index, entries, TIME_ZONE), [index, entries]);
  const span = timeline.endMs - timeline.startMs || 1;
  const x = (ms: number) => ((ms - timeline.startMs) / span) * 100;
  const onRowKey = (e: KeyboardEvent) => {
    const link = (e.target as HTMLElement).querySelectorAll<HTMLAnchorElement>('a.tl-dot');
    if (e.key !== 'Enter' || !link.length) return false;
    // The newest decision of the chain is where the story stands now.
    link[link.length - 1]?.click();
    return true;
  };
  if (!timeline.chains.length)
    return <p class="empty muted">No decisions match. Loosen a filter or clear the search.</p>;
  return (
    <section class="timeline-view" aria-label="Timeline">
      <svg width="0" height="0" aria-hidden="true" class="defs">
        <defs>
          <marker
            id="tl-arrow"
            viewBox="0 0 8 8"
            refX="15"
            refY="4"
            markerWidth="8"
            markerHeight="8"
            markerUnits="userSpaceOnUse"
            orient="auto"
          >
            <path d="M0,0 L8,4 L0,8 z" />
          </marker>
        </defs>
      </svg>
      <p class="muted legend">
        Each row is a decision and the ones that superseded it, oldest on the left. Faded dots are outside the
        filters. <kbd>Enter</kbd> opens the newest one's page.
      </p>
      <div class="tl-row tl-axis" aria-hidden="true">
        <span class="tl-label" />
        <span class="tl-track">
          {timeline.ticks.map((t) => (
            <span key={t.ms} class="tl-tick" style={{ left: `${x(t.ms)}%` }}>
              {t.label}
            </span>
          ))}
        </span>
      </div>
      <VirtualList<TimelineChain>
        items={timeline.chains}
        rowHeight={ROW_HEIGHT}
        itemKey={(c) => c.key}
        label={`Decision chains, ${timeline.chains.length} shown`}
        resetKey={resetKey}
        onRowKey={onRowKey}
        renderRow={(chain) => <TimelineRow chain={chain} x={x} />}
      />
    </section>
  );
}
