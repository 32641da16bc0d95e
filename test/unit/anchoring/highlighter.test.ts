// @vitest-environment happy-dom
// The painter registers ranges with CSS.highlights and never touches the page DOM. happy-dom has no
// Highlight API, so one test runs without it and the rest against a minimal stand-in of the registry.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createHighlighter, type Highlighter } from '../../../src/anchoring/index';
import { loadFixture, rangeOfText } from './helpers';

class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}
const win = window as unknown as Window & { Highlight?: typeof FakeHighlight };

/** Installs `CSS.highlights` (happy-dom builds a fresh CSS object on every read, so shadow it). */
function installRegistry(registry: Map<string, FakeHighlight>): () => void {
  const own = Object.getOwnPropertyDescriptor(window, 'CSS');
  const css = Object.assign(Object.create(window.CSS), { highlights: registry });
  Object.defineProperty(window, 'CSS', { configurable: true, value: css });
  win.Highlight = FakeHighlight;
  return () => {
    if (own) Object.defineProperty(window, 'CSS', own);
    else Reflect.deleteProperty(window, 'CSS');
    delete win.Highlight;
  };
}

function rect(left: number, top: number, width: number, height: number): DOMRect {
  return { left, top, width, height, right: left + width, bottom: top + height, x: left, y: top } as DOMRect;
}

/** Gives a range fixed client rects (happy-dom does no layout). */
function placed(range: Range, ...rects: DOMRect[]): Range {
  const box = rect(
    Math.min(...rects.map((r) => r.left)),
    Math.min(...rects.map((r) => r.top)),
    Math.max(...rects.map((r) => r.right)) - Math.min(...rects.map((r) => r.left)),
    Math.max(...rects.map((r) => r.bottom)) - Math.min(...rects.map((r) => r.top)),
  );
  range.getClientRects = () => rects as unknown as DOMRectList;
  range.getBoundingClientRect = () => box;
  return range;
}

test('without the Highlight API nothing is painted, nothing throws and the page is untouched', () => {
  const root = loadFixture('jira-issue');
  const before = document.documentElement.outerHTML;
  const highlighter = createHighlighter(document);
  expect(highlighter.painting).toBe(false);
  const range = rangeOfText(root, 'Sounds good to me.');
  highlighter.set('d1', range);
  highlighter.focus('d1');
  highlighter.flash('d1');
  expect(highlighter.scrollIntoView('d1')).toBe(true);
  expect(highlighter.scrollIntoView('missing')).toBe(false);
  highlighter.remove('d1');
  highlighter.destroy();
  expect(document.documentElement.outerHTML).toBe(before);
});

describe('with the Highlight API', () => {
  let highlighter: Highlighter;
  let root: HTMLElement;
  let uninstall: () => void;
  const registry = new Map<string, FakeHighlight>();
  const painted = (layer: string): FakeHighlight => registry.get(`decidedly-${layer}`)!;

  beforeEach(() => {
    registry.clear();
    uninstall = installRegistry(registry);
    root = loadFixture('jira-issue');
    highlighter = createHighlighter(document, { name: 'decidedly' });
  });
  afterEach(() => {
    highlighter.destroy();
    uninstall();
    vi.useRealTimers();
  });

  test('paints every decision alike, focus over it, and never edits the DOM', () => {
    const before = document.body.outerHTML;
    const open = rangeOfText(root, 'Sounds good to me.');
    const decided = rangeOfText(root, 'Finance is fine');
    highlighter.set('open-1', open);
    highlighter.set('decided-1', decided);
    expect(highlighter.painting).toBe(true);
    expect([...painted('decision')]).toEqual([open, decided]);
    expect(painted('focused').priority).toBeGreaterThan(painted('decision').priority);

    highlighter.focus('decided-1');
    expect([...painted('decision')]).toEqual([open]);
    expect([...painted('focused')]).toEqual([decided]);
    highlighter.focus('open-1');
    expect([...painted('decision')]).toEqual([decided]);
    expect([...painted('focused')]).toEqual([open]);
    highlighter.focus(null);
    expect(new Set(painted('decision'))).toEqual(new Set([open, decided]));

    // Re-anchoring a focused decision (a new Range after a re-render) keeps it focused.
    highlighter.focus('decided-1');
    const reanchored = rangeOfText(root, 'Finance is fine');
    highlighter.set('decided-1', reanchored);
    expect([...painted('focused')]).toEqual([reanchored]);
    highlighter.focus(null);

    highlighter.remove('decided-1');
    expect([...painted('decision')]).toEqual([open]);
    highlighter.clear();
    expect(painted('decision').size).toBe(0);
    expect(document.body.outerHTML).toBe(before);
  });

  test('without a name, registers random names that say nothing, new for each highlighter', () => {
    const names = () => [...registry.keys()].filter((n) => !n.startsWith('decidedly-'));
    const first = createHighlighter(document);
    const mine = names();
    expect(mine).toHaveLength(3);
    for (const name of mine) {
      expect(name).toMatch(/^[a-z]{16}$/);
      expect(name).not.toMatch(/decid|open|focus|flash|status/);
    }
    first.destroy();
    expect(names()).toEqual([]);
    const second = createHighlighter(document);
    expect(names().some((n) => mine.includes(n))).toBe(false);
    second.destroy();
  });

  test('adopts one style sheet and gives everything back on destroy', () => {
    const sheets = document.adoptedStyleSheets.length;
    const second = createHighlighter(document, { name: 'other' });
    expect(document.adoptedStyleSheets.length).toBe(sheets + 1);
    expect(registry.has('other-decision')).toBe(true);
    second.destroy();
    expect(document.adoptedStyleSheets.length).toBe(sheets);
    expect(registry.has('other-decision')).toBe(false);
    expect(registry.has('decidedly-decision')).toBe(true);
  });

  test('flash emphasises a highlight for a while, then lets it go', () => {
    vi.useFakeTimers();
    const range = rangeOfText(root, 'Sounds good to me.');
    highlighter.set('d1', range);
    highlighter.flash('d1');
    expect(painted('flash').has(range)).toBe(true);
    vi.advanceTimersByTime(2000);
    expect(painted('flash').has(range)).toBe(false);
    expect(painted('decision').has(range)).toBe(true);
  });

  test('hit-testing finds the highlight under the pointer: focused first, then the smallest', () => {
    const wide = placed(rangeOfText(root, 'Agreed. Decision'), rect(0, 100, 600, 20), rect(0, 120, 300, 20));
    const narrow = placed(rangeOfText(root, 'Option A', 1), rect(200, 100, 80, 20));
    highlighter.set('wide', wide);
    highlighter.set('narrow', narrow);
    expect(highlighter.hitTest(250, 110)).toBe('narrow');
    expect(highlighter.hitTest(50, 130)).toBe('wide');
    // Inside the bounding box but in no line box: the empty end of the second line.
    expect(highlighter.hitTest(500, 130)).toBeNull();
    expect(highlighter.hitTest(50, 300)).toBeNull();
    highlighter.focus('wide');
    expect(highlighter.hitTest(250, 110)).toBe('wide');
    highlighter.remove('wide');
    expect(highlighter.hitTest(50, 130)).toBeNull();
  });
});
