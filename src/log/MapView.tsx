// The stakeholder map: the people of the filtered decisions placed by salience — power up,
// urgency right, legitimacy drawn solid — sized by their open decisions. Each person links to the
// decisions where they are Consulted and not heard yet (or, if none, to their open ones).
import { useMemo } from 'preact/hooks';
import { type LogEntry, type LogState, type MapQuadrant, queryFromState, stakeholderMap } from '../core/log';
import { MapBubble } from './MapBubble';
import './map.css';

export interface MapViewProps {
  entries: LogEntry[];
  state: LogState;
  onNavigate: (state: LogState) => void;
}

const QUADRANT_TITLES: Record<string, { title: string; classes: string }> = {
  'true-false': { title: 'High power, low urgency', classes: 'dominant (legitimate) or dormant' },
  'true-true': { title: 'High power, high urgency', classes: 'definitive (legitimate) or dangerous' },
  'false-false': {
    title: 'Low power, low urgency',
    classes: 'discretionary (legitimate) or not yet a stakeholder',
  },
  'false-true': { title: 'Low power, high urgency', classes: 'dependent (legitimate) or demanding' },
};

export function MapView({ entries, state, onNavigate }: MapViewProps) {
  const quadrants = useMemo(() => stakeholderMap(entries), [entries]);
  const target = (q: MapQuadrant, i: number): LogState => {
    const point = q.points[i];
    const person = point?.person.id ?? '';
    const f = { ...state.filters, person, role: '' as const, stance: '' as const };
    return point?.unheard.length
      ? { ...state, view: 'list', filters: { ...f, gaps: [...new Set([...f.gaps, 'unheard' as const])] } }
      : { ...state, view: 'list', filters: { ...f, open: true } };
  };
  if (quadrants.every((q) => !q.points.length))
    return <p class="empty muted">No stakeholders on the decisions shown. Loosen a filter or add roles.</p>;
  return (
    <section class="map-view" aria-label="Stakeholder map">
      <p class="muted legend">
        Placed by salience: power up, urgency right. A solid circle has a legitimate claim, a dashed one does
        not; size and number are the open decisions that involve them. Follow a person to the decisions
        waiting on them.
      </p>
      <div class="map-grid">
        <span class="axis axis-y" aria-hidden="true">
          Power →
        </span>
        {quadrants.map((q) => {
          const key = `${q.power}-${q.urgency}`;
          const titles = QUADRANT_TITLES[key];
          return (
            <section key={key} class={`quadrant q-${key}`} aria-label={titles?.title}>
              <h3>
                {titles?.title} <span class="muted">· {titles?.classes}</span>
              </h3>
              {q.points.length ? (
                <ul class="bubbles">
                  {q.points.map((p, i) => {
                    const next = target(q, i);
                    return (
                      <MapBubble
                        key={p.person.id}
                        point={p}
                        href={`?${queryFromState(next)}`}
                        onOpen={(e) => {
                          if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
                          e.preventDefault();
                          onNavigate(next);
                        }}
                      />
                    );
                  })}
                </ul>
              ) : (
                <p class="muted">Nobody here.</p>
              )}
            </section>
          );
        })}
        <span class="axis axis-x" aria-hidden="true">
          Urgency →
        </span>
      </div>
    </section>
  );
}
