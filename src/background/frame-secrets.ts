// The frame handshake (DESIGN §6): before our content script frames the sidebar or the tooltip
// it asks for a fresh secret, bound to its tab, and hands it to the frame with postMessage aimed
// at the extension's origin, so page scripts never see it. The frame presents it on its port;
// only then does the background answer. A page that frames our pages itself has no secret, so
// its frame shows nothing. Kept in storage.session: ports reconnect after a worker restart.

import { api, type MessageSender } from '../messaging/browser-api';
import type { FrameKind } from '../messaging/frame-port';

const key = (tabId: number, kind: FrameKind) => `frame:${tabId}:${kind}`;

function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A new secret for the `kind` frame of a tab; it replaces the one before. */
export async function issueFrameSecret(tabId: number, kind: FrameKind): Promise<string> {
  const secret = randomSecret();
  await api.storage.session.set({ [key(tabId, kind)]: secret });
  return secret;
}

/** Compares in time independent of where the strings differ. */
function same(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The page each kind of frame must be. */
export const FRAME_PAGES: Record<FrameKind, string> = {
  sidebar: 'src/sidebar/index.html',
  tooltip: 'src/tooltip/index.html',
};

/**
 * The tab a frame may see, or null: the sender must be our own page of that kind, in a sub-frame
 * of a tab, presenting the secret issued to that tab's content script.
 */
export async function verifyFrame(
  sender: MessageSender | undefined,
  kind: FrameKind,
  secret: string,
): Promise<number | null> {
  const tabId = sender?.tab?.id;
  if (!sender || sender.id !== api.runtime.id || typeof tabId !== 'number') return null;
  // The path, not the whole URL: with use_dynamic_url the frame's origin is not getURL's. That
  // the sender is an extension context of ours, sender.id already says.
  let path = '';
  try {
    path = new URL(String(sender.url)).pathname;
  } catch {
    return null;
  }
  if (path !== `/${FRAME_PAGES[kind]}`) return null;
  if (sender.frameId === 0) return null;
  const got = await api.storage.session.get(key(tabId, kind));
  const expected = got[key(tabId, kind)];
  return typeof expected === 'string' && same(expected, secret) ? tabId : null;
}

export async function forgetFrameSecrets(tabId: number): Promise<void> {
  await api.storage.session.remove(Object.keys(FRAME_PAGES).map((k) => key(tabId, k as FrameKind)));
}
