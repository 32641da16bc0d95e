// One row of the timeline: a supersede chain (or a lone decision) on the shared time axis, each
// decision a dot coloured by status, each supersede a line from the old decision to its successor.
import type { TimelineChain } from '../core/log';
import { linkHref } from '../core/urls';
import { formatDate } from './format';

export interface TimelineRowProps {
  chain: TimelineChain;
  /** Where an instant falls on the axis, in percent. */
  x: (ms: number) => number;
}

export function TimelineRow({ chain, x }: TimelineRowProps) {
  const last = chain.nodes.at(-1)?.entry.decision;
  const titles = chain.nodes.map((n) => n.entry.decision.title);
  return (
    <div class="tl-row">
      <span class="tl-label" title={titles.join(' → ')}>
        {last?.title}
        {chain.nodes.length > 1 && <span class="muted"> · {chain.nodes.length} versions</span>}
      </span>
      <span class="tl-track">
        {chain.links.length > 0 && (
          <svg class="tl-links" role="img" aria-label={`Supersede chain: ${titles.join(' → ')}`}>
            {chain.links.map(({ from, to }) => {
              const a = chain.nodes[from]?.entry.whenMs ?? 0;
              const b = chain.nodes[to]?.entry.whenMs ?? 0;
              return (
                <line
                  key={`${from}-${to}`}
                  x1={`${x(a)}%`}
                  x2={`${x(b)}%`}
                  y1="50%"
                  y2="50%"
                  marker-end="url(#tl-arrow)"
                />
              );
            })}
          </svg>
        )}
        {chain.nodes.map(({ entry, matched }) => {
          const d = entry.decision;
          const label = `${d.title} — ${d.status}, ${d.decidedAt ? 'decided' : 'logged'} ${formatDate(entry.whenMs)}`;
          // Only an http(s) page is a link; anything else is a plain dot (never opened).
          const href = linkHref(entry.pages[0]?.url);
          const props = {
            class: `tl-dot dot-${d.status}${matched ? '' : ' faded'}`,
            style: { left: `${x(entry.whenMs)}%` },
            title: label,
            'data-decision': d.id,
          };
          return href ? (
            <a
              key={d.id}
              {...props}
              href={href}
              target="_blank"
              rel="noreferrer"
              tabIndex={-1}
              aria-label={label}
            />
          ) : (
            <span key={d.id} {...props} role="img" aria-label={label} />
          );
        })}
      </span>
    </div>
  );
}
