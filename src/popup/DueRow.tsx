// One due item: what is due, its decision, the owner, when (relative to now) and the page it lives
// on, with the actions of its kind.
import { formatDueLabel, formatRelative } from '../core/dates';
import { siteName } from '../core/due-popup';
import type { DueEntry } from '../storage/due-query';
import { FollowUpActions } from './FollowUpActions';
import type { Outcome } from './popup-actions';
import { ReviewActions } from './ReviewActions';

export interface DueRowProps {
  entry: DueEntry;
  now: Date;
  timeZone: string;
  run: (action: () => Promise<Outcome | null>) => void;
}

export function DueRow({ entry, now, timeZone, run }: DueRowProps) {
  const review = entry.kind === 'review';
  const due = new Date(entry.dueAt);
  const late = due.getTime() < now.getTime();
  const titleId = `due-${entry.id}`;
  const name = entry.ownerName;
  const owner = review
    ? name
      ? `Accountable: ${name}`
      : 'No Accountable yet'
    : name
      ? `Owner: ${name}`
      : 'No owner yet';
  const Actions = review ? ReviewActions : FollowUpActions;
  return (
    <li>
      <article class="due-item" aria-labelledby={titleId}>
        <div class="due-head">
          <h3 id={titleId} class="due-title">
            {review ? `Still valid? ${entry.title}` : entry.title}
          </h3>
          <time
            class={late ? 'when-due overdue' : 'when-due'}
            dateTime={entry.dueAt}
            title={formatDueLabel(due, now, timeZone)}
          >
            {formatRelative(due, now, timeZone)}
          </time>
        </div>
        <p class="due-meta muted">
          {review ? 'Review of this decision' : `Decision: ${entry.decisionTitle}`} · {owner}
        </p>
        <p class="due-page">
          {entry.page ? (
            <>
              <span class="site">{siteName(entry.page.site)}</span> · {entry.page.title}
            </>
          ) : (
            <span class="muted">Logged by hand, on no page</span>
          )}
        </p>
        <Actions entry={entry} now={now} timeZone={timeZone} describedBy={titleId} run={run} />
      </article>
    </li>
  );
}
