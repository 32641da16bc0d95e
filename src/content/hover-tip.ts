// The hover tip over a highlight: a small extension-origin iframe that shows the decision's
// title. The title is workspace data, so it never enters the page's DOM; the page only sees a
// host element with a closed shadow root, and cannot reach the iframe or its address inside.
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
    frame.style.cssText =
      'position:fixed;z-index:2147483647;border:0;width:280px;height:44px;pointer-events:none;display:none;border-radius:6px;box-shadow:0 2px 10px rgba(0,0,0,.25);color-scheme:light dark;';
    handOverSecret(frame, 'tooltip', signal);
    shadow.append(frame);
    document.documentElement.append(host);
    return frame;
  }

  return {
    show(decisionId, at) {
      if (decisionId === shown) {
        if (decisionId && frame) place(frame, at);
        return;
      }
      shown = decisionId;
      if (!decisionId) {
        if (frame) frame.style.display = 'none';
        return;
      }
      const f = ensure();
      f.src = `${api.runtime.getURL('src/tooltip/index.html')}#${decisionId}`;
      place(f, at);
      f.style.display = 'block';
    },
  };
}

function place(frame: HTMLIFrameElement, at: { x: number; y: number }) {
  const x = Math.min(at.x + 12, window.innerWidth - 290);
  const y = at.y + 18 + 44 > window.innerHeight ? at.y - 52 : at.y + 18;
  frame.style.left = `${Math.max(4, x)}px`;
  frame.style.top = `${Math.max(4, y)}px`;
}
