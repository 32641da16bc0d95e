// A review's actions ("Still valid?"): Keep with the next review date, Revisit (reopen for
// discussion), Supersede (the sidebar's supersede flow on the decision's page) and Open.
import { nextReview, snooze } from '../core/due';
import type { DueEntry } from '../storage/due-query';
import { OpenButton } from './FollowUpActions';
import { keepDecision, type Outcome, revisit } from './popup-actions';
import { WhenMenu } from './WhenMenu';

export interface ReviewActionsProps {
  entry: DueEntry;
  now: Date;
  timeZone: string;
  describedBy: string;
  run: (action: () => Promise<Outcome | null>) => void;
}

export function ReviewActions({ entry, now, timeZone, describedBy, run }: ReviewActionsProps) {
  return (
    <div class="row actions">
      <WhenMenu
        label="Keep"
        groupLabel="Still valid; review again"
        choices={[
          { label: 'In a month', at: nextReview(now, 'month', timeZone) },
          { label: 'In a quarter', at: nextReview(now, 'quarter', timeZone) },
        ]}
        atDay={(day) => snooze({ date: day }, now, timeZone)}
        now={now}
        timeZone={timeZone}
        describedBy={describedBy}
        onChoose={(at) => run(() => keepDecision(entry, at, now, timeZone))}
      />
      <button type="button" aria-describedby={describedBy} onClick={() => run(() => revisit(entry))}>
        Revisit
      </button>
      <OpenButton
        entry={entry}
        describedBy={describedBy}
        run={run}
        label="Supersede"
        hint="Replace it with a new decision, in the sidebar on its page"
      />
      <OpenButton entry={entry} describedBy={describedBy} run={run} />
    </div>
  );
}
