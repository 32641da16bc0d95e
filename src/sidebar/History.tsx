// The decision's history as a timeline: creation, status changes with who and when, role and
// stance changes, follow-ups and re-anchors. Events are append-only; this only reads them.
import type { DecisionEvent, Stakeholder } from '../core/schemas';
import { actorName, describeEvent } from './history-text';
import { timestamp } from './when';

export interface HistoryProps {
  events: DecisionEvent[];
  people: Stakeholder[];
}

export function History({ events, people }: HistoryProps) {
  const names = new Map(people.map((p) => [p.id, p.name]));
  const sorted = [...events]
    .filter((e) => !e.deleted)
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return (
    <section class="subsection" aria-labelledby="history-heading">
      <h3 id="history-heading">History</h3>
      <ol class="timeline" aria-label="History, newest first">
        {sorted.map((e) => (
          <li key={e.id} class={`event event-${e.kind}`}>
            <span class="event-text">{describeEvent(e)}</span>
            <span class="muted small">
              {actorName(e.actor, names)} · <time dateTime={e.at}>{timestamp(e.at)}</time>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
