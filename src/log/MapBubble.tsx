// One stakeholder on the map: a circle sized by their open decisions, solid when their claim is
// legitimate and dashed when not, linking to the decisions that still wait on their view.
import type { MapPoint } from '../core/log';
import { plural } from '../core/plural';

export interface MapBubbleProps {
  point: MapPoint;
  href: string;
  onOpen: (event: MouseEvent) => void;
}

const MIN = 28;
const MAX = 76;

export function MapBubble({ point, href, onOpen }: MapBubbleProps) {
  const { person, open, unheard, salience, placed, suggested } = point;
  const size = Math.round(MIN + (MAX - MIN) * point.weight);
  const waiting = unheard.length
    ? `${unheard.length} waiting on their view`
    : 'no decision waiting on their view';
  const claim = suggested
    ? ` (suggested from their roles: ${suggested})`
    : person.legitimacy
      ? ''
      : ' (no legitimate claim)';
  const label = `${person.name}, ${salience}${claim}: ${plural(open, 'open decision')}, ${waiting}`;
  return (
    <li class="bubble-item">
      <a href={href} class="bubble-link" title={label} onClick={onOpen}>
        <span class="sr-only">{label}</span>
        <span
          class={`bubble ${placed.legitimacy ? 'legit' : 'not-legit'}${suggested ? ' unassessed' : ''}`}
          style={{ width: `${size}px`, height: `${size}px` }}
          aria-hidden="true"
        >
          {open}
        </span>
        <span class="bubble-name" aria-hidden="true">
          {person.name}
          {unheard.length > 0 && <span class="gap"> · {unheard.length} unheard</span>}
        </span>
      </a>
    </li>
  );
}
