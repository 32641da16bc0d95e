// Senders for each direction, over the runtime and tabs messaging of the WebExtension API.
import { api } from './browser-api';
import type { MessageName, Payload, Reply } from './maps';
import { envelope, unwrap } from './protocol';

/** Content script → background. */
export async function sendToBackground<K extends MessageName<'contentToBackground'>>(
  name: K,
  payload: Payload<'contentToBackground', K>,
): Promise<Reply<K>> {
  return unwrap<Reply<K>>(await api.runtime.sendMessage(envelope('contentToBackground', name, payload)));
}

/** Extension page → background. */
export async function sendFromPage<K extends MessageName<'pageToBackground'>>(
  name: K,
  payload: Payload<'pageToBackground', K>,
): Promise<Reply<K>> {
  return unwrap<Reply<K>>(await api.runtime.sendMessage(envelope('pageToBackground', name, payload)));
}

/** Background → the content script of one tab (top frame). */
export async function sendToTab<K extends MessageName<'backgroundToContent'>>(
  tabId: number,
  name: K,
  payload: Payload<'backgroundToContent', K>,
): Promise<Reply<K>> {
  return unwrap<Reply<K>>(
    await api.tabs.sendMessage(tabId, envelope('backgroundToContent', name, payload), { frameId: 0 }),
  );
}
