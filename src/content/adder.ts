// The "Log decision" button that appears next to a selection, in a closed shadow root of ours so
// the page can neither find nor click it (and a click it synthesises anyway is not trusted, so it
// logs nothing). It is keyboard reachable: after a keyboard selection, Tab from the page does not
// reach it, so Alt+Shift+D does the same and the button itself is focusable and labelled.
const ADDER_CSS = `
:host { all: initial; }
button { position: fixed; z-index: 2147483647; display: none; font: 600 13px/1 system-ui, sans-serif;
  padding: 7px 10px; border-radius: 6px; border: 1px solid #3730a3; background: #4f46e5; color: #fff;
  box-shadow: 0 2px 8px rgba(0,0,0,.25); cursor: pointer; }
button:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
button.shown { display: block; }
`;

export function createAdder(signal: AbortSignal, onLog: () => void): void {
  const host = document.createElement('decidedly-adder');
  host.setAttribute('data-decidedly-ui', '');
  const shadow = host.attachShadow({ mode: 'closed' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(ADDER_CSS);
  shadow.adoptedStyleSheets = [sheet];
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Log decision';
  button.title = 'Log decision (Alt+Shift+D)';
  shadow.append(button);
  document.documentElement.append(host);
  signal.addEventListener('abort', () => host.remove());

  const hide = () => button.classList.remove('shown');
  // pointerdown would collapse the page's selection before click: keep it until we used it.
  button.addEventListener('pointerdown', (e) => e.isTrusted && e.preventDefault(), { signal });
  button.addEventListener(
    'click',
    (e) => {
      // Only a person's click (or Enter/Space on the focused button) logs; never a script's.
      if (!e.isTrusted) return;
      onLog();
      hide();
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
        const rects = range.getClientRects();
        const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
        button.style.left = `${Math.min(Math.max(4, last.right + 6), window.innerWidth - 130)}px`;
        button.style.top = `${Math.min(Math.max(4, last.bottom + 6), window.innerHeight - 40)}px`;
        button.classList.add('shown');
      }, 120);
    },
    { signal },
  );
  signal.addEventListener('abort', () => clearTimeout(timer));
  document.addEventListener('keydown', (e) => e.isTrusted && e.key === 'Escape' && hide(), { signal });
}
