// The one module that touches the WebExtension API, so tests fake one object (vi.mock this file).
//
// webextension-polyfill gives every context the same promise-based `browser` object: Firefox's
// own, or Chromium's `chrome` wrapped, which also lets onMessage listeners reply with a promise.
import browser from 'webextension-polyfill';

export const api: typeof browser = browser;
export type MessageSender = import('webextension-polyfill').Runtime.MessageSender;

/**
 * Listens for runtime messages with an async handler whose result is the reply. A failure is
 * answered as `{error}` rather than a rejection, so the sender gets the reason in both browsers.
 */
export function addMessageListener(
  handler: (message: unknown, sender: MessageSender) => Promise<unknown>,
): void {
  api.runtime.onMessage.addListener((message: unknown, sender: MessageSender) =>
    handler(message, sender).catch((error: unknown) => ({
      error: { code: 'failed', message: String(error) },
    })),
  );
}
