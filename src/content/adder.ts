// The "Log decision" button that appears next to a selection, in a closed shadow root of ours so
// the page can neither reach nor click it (a click it synthesises is not trusted, so it logs
// nothing). It sits above the selection's first line (below its last when there is no room), so
// it covers neither the selected words nor the ones after them; it follows the selection when the
// page or a scrolling box scrolls; and it comes right after the selection in the tab order.
// Alt+Shift+D does the same from the keyboard.
const ADDER_CSS = `
:host { all: initial !important; position: fixed !important; z-index: 2147483647 !important;
  display: none !important; }
button { display: block; font: 600 13px/1 system-ui, sans-serif; white-space: nowrap;
  padding: 7px 10px; border-radius: 6px; border: 1px solid #3730a3; background: #4f46e5; color: #fff;
  box-shadow: 0 2px 8px rgba(0,0,0,.25); cursor: pointer; }
button:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
`;

const GAP = 6;
const MARGIN = 4;

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Where the button goes for a selection whose line boxes are `lines` (in viewport coordinates),
 * or null when the selection is out of view. Above the first line, left-aligned with it; below
 * the last line when the first is at the top edge; never outside the viewport.
 */
export function adderPosition(
  lines: readonly Box[],
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): { left: number; top: number } | null {
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (!first || !last) return null;
  if (last.bottom < 0 || first.top > viewport.height) return null;
  const fitsAbove = first.top - GAP - size.height >= MARGIN;
  const line = fitsAbove ? first : last;
  const top = fitsAbove ? first.top - GAP - size.height : last.bottom + GAP;
  const left = Math.min(Math.max(MARGIN, line.left), viewport.width - size.width - MARGIN);
  return { left, top: Math.min(top, viewport.height - size.height - MARGIN) };
}

/** The line boxes of a range, empty ones (line ends, collapsed nodes) left out. */
function lineBoxes(range: Range): Box[] {
  const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
  return rects.length ? rects : [range.getBoundingClientRect()];
}

// Containers where an inline element of ours would be misplaced or rejected by the page.
const NO_CHILD = /^(HTML|HEAD|TABLE|THEAD|TBODY|TFOOT|TR|SELECT|OPTGROUP|UL|OL|DL|svg)$/i;
// Inside these a press on our button would also press theirs (follow the link, submit the form).
const INTERACTIVE = 'a,button,label,summary,select,textarea,[role="button"],[role="link"]';

/**
 * The node after which the button's host joins the page, so Tab from the selection reaches it
 * next; null keeps it at the end of the document (editable text: editors treat foreign nodes in
 * their content as edits).
 */
function tabPlace(range: Range): { parent: Node; before: Node | null } | null {
  const end = range.endContainer;
  let parent = end.nodeType === Node.TEXT_NODE ? end.parentNode : end;
  if (!(parent instanceof Element)) return null;
  if ((parent as HTMLElement).isContentEditable || parent.closest('[data-decidedly-ui]')) return null;
  let before = end.nodeType === Node.TEXT_NODE ? end.nextSibling : (end.childNodes[range.endOffset] ?? null);
  const control = parent.closest(INTERACTIVE);
  if (control) {
    parent = control.parentNode;
    before = control.nextSibling;
  }
  if (!(parent instanceof Element) || NO_CHILD.test(parent.nodeName)) return null;
  return { parent, before };
}

export function createAdder(signal: AbortSignal, onLog: () => void): void {
  const host = document.createElement('decidedly-adder');
  host.setAttribute('data-decidedly-ui', '');
  const shadow = host.attachShadow({ mode: 'closed' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(ADDER_CSS);
  // Where and whether it shows lives in a sheet of ours too, not in a style attribute.
  const place = new CSSStyleSheet();
  shadow.adoptedStyleSheets = [sheet, place];
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Log decision';
  button.title = 'Log decision (Alt+Shift+D)';
  shadow.append(button);
  const park = () => {
    if (host.parentNode !== document.documentElement || host.nextSibling)
      document.documentElement.append(host);
  };
  park();
  signal.addEventListener('abort', () => host.remove());

  let current: Range | null = null;
  const hide = () => {
    current = null;
    place.replaceSync('');
    // Back out of the page's content: an element of ours there can change :last-child and the like.
    if (!host.matches(':focus-within')) park();
  };

  function reposition() {
    if (!current) return;
    // Shown first so the button has a size to place; the same frame paints only the final spot.
    // !important throughout: `all: initial !important` resets left/top too.
    place.replaceSync(
      ':host { display: block !important; left: 0 !important; top: 0 !important; visibility: hidden !important; }',
    );
    const size = button.getBoundingClientRect();
    const at = adderPosition(lineBoxes(current), size, {
      width: document.documentElement.clientWidth || window.innerWidth,
      height: window.innerHeight,
    });
    if (!at) {
      place.replaceSync('');
      return;
    }
    // A transformed ancestor makes `fixed` relative to itself: correct by where it really landed.
    const origin = host.getBoundingClientRect();
    const left = at.left - origin.left;
    const top = at.top - origin.top;
    place.replaceSync(
      `:host { display: block !important; left: ${left}px !important; top: ${top}px !important; }`,
    );
  }

  function show(range: Range) {
    current = range;
    const spot = tabPlace(range);
    if (spot && (host.parentNode !== spot.parent || host.nextSibling !== spot.before)) {
      try {
        spot.parent.insertBefore(host, spot.before);
      } catch {
        park();
      }
    } else if (!spot) park();
    reposition();
  }

  // pointerdown would collapse the page's selection before click: keep it until we used it.
  button.addEventListener('pointerdown', (e) => e.isTrusted && e.preventDefault(), { signal });
  // Inside the page's content our presses must not reach its handlers ("click a comment to edit").
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'])
    button.addEventListener(type, (e) => e.stopPropagation(), { signal });
  button.addEventListener(
    'click',
    (e) => {
      // Only a person's click (or Enter/Space on the focused button) logs; never a script's.
      if (!e.isTrusted) return;
      onLog();
      hide();
      park();
    },
    { signal },
  );

  let timer: ReturnType<typeof setTimeout> | undefined;
  document.addEventListener(
    'selectionchange',
    (e) => {
      if (!e.isTrusted) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const selection = window.getSelection();
        const text = selection?.toString().trim() ?? '';
        if (!selection || selection.isCollapsed || !text || !selection.rangeCount) return hide();
        const range = selection.getRangeAt(0);
        if (host.contains(range.commonAncestorContainer)) return;
        show(range.cloneRange());
      }, 120);
    },
    { signal },
  );

  // Scrolling the page or any box inside it moves the selection: the button moves with it.
  let frame = 0;
  const follow = () => {
    if (!current || frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      reposition();
    });
  };
  document.addEventListener('scroll', follow, { capture: true, passive: true, signal });
  window.addEventListener('resize', follow, { passive: true, signal });
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    cancelAnimationFrame(frame);
  });
  document.addEventListener('keydown', (e) => e.isTrusted && e.key === 'Escape' && hide(), { signal });
}
