// Paints decisions' ranges with the CSS Custom Highlight API: the page's DOM is never touched, so
// editors that re-render or strip foreign nodes (Notion, Jira) keep working. Styles live in an adopted
// constructable sheet. Without the API (older Firefox, happy-dom) nothing is painted, but ranges are
// still tracked, so hit-testing and scrolling keep working.
import { highlightCss, LAYERS, type Layer, layerNames } from './highlight-styles';

export type HighlighterOptions = {
  /**
   * Prefix of the registered highlight names (`<name>-<layer>`). Without one, every layer gets a
   * random name, new for each highlighter: the page can list `CSS.highlights`, and a name like
   * "decidedly-decided" would tell it which of its text is a decision and in which state.
   */
  name?: string;
  /** How long `flash` emphasises a highlight, in ms (default 1200). */
  flashMs?: number;
};

export type Highlighter = {
  /** False where the CSS Custom Highlight API (or adopted style sheets) is missing: nothing is painted. */
  readonly painting: boolean;
  /** Paints, or repaints, decision `id` over `range` (one Range object per id). */
  set(id: string, range: Range): void;
  /** Removes the highlight of `id`, if any. */
  remove(id: string): void;
  /** Removes every highlight. */
  clear(): void;
  /** Shows `id` as focused (the sidebar's current decision) and unfocuses the previous one; null unfocuses. */
  focus(id: string | null): void;
  /** Briefly emphasises `id`, e.g. right after scrolling to it. */
  flash(id: string): void;
  /** The id painted under viewport point (x, y), e.g. a pointer event's clientX/clientY; focused wins, then the smallest. */
  hitTest(x: number, y: number): string | null;
  /** Scrolls `id`'s text to the middle of the viewport; false when `id` has no highlight. */
  scrollIntoView(id: string): boolean;
  /** Removes every highlight, the registered names and the style sheet; the highlighter is unusable after. */
  destroy(): void;
};

type HighlightApi = { registry: HighlightRegistry; make: () => Highlight };
type PaintingWindow = Window & {
  CSS?: { highlights?: HighlightRegistry };
  Highlight?: typeof Highlight;
  CSSStyleSheet?: typeof CSSStyleSheet;
};

/** The registry, or null when painting is impossible; on success `doc` has adopted a sheet styled for `names`. */
function startPainting(
  doc: Document,
  names: Record<Layer, string>,
): (HighlightApi & { sheet: CSSStyleSheet }) | null {
  const view = doc.defaultView as PaintingWindow | null;
  const registry = view?.CSS?.highlights;
  const HighlightClass = view?.Highlight;
  const SheetClass = view?.CSSStyleSheet;
  if (!registry || typeof HighlightClass !== 'function' || typeof SheetClass !== 'function') return null;
  try {
    const sheet = new SheetClass();
    sheet.replaceSync(highlightCss(names));
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return { registry, make: () => new HighlightClass(), sheet };
  } catch {
    // No constructable or adoptable sheets here: registered highlights would be invisible, so paint nothing.
    return null;
  }
}

/** A highlighter for `doc`. Call `destroy()` when the page session ends. */
export function createHighlighter(doc: Document, options: HighlighterOptions = {}): Highlighter {
  const names = layerNames(options.name);
  const flashMs = options.flashMs ?? 1200;
  const view = doc.defaultView;
  const entries = new Map<string, { range: Range }>();
  const flashTimers = new Map<string, ReturnType<typeof setTimeout>>();
  let focused: string | null = null;

  const api = startPainting(doc, names);
  const layers = new Map<Layer, Highlight>();
  if (api) {
    LAYERS.forEach((layer, priority) => {
      const highlight = api.make();
      highlight.priority = priority;
      layers.set(layer, highlight);
      api.registry.set(names[layer], highlight);
    });
  }

  const unpaint = (range: Range): void => {
    for (const [layer, highlight] of layers) if (layer !== 'flash') highlight.delete(range);
  };
  const paint = (id: string): void => {
    const entry = entries.get(id);
    if (!entry) return;
    unpaint(entry.range);
    layers.get(id === focused ? 'focused' : 'decision')?.add(entry.range);
  };
  const stopFlash = (id: string): void => {
    clearTimeout(flashTimers.get(id));
    flashTimers.delete(id);
    const range = entries.get(id)?.range;
    if (range) layers.get('flash')?.delete(range);
  };

  const highlighter: Highlighter = {
    painting: layers.size > 0,
    set(id, range) {
      const previous = entries.get(id);
      // A re-anchored decision keeps its focus; only the old range stops being painted.
      if (previous && previous.range !== range) {
        stopFlash(id);
        unpaint(previous.range);
      }
      entries.set(id, { range });
      paint(id);
    },
    remove(id) {
      const entry = entries.get(id);
      if (!entry) return;
      stopFlash(id);
      unpaint(entry.range);
      entries.delete(id);
      if (focused === id) focused = null;
    },
    clear() {
      for (const id of [...entries.keys()]) highlighter.remove(id);
    },
    focus(id) {
      const previous = focused;
      focused = id !== null && entries.has(id) ? id : null;
      if (previous !== null) paint(previous);
      if (focused !== null) paint(focused);
    },
    flash(id) {
      const range = entries.get(id)?.range;
      if (!range) return;
      stopFlash(id);
      layers.get('flash')?.add(range);
      flashTimers.set(
        id,
        setTimeout(() => stopFlash(id), flashMs),
      );
    },
    hitTest(x, y) {
      let best: { id: string; area: number } | null = null;
      for (const [id, { range }] of entries) {
        const area = hitArea(range, x, y);
        if (area === null) continue;
        if (id === focused) return id;
        if (best === null || area < best.area) best = { id, area };
      }
      return best?.id ?? null;
    },
    scrollIntoView(id) {
      const range = entries.get(id)?.range;
      const start = range && elementOf(range.startContainer);
      if (!range || !start || !view) return false;
      start.scrollIntoView({ block: 'center', inline: 'nearest' });
      // A tall paragraph centred can still leave the quote off screen: centre the text itself.
      const rect = range.getBoundingClientRect();
      if (rect.top < 0 || rect.bottom > view.innerHeight) {
        view.scrollBy(0, rect.top + Math.min(rect.height, view.innerHeight) / 2 - view.innerHeight / 2);
      }
      return true;
    },
    destroy() {
      highlighter.clear();
      for (const layer of layers.keys()) api?.registry.delete(names[layer]);
      layers.clear();
      if (api) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((sheet) => sheet !== api.sheet);
    },
  };
  return highlighter;
}

function elementOf(node: Node): Element | null {
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

/** Area of the bounding box when (x, y) falls in one of the range's client rects, else null. */
function hitArea(range: Range, x: number, y: number): number | null {
  if (range.collapsed || !range.startContainer.isConnected) return null;
  const box = range.getBoundingClientRect();
  if (x < box.left || x > box.right || y < box.top || y > box.bottom) return null;
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return box.width * box.height;
  }
  return null;
}
