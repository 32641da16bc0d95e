// A follow-up's actions: Done, Snooze (tomorrow, next week, a date) and Open.
import { snooze } from '../core/due';
import type { DueEntry } from '../storage/due-query';
import { markDone, type Outcome, openEntry, snoozeUntil } from './popup-actions';
import { WhenMenu } from './WhenMenu';

export interface FollowUpActionsProps {
  entry: DueEntry;
  now: Date;
  timeZone: string;
  /** The id of the element naming the item, so each button is described by it. */
  describedBy: string;
  run: (action: () => Promise<Outcome | null>) => void;
}

export function FollowUpActions({ entry, now, timeZone, describedBy, run }: FollowUpActionsProps) {
  return (
    <div class="row actions">
      <button type="button" aria-describedby={describedBy} onClick={() => run(() => markDone(entry))}>
        Done
      </button>
      <WhenMenu
        label="Snooze"
        groupLabel="Snooze until"
        choices={[
          { label: 'Tomorrow', at: snooze('tomorrow', now, timeZone) },
          { label: 'Next week', at: snooze('next-week', now, timeZone) },
        ]}
        atDay={(day) => snooze({ date: day }, now, timeZone)}
        now={now}
        timeZone={timeZone}
        describedBy={describedBy}
        onChoose={(at) => run(() => snoozeUntil(entry, at, now, timeZone))}
      />
      <OpenButton entry={entry} describedBy={describedBy} run={run} />
    </div>
  );
}

export interface OpenButtonProps {
  entry: DueEntry;
  describedBy: string;
  run: FollowUpActionsProps['run'];
  label?: string;
  /** A tooltip saying where the button goes. */
  hint?: string;
}

/** Focuses or opens the page with the decision in its sidebar; the popup then gets out of the way. */
export function OpenButton({ entry, describedBy, run, label = 'Open', hint }: OpenButtonProps) {
  return (
    <button
      type="button"
      aria-describedby={describedBy}
      title={hint ?? (entry.page ? `Go to ${entry.page.title}` : 'Open in the decision log')}
      onClick={() =>
        run(async () => {
          if (await openEntry(entry)) window.close();
          return null;
        })
      }
    >
      {label}
    </button>
  );
}
