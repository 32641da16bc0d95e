// What each history Event says, in words: "Status: proposed → decided", "Dana: Consulted → Accountable".
import { RACI_LABELS, STANCE_LABELS } from '../core/raci';
import type { DecisionEvent, Raci, Stance } from '../core/schemas';

const FIELD_NAMES: Record<string, string> = {
  title: 'what was decided',
  context: 'context',
  rationale: 'why',
  consequences: 'consequences',
  options: 'options',
  tradeoffs: 'trade-offs',
  risks: 'risks',
  tags: 'tags',
  reviewAt: 'review date',
};

/** A record field in words: "why", "trade-offs". */
export const fieldName = (field: string): string => FIELD_NAMES[field] ?? field;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const raci = (v: unknown) => (typeof v === 'string' && v in RACI_LABELS ? RACI_LABELS[v as Raci] : null);
const stance = (v: unknown) =>
  typeof v === 'string' && v in STANCE_LABELS ? STANCE_LABELS[v as Stance] : 'Unknown';

/** One line describing an event; never throws on a detail written by an older or newer version. */
export function describeEvent(e: Pick<DecisionEvent, 'kind' | 'detail'>): string {
  const d = e.detail ?? {};
  switch (e.kind) {
    case 'created':
      return `Logged “${str(d.title)}”`;
    case 'status':
      return `Status: ${str(d.from) || '?'} → ${str(d.to) || '?'}`;
    case 'superseded':
      return `Superseded by “${str(d.title)}”`;
    case 'role': {
      const from = raci(d.from);
      const to = raci(d.to);
      if (!to) return `${str(d.name)} removed${from ? ` (was ${from})` : ''}`;
      return from ? `${str(d.name)}: ${from} → ${to}` : `${str(d.name)} added as ${to}`;
    }
    case 'stance':
      return `${str(d.name)}: ${stance(d.from)} → ${stance(d.to)}`;
    case 'followup':
      if (d.added) return `Follow-up added: “${str(d.title)}”`;
      if (d.removed) return `Follow-up deleted: “${str(d.title)}”`;
      return `Follow-up ${d.done ? 'done' : 'reopened'}: “${str(d.title)}”`;
    case 'anchored':
      if (d.reattached) return `Re-attached to “${str(d.quote)}”`;
      if (d.shared)
        return `Shared to ${str(d.pageTitle) ? `“${str(d.pageTitle)}”` : 'the page'} as a comment`;
      return d.quote ? `Anchored to “${str(d.quote)}”` : 'Anchored to the page';
    case 'edited': {
      const fields = Array.isArray(d.fields) ? d.fields.map((f) => fieldName(String(f))) : [];
      return fields.length ? `Edited ${fields.join(', ')}` : 'Edited';
    }
    default:
      return String(e.kind);
  }
}

/** Who did it: the "me" stakeholder's name, a known stakeholder, or "You" for this browser. */
export function actorName(actor: string, names: Map<string, string>): string {
  if (actor === 'local') return 'You';
  return names.get(actor) ?? 'Someone';
}
