// Decisions as W3C Web Annotations (https://www.w3.org/TR/annotation-model/): one annotation per
// place a decision was logged, targeting the quote with TextQuote and TextPosition selectors, in
// an AnnotationCollection that Hypothesis-style tools can read.
import { newId } from '../ids';
import { RACI_LABELS } from '../raci';
import type { Anchor } from '../schemas';
import { type DecisionBundle, namesWith } from './bundle';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface TextualBody {
  type: 'TextualBody';
  purpose: 'commenting' | 'tagging' | 'describing';
  value: string;
  format: 'text/plain';
}

export type AnnotationSelector =
  | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
  | { type: 'TextPositionSelector'; start: number; end: number };

export interface WebAnnotation {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'commenting';
  created: string;
  modified: string;
  generator: { type: 'Software'; name: string };
  body: TextualBody[];
  target: { source: string; selector?: AnnotationSelector[] };
}

export interface AnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

const later = (a: string, b: string) => (a > b ? a : b);

/** The text of the decision's main body: what, status, why, and who is accountable. */
function summary(b: DecisionBundle): string {
  const d = b.decision;
  const lines = [`Decision: ${d.title}`, `Status: ${d.status}`];
  if (d.rationale.trim()) lines.push(`Why: ${d.rationale.trim()}`);
  const accountable = namesWith(b, 'A');
  if (accountable.length) lines.push(`${RACI_LABELS.A}: ${accountable.join(', ')}`);
  return lines.join('\n');
}

function annotation(b: DecisionBundle, a: Anchor): WebAnnotation {
  const selector: AnnotationSelector[] | undefined = a.selectors
    ? [
        { type: 'TextQuoteSelector', ...a.selectors.quote },
        { type: 'TextPositionSelector', ...a.selectors.position },
      ]
    : undefined;
  return {
    // Repeated on each item so an annotation copied out of the collection still stands alone.
    '@context': ANNO_CONTEXT,
    // Anchor ids are UUIDs and unique per place, so the annotation keeps its id across exports.
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    // "commenting": the body says something about the target text; tags ride as "tagging" bodies.
    motivation: 'commenting',
    created: a.createdAt,
    modified: later(a.updatedAt, b.decision.updatedAt),
    generator: { type: 'Software', name: 'Decidedly' },
    body: [
      { type: 'TextualBody', purpose: 'commenting', value: summary(b), format: 'text/plain' },
      ...b.decision.tags.map(
        (t): TextualBody => ({ type: 'TextualBody', purpose: 'tagging', value: t, format: 'text/plain' }),
      ),
    ],
    target: selector ? { source: a.url, selector } : { source: a.url },
  };
}

/** All anchored decisions as one collection; decisions logged by hand (no page) have no target and are left out. */
export function toWebAnnotations(
  bundles: readonly DecisionBundle[],
  options: { id?: string; label?: string } = {},
): AnnotationCollection {
  const items = bundles.flatMap((b) => b.anchors.filter((a) => !a.deleted).map((a) => annotation(b, a)));
  return {
    '@context': ANNO_CONTEXT,
    id: options.id ?? `urn:uuid:${newId()}`,
    type: 'AnnotationCollection',
    label: options.label ?? 'Decisions exported from Decidedly',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
