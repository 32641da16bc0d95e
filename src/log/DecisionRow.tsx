// One decision in the log's list: what, status, where, who is Accountable, the next step,
// alignment and the last change, with the searched words marked. Its controls stay out of the
// tab order: the row is the stop, and Space / Enter act on it (see ListView).
import { type LogEntry, matchSnippet, siteLabel } from '../core/log';
import { linkHref } from '../core/urls';
import { AlignmentBar } from '../ui/AlignmentBar';
import { formatAgo, formatDate, formatDue, TIME_ZONE } from './format';
import { Highlighted } from './Highlighted';

export interface DecisionRowProps {
  entry: LogEntry;
  terms: readonly string[];
  selected: boolean;
  onToggle: (id: string) => void;
  nowMs: number;
}

export function DecisionRow({ entry, terms, selected, onToggle, nowMs }: DecisionRowProps) {
  const d = entry.decision;
  const snippet = matchSnippet(entry, terms);
  const page = entry.pages[0];
  const href = linkHref(page?.url);
  const next = entry.nextFollowUp;
  const overdue = entry.nextDueMs < nowMs;
  return (
    <div class={`drow${selected ? ' selected' : ''}`}>
      <input
        type="checkbox"
        tabIndex={-1}
        checked={selected}
        onChange={() => onToggle(d.id)}
        aria-label={`Select “${d.title}”`}
      />
      <span class="cell title-cell">
        <span class="title">
          <Highlighted text={d.title} terms={terms} />
        </span>
        {snippet && (
          <span class="snippet muted">
            {snippet.field}: <Highlighted text={snippet.parts.map((p) => p.text).join('')} terms={terms} />
          </span>
        )}
      </span>
      <span class="cell">
        <span class={`badge status-${d.status}`}>{d.status}</span>
      </span>
      <span class="cell page-cell">
        {page && href ? (
          <a href={href} target="_blank" rel="noreferrer" tabIndex={-1} title={page.title} data-page-link>
            <span class="site">{siteLabel(page.site)}</span> {page.title}
          </a>
        ) : page ? (
          // Not an http(s) address (an app link, or a tampered row): the address is text, never opened.
          <span title={`${page.title} — ${page.url}`}>
            <span class="site">{siteLabel(page.site)}</span> {page.title}
          </span>
        ) : (
          <span class="muted">Logged by hand</span>
        )}
        {entry.pages.length > 1 && <span class="muted"> +{entry.pages.length - 1}</span>}
      </span>
      <span class="cell">
        <span class="sr-only">Accountable: </span>
        {entry.accountable ? (
          entry.accountable.name
        ) : (
          <span class="gap">
            {entry.accountableCount > 1 ? `${entry.accountableCount} Accountable` : 'No Accountable'}
          </span>
        )}
      </span>
      <span class="cell next-cell">
        <span class="sr-only">Next step: </span>
        {next ? (
          <span title={next.title}>
            {next.title}
            {entry.nextDueMs !== Number.POSITIVE_INFINITY && (
              <span class={overdue ? 'overdue' : 'muted'}>
                {' '}
                · {formatDue(entry.nextDueMs, nowMs, TIME_ZONE)}
              </span>
            )}
          </span>
        ) : (
          <span class="muted">None</span>
        )}
      </span>
      <span class="cell">
        <AlignmentBar alignment={entry.alignment} />
      </span>
      <span class="cell muted" title={formatDate(entry.updatedMs)}>
        <span class="sr-only">Changed </span>
        {formatAgo(entry.updatedMs, nowMs)}
      </span>
    </div>
  );
}
