// The one module that touches the WebExtension API, so tests fake one object (vi.mock this file).
//
// Chromium (MV3) and Firefox both answer with promises natively, so the extension uses the
// browser's own object, typed by webextension-polyfill's types. The polyfill itself is not
// loaded: its one remaining job, promise replies from onMessage listeners (Chromium still wants
// sendResponse), is addMessageListener below, and it cost 3 KB gzip of the content script's
// 12 KB budget.
import type Browser from 'webextension-polyfill';

type Globals = { browser?: Browser.Browser; chrome?: Browser.Browser };

const globals = globalThis as unknown as Globals;
export const api: Browser.Browser = (globals.browser ?? globals.chrome) as Browser.Browser;
export type MessageSender = Browser.Runtime.MessageSender;

/** Listens for runtime messages with an async handler whose result is the reply. */
export function addMessageListener(
  handler: (message: unknown, sender: MessageSender) => Promise<unknown>,
): void {
  const listener = (message: unknown, sender: MessageSender, sendResponse: (reply: unknown) => void) => {
    handler(message, sender).then(
      (reply) => sendResponse(reply),
      (error: unknown) => sendResponse({ error: { code: 'failed', message: String(error) } }),
    );
    return true;
  };
  (api.runtime.onMessage as unknown as { addListener(l: typeof listener): void }).addListener(listener);
}
