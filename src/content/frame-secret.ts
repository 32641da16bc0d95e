// The content script's half of the frame handshake (DESIGN §6): when the sidebar or tooltip
// frame we made asks, fetch a fresh secret from the background and post it to that frame's
// window with the extension's origin as the target, so no page script can receive it.
import { api } from '../messaging/browser-api';
import { SECRET_ANSWER, SECRET_REQUEST } from '../messaging/frame-handshake';
import { sendToBackground } from '../messaging/index';

export function handOverSecret(frame: HTMLIFrameElement, kind: 'sidebar' | 'tooltip', signal?: AbortSignal) {
  const origin = new URL(api.runtime.getURL('')).origin;
  const onMessage = (event: MessageEvent) => {
    if (event.source !== frame.contentWindow) return;
    if ((event.data as { type?: unknown } | null)?.type !== SECRET_REQUEST) return;
    void sendToBackground('frame:secret', { kind }).then(
      ({ secret }) => frame.contentWindow?.postMessage({ type: SECRET_ANSWER, secret }, origin),
      () => {},
    );
  };
  window.addEventListener('message', onMessage, signal ? { signal } : undefined);
}
