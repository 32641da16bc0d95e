// "Later": everything due after this week, collapsed, and read from the database only once opened
// (it may hold every future follow-up of the workspace).

import type { DueSection as Section } from '../storage/due-list';
import { DueItems, type DueItemsProps } from './DueSection';

export interface LaterSectionProps {
  open: boolean;
  section: Section;
  /** False while the list on screen was read with "Later" closed. */
  loaded: boolean;
  now: Date;
  timeZone: string;
  run: DueItemsProps['run'];
  onToggle: (open: boolean) => void;
  onShowMore: () => void;
}

export function LaterSection(props: LaterSectionProps) {
  const { open, section, loaded, now, timeZone, run, onToggle, onShowMore } = props;
  const total = loaded ? section.total : null;
  return (
    <section class="due-group due-later" aria-labelledby="group-later">
      <details open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
        <summary>
          <h2 id="group-later">Later</h2>
          {total !== null ? (
            <span class="count">
              {total}
              <span class="sr-only"> {total === 1 ? 'item' : 'items'}</span>
            </span>
          ) : (
            // Unread until opened, so no count: say what opening it shows instead of a bare heading.
            <span class="muted later-hint">due after this week — show</span>
          )}
        </summary>
        {!loaded ? (
          <p class="muted">Loading…</p>
        ) : total ? (
          <DueItems
            entries={section.entries}
            total={total}
            now={now}
            timeZone={timeZone}
            run={run}
            onShowMore={onShowMore}
          />
        ) : (
          <p class="muted">Nothing is due after this week.</p>
        )}
      </details>
    </section>
  );
}
