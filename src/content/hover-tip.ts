// The hover tip over a highlight: a small extension-origin iframe that shows the decision's
// title. The title is workspace data, so it never enters the page's DOM; the page only sees a
// host element with a closed shadow root, and cannot reach the iframe or its address inside. The
// frame is a fixed, transparent box roomy enough for the longest title (its size tells the page
// nothing); the tip inside is as big as its text.
import { api } from '../messaging/browser-api';
import { handOverSecret } from './frame-secret';

export interface HoverTip {
  show(decisionId: string | null, at: { x: number; y: number }): void;
}

export function createHoverTip(signal: AbortSignal): HoverTip {
  let host: HTMLElement | undefined;
  let frame: HTMLIFrameElement | undefined;
  // No pointer cursor over highlights: any style of ours on the page's elements is readable by
  // the page (getComputedStyle), and would tell it where the decisions are as the person hovers.
  let shown: string | null = null;

  signal.addEventListener('abort', () => host?.remove());

  function ensure() {
    if (host && frame) return frame;
    host = document.createElement('decidedly-tip');
    host.setAttribute('data-decidedly-ui', '');
    const shadow = host.attachShadow({ mode: 'closed' });
    frame = document.createElement('iframe');
    frame.title = 'Decision';
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    // Transparent only while the frame's color-scheme matches its document's (Chromium paints an
    // opaque backdrop otherwise): both say "light dark".
    frame.style.cssText = `position:fixed;z-index:2147483647;border:0;width:${TIP_WIDTH}px;height:${TIP_HEIGHT}px;pointer-events:none;display:none;background:transparent;color-scheme:light dark;`;
    handOverSecret(frame, 'tooltip', signal);
    shadow.append(frame);
    document.documentElement.append(host);
    return frame;
  }

  return {
    show(decisionId, at) {
      if (decisionId === shown) {
        if (decisionId && frame) place(frame, at, decisionId);
        return;
      }
      shown = decisionId;
      if (!decisionId) {
        if (frame) frame.style.display = 'none';
        return;
      }
      const f = ensure();
      place(f, at, decisionId);
      f.style.display = 'block';
    },
  };
}

export const TIP_WIDTH = 320;
/** Room for a 300-character title at the tip's font, wrapped. */
export const TIP_HEIGHT = 168;

/**
 * Where the tip's frame goes for a pointer at `at`: below-right of it, or above it (the tip then
 * sits at the frame's bottom) when there is no room below; always inside the viewport.
 */
export function tipPosition(
  at: { x: number; y: number },
  viewport: { width: number; height: number },
): { left: number; top: number; above: boolean } {
  const left = Math.max(4, Math.min(at.x + 12, viewport.width - TIP_WIDTH - 4));
  const above = at.y + 18 + TIP_HEIGHT > viewport.height && at.y - 8 - TIP_HEIGHT >= 0;
  const top = above ? at.y - 8 - TIP_HEIGHT : Math.max(4, at.y + 18);
  return { left, top, above };
}

function place(frame: HTMLIFrameElement, at: { x: number; y: number }, decisionId: string) {
  const spot = tipPosition(at, { width: window.innerWidth, height: window.innerHeight });
  frame.style.left = `${spot.left}px`;
  frame.style.top = `${spot.top}px`;
  // Only the fragment changes between tips: the frame's document stays loaded.
  const src = `${api.runtime.getURL('src/tooltip/index.html')}#${decisionId}${spot.above ? '/above' : ''}`;
  if (frame.src !== src) frame.src = src;
}
