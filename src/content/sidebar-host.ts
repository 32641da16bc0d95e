// The sidebar's place on the page: a shadow-root host fixed to the right edge holding an
// extension-origin iframe, so page scripts can read none of the workspace's data. Resizable by
// its edge (width remembered); it pushes the page aside when there is room and overlays otherwise.
import { api } from '../messaging/browser-api';
import { handOverSecret } from './frame-secret';
import { pageScheme } from './page-scheme';

const MIN_WIDTH = 300;
const MAX_WIDTH = 720;
const DEFAULT_WIDTH = 380;
/**
 * Below this much room left for the page, the sidebar overlays instead of pushing. Sites reflow
 * down to about a tablet's width, so a 1,024 px window still pushes a 380 px sidebar (900 made
 * every window under 1,280 px overlay the page's right column).
 */
const MIN_PAGE_WIDTH = 560;

export interface SidebarHost {
  readonly isOpen: boolean;
  show(): void;
  hide(): void;
  toggle(open?: boolean): boolean;
  destroy(): void;
}

// The grip sits wholly outside the iframe: anything overlapping the frame, even transparent, makes
// Chromium's IntersectionObserver v2 report every button in it as not visible (click-jacking guard).
const HOST_CSS = `
:host { all: initial; }
section { position: fixed; top: 0; right: 0; height: 100vh; z-index: 2147483646; display: none;
  box-shadow: -2px 0 12px rgba(0,0,0,.18); background: Canvas; color-scheme: light dark; }
section.open { display: block; }
iframe { border: 0; width: 100%; height: 100%; display: block; background: Canvas; }
.grip { position: absolute; left: -8px; top: 0; width: 8px; height: 100%; cursor: ew-resize; background: transparent; }
.grip:hover, .grip:focus-visible { background: rgba(79,70,229,.35); outline: none; }
`;

export function createSidebarHost(onVisibility: (open: boolean) => void): SidebarHost {
  const host = document.createElement('decidedly-sidebar');
  host.setAttribute('data-decidedly-ui', '');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = new CSSStyleSheet();
  style.replaceSync(HOST_CSS);
  shadow.adoptedStyleSheets = [style];
  const region = document.createElement('section');
  region.setAttribute('aria-label', 'Decidedly');
  const grip = document.createElement('div');
  grip.className = 'grip';
  grip.tabIndex = 0;
  grip.setAttribute('role', 'separator');
  grip.setAttribute('aria-orientation', 'vertical');
  grip.setAttribute('aria-label', 'Resize the Decidedly sidebar');
  region.append(grip);
  shadow.append(region);

  // Pushing the page aside: a document-level adopted sheet, so the page's own DOM is untouched.
  const push = new CSSStyleSheet();
  let width = DEFAULT_WIDTH;
  let open = false;
  let frame: HTMLIFrameElement | undefined;
  const lifetime = new AbortController();

  const layout = () => {
    region.style.width = `${width}px`;
    grip.setAttribute('aria-valuenow', String(width));
    const room = window.innerWidth - width >= MIN_PAGE_WIDTH;
    push.replaceSync(open && room ? `html { margin-right: ${width}px !important; }` : '');
  };

  void api.storage.local.get('sidebarWidth').then((got) => {
    const saved = Number(got.sidebarWidth);
    if (saved >= MIN_WIDTH && saved <= MAX_WIDTH) width = saved;
    layout();
  });

  const resizeTo = (w: number) => {
    width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w)));
    layout();
  };
  const save = () => void api.storage.local.set({ sidebarWidth: width });

  grip.addEventListener('pointerdown', (e) => {
    if (!e.isTrusted) return;
    grip.setPointerCapture(e.pointerId);
    if (frame) frame.style.pointerEvents = 'none';
    const move = (m: PointerEvent) => m.isTrusted && resizeTo(window.innerWidth - m.clientX);
    const up = () => {
      grip.removeEventListener('pointermove', move);
      if (frame) frame.style.pointerEvents = '';
      save();
    };
    grip.addEventListener('pointermove', move);
    grip.addEventListener('pointerup', up, { once: true });
  });
  grip.addEventListener('keydown', (e) => {
    if (!e.isTrusted || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
    resizeTo(width + (e.key === 'ArrowLeft' ? 24 : -24));
    save();
    e.preventDefault();
  });
  const onResize = () => layout();
  window.addEventListener('resize', onResize);

  const api_: SidebarHost = {
    get isOpen() {
      return open;
    },
    show() {
      if (!host.isConnected) document.documentElement.append(host);
      if (!document.adoptedStyleSheets.includes(push))
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, push];
      if (!frame) {
        // Created on first open only: pages nobody opens the sidebar on load nothing more.
        frame = document.createElement('iframe');
        frame.title = 'Decidedly sidebar';
        // "Copy" writes the clipboard from the frame (issue 20); the permission reaches our frame only.
        frame.allow = 'clipboard-write';
        // The page's own scheme, for a theme set to "System" (read by ui/apply-theme).
        const scheme = pageScheme(document);
        frame.src = api.runtime.getURL(`src/sidebar/index.html${scheme ? `?scheme=${scheme}` : ''}`);
        if (scheme) region.style.colorScheme = scheme;
        handOverSecret(frame, 'sidebar', lifetime.signal);
        region.append(frame);
      }
      open = true;
      region.classList.add('open');
      layout();
      onVisibility(true);
    },
    hide() {
      open = false;
      region.classList.remove('open');
      layout();
      onVisibility(false);
    },
    toggle(force?: boolean) {
      const next = force ?? !open;
      if (next) api_.show();
      else api_.hide();
      return open;
    },
    destroy() {
      lifetime.abort();
      window.removeEventListener('resize', onResize);
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== push);
      host.remove();
    },
  };
  return api_;
}
