// Styles of the painted layers. Only a tint and an underline, never the text colour, so the page's own
// contrast survives on light and dark themes alike. Every decision has the same look whatever its
// status: the page can read our style sheet and each highlight's priority, so a look per status
// would tell it which of its text was decided (the sidebar and the tooltip show the status).

/** Painted layers, lowest priority first: a focused or flashing highlight paints over the rest. */
export const LAYERS = ['decision', 'focused', 'flash'] as const;
export type Layer = (typeof LAYERS)[number];

const LOOK: Record<Layer, { tint: string; line: string }> = {
  decision: { tint: 'rgb(250 204 21 / 0.35)', line: 'underline solid rgb(202 138 4) 2px' },
  focused: { tint: 'rgb(59 130 246 / 0.38)', line: 'underline solid rgb(59 130 246) 3px' },
  flash: { tint: 'rgb(249 115 22 / 0.6)', line: 'underline solid rgb(234 88 12) 3px' },
};

/** The style sheet text for the highlights registered under `names` (one per layer). */
export function highlightCss(names: Record<Layer, string>): string {
  const rules = LAYERS.map(
    (layer) =>
      `::highlight(${names[layer]}) { background-color: ${LOOK[layer].tint}; text-decoration: ${LOOK[layer].line}; }`,
  );
  // Forced-colours (high contrast) modes drop our tints: use the system's marked / selected pairs.
  const forced = LAYERS.map((layer) => {
    const [background, text] = layer === 'decision' ? ['Mark', 'MarkText'] : ['Highlight', 'HighlightText'];
    return `::highlight(${names[layer]}) { background-color: ${background}; color: ${text}; }`;
  });
  return `${rules.join('\n')}\n@media (forced-colors: active) {\n${forced.join('\n')}\n}\n`;
}

/** A highlight name that says nothing: 16 random lowercase letters (a valid CSS identifier). */
export function randomHighlightName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return String.fromCharCode(...[...bytes].map((b) => 97 + (b % 26)));
}

/** The registered name of each layer: `prefix-<layer>` when a prefix is given, else random ones. */
export function layerNames(prefix?: string): Record<Layer, string> {
  return Object.fromEntries(
    LAYERS.map((layer) => [layer, prefix === undefined ? randomHighlightName() : `${prefix}-${layer}`]),
  ) as Record<Layer, string>;
}
