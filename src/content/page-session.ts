// One page session: from load (or an SPA navigation) until the next navigation. It fetches the
// page's anchors from the background, anchors and paints them, re-anchors when the page
// re-renders, and hit-tests the pointer. Every listener, observer and timer is tied to `signal`.
import type { Highlighter } from '../anchoring/index';
import type { Selectors } from '../core/schemas';
import { sendToBackground } from '../messaging/index';
import type { AnchorPaint, PageInfo } from '../messaging/maps';
import { siteFor } from '../sites/index';
import { watchTitle } from '../sites/navigation';
import { loadAnchoring } from './anchoring-loader';
import type { HoverTip } from './hover-tip';
import { loadHoverTip } from './sidebar-loader';

const REANCHOR_DEBOUNCE_MS = 250;

export interface PageSession {
  info: PageInfo;
  refresh(): Promise<void>;
  focus(decisionId: string): boolean;
  /** The current selection as selectors, relative to the site's root, or null. */
  selectionSelectors(): Promise<Selectors | null>;
}

export async function startPageSession(
  signal: AbortSignal,
  onHighlightClick: (decisionId: string) => void,
): Promise<PageSession> {
  const site = siteFor(location.href);
  const root = () => site.root(document);
  const title = site.title(document);
  const info = await sendToBackground('session:start', { title, url: location.href });
  watchTitle(
    () => site.title(document),
    title,
    (title) => void sendToBackground('page:title', { title, url: location.href }).catch(() => {}),
    signal,
  );
  // Made with the anchoring module, on the first paint: a page without decisions loads neither.
  let highlighter: Highlighter | null = null;
  signal.addEventListener('abort', () => highlighter?.destroy());
  // Also on the first paint, like the highlighter.
  let tip: HoverTip | null = null;

  let anchors: AnchorPaint[] = [];
  const painted = new Map<string, Range>();
  // null until the first report: a reloaded page must report even "nothing missing".
  let lastMissing: string | null = null;
  const decisionOf = (anchorId: string) => anchors.find((a) => a.anchorId === anchorId)?.decisionId ?? null;

  // Paints overlap (a re-render during a refresh): only the latest one's results are applied.
  let generation = 0;
  async function paint(list: AnchorPaint[]) {
    const mine = ++generation;
    const textual = list.filter((a) => a.selectors);
    if (!info.canHighlight || !textual.length) return report(textual.map((a) => a.anchorId));
    const { anchorAll, createHighlighter } = await loadAnchoring();
    if (signal.aborted || mine !== generation) return;
    highlighter ??= createHighlighter(document);
    tip ??= (await loadHoverTip()).createHoverTip(signal);
    if (signal.aborted || mine !== generation) return;
    const results = await anchorAll(
      root(),
      textual.map((a) => a.selectors as NonNullable<AnchorPaint['selectors']>),
    );
    if (signal.aborted || mine !== generation) return;
    const missing: string[] = [];
    textual.forEach((a, i) => {
      const result = results[i];
      if (!result) {
        missing.push(a.anchorId);
        highlighter?.remove(a.anchorId);
        painted.delete(a.anchorId);
        return;
      }
      painted.set(a.anchorId, result.range);
      highlighter?.set(a.anchorId, result.range);
    });
    await report(missing);
  }

  async function report(missing: string[]) {
    const key = missing.sort().join();
    if (key === lastMissing) return;
    lastMissing = key;
    const found = anchors.map((a) => a.anchorId).filter((id) => !missing.includes(id));
    await sendToBackground('anchors:status', { missing, found });
  }

  async function refresh() {
    const next = await sendToBackground('session:start', { title: site.title(document), url: location.href });
    anchors = next.anchors;
    const keep = new Set(anchors.map((a) => a.anchorId));
    for (const id of painted.keys()) if (!keep.has(id)) highlighter?.remove(id);
    painted.clear();
    highlighter?.clear();
    await paint(anchors);
  }

  // Editors re-render and pages load late: re-anchor what was detached or never found.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const stale = anchors.filter((a) => {
        const range = painted.get(a.anchorId);
        return !range?.startContainer.isConnected || !range.endContainer.isConnected || range.collapsed;
      });
      if (stale.length) void paint(anchors);
    }, REANCHOR_DEBOUNCE_MS);
  });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });

  // Observe before the first paint: an edit made while it reports must still be seen.
  if (info.canHighlight)
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  anchors = info.anchors;
  if (anchors.length) await paint(anchors);

  // Hover and click are hit-tested from the pointer: the page's DOM carries no marks of ours.
  let frameRequested = false;
  let lastPointer = { x: 0, y: 0 };
  const hover = () => {
    if (frameRequested || !painted.size) return;
    frameRequested = true;
    requestAnimationFrame(() => {
      frameRequested = false;
      const hit = highlighter?.hitTest(lastPointer.x, lastPointer.y) ?? null;
      tip?.show(hit ? decisionOf(hit) : null, lastPointer);
    });
  };
  document.addEventListener(
    'pointermove',
    (e) => {
      // A page's synthetic events never show or open anything of ours.
      if (!e.isTrusted) return;
      lastPointer = { x: e.clientX, y: e.clientY };
      hover();
    },
    { passive: true, signal },
  );
  // Scrolling moves the text, not the pointer: what is under the pointer (if anything) changed.
  document.addEventListener('scroll', hover, { capture: true, passive: true, signal });
  document.addEventListener(
    'click',
    (e) => {
      if (!e.isTrusted || !painted.size || (window.getSelection()?.toString().trim() ?? '')) return;
      const hit = highlighter?.hitTest(e.clientX, e.clientY) ?? null;
      const decisionId = hit ? decisionOf(hit) : null;
      if (decisionId) onHighlightClick(decisionId);
    },
    { capture: true, signal },
  );

  return {
    info,
    refresh,
    focus(decisionId) {
      const anchor = anchors.find((a) => a.decisionId === decisionId && painted.has(a.anchorId));
      if (!anchor || !highlighter) return false;
      highlighter.focus(anchor.anchorId);
      highlighter.scrollIntoView(anchor.anchorId);
      highlighter.flash(anchor.anchorId);
      return true;
    },
    async selectionSelectors() {
      const selection = window.getSelection();
      if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
      const range = selection.getRangeAt(0).cloneRange();
      const base = root();
      if (!base.contains(range.commonAncestorContainer)) return null;
      const { describeRange } = await loadAnchoring();
      const selectors = describeRange(base, range);
      return selectors.quote.exact.trim() ? selectors : null;
    },
  };
}
