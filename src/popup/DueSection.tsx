// One group of the due list ("Overdue", "Today", "This week") under its heading, the first items
// shown and more a click away.

import type { DueSection as Section } from '../storage/due-list';
import { DueRow, type DueRowProps } from './DueRow';

export interface DueSectionProps {
  id: string;
  heading: string;
  section: Section;
  now: Date;
  timeZone: string;
  run: DueRowProps['run'];
  onShowMore: () => void;
}

export function DueSection({ id, heading, section, now, timeZone, run, onShowMore }: DueSectionProps) {
  const { entries, total } = section;
  if (!total) return null;
  return (
    <section class={`due-group due-${id}`} aria-labelledby={`group-${id}`}>
      <div class="group-head">
        <h2 id={`group-${id}`}>{heading}</h2>
        <span class="count">
          {total}
          <span class="sr-only"> {total === 1 ? 'item' : 'items'}</span>
        </span>
      </div>
      <DueItems
        entries={entries}
        total={total}
        now={now}
        timeZone={timeZone}
        run={run}
        onShowMore={onShowMore}
      />
    </section>
  );
}

export interface DueItemsProps {
  entries: Section['entries'];
  total: number;
  now: Date;
  timeZone: string;
  run: DueRowProps['run'];
  onShowMore: () => void;
}

/** How many more items "Show more" brings (App adds as many to the group's read). */
export const MORE = 20;

/** The items of a group and, when some are not shown yet, the button that shows more. */
export function DueItems({ entries, total, now, timeZone, run, onShowMore }: DueItemsProps) {
  return (
    <>
      <ul class="plain due-items">
        {entries.map((e) => (
          <DueRow key={e.id} entry={e} now={now} timeZone={timeZone} run={run} />
        ))}
      </ul>
      {total > entries.length && (
        <button type="button" class="link more" onClick={onShowMore}>
          Show {Math.min(MORE, total - entries.length)} more of {total}
        </button>
      )}
    </>
  );
}
