// Styles of the painted layers. Only a tint and an underline, never the text colour, so the page's own
// contrast survives on light and dark themes alike; the underline style (dashed / solid / thick) tells
// the kinds apart without relying on colour alone.

/** Painted layers, lowest priority first: a focused or flashing highlight paints over its kind. */
export const LAYERS = ['open', 'decided', 'focused', 'flash'] as const;
export type Layer = (typeof LAYERS)[number];

const LOOK: Record<Layer, { tint: string; line: string }> = {
  open: { tint: 'rgb(250 204 21 / 0.35)', line: 'underline dashed rgb(245 158 11) 2px' },
  decided: { tint: 'rgb(34 197 94 / 0.22)', line: 'underline solid rgb(22 163 74) 2px' },
  focused: { tint: 'rgb(59 130 246 / 0.38)', line: 'underline solid rgb(59 130 246) 3px' },
  flash: { tint: 'rgb(249 115 22 / 0.6)', line: 'underline solid rgb(234 88 12) 3px' },
};

/** The style sheet text for highlights registered under `prefix-<layer>`. */
export function highlightCss(prefix: string): string {
  const rules = LAYERS.map(
    (layer) =>
      `::highlight(${prefix}-${layer}) { background-color: ${LOOK[layer].tint}; text-decoration: ${LOOK[layer].line}; }`,
  );
  // Forced-colours (high contrast) modes drop our tints: use the system's marked / selected pairs.
  const forced = LAYERS.map((layer) => {
    const [background, text] =
      layer === 'open' || layer === 'decided' ? ['Mark', 'MarkText'] : ['Highlight', 'HighlightText'];
    return `::highlight(${prefix}-${layer}) { background-color: ${background}; color: ${text}; }`;
  });
  return `${rules.join('\n')}\n@media (forced-colors: active) {\n${forced.join('\n')}\n}\n`;
}
