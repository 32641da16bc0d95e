// Talking to tabs: the sidebar toggle and captures go to the tab's content script, injected on
// demand (activeTab) where Decidedly does not run by default.
import { api } from '../messaging/browser-api';
import { sendToTab } from '../messaging/index';
import type { MessageName, Payload, Reply } from '../messaging/maps';
import { contentScriptFiles } from './hosts';

/** Sends to a tab's content script, injecting it first when it is not there yet. */
export async function sendToTabEnsured<K extends MessageName<'backgroundToContent'>>(
  tabId: number,
  name: K,
  payload: Payload<'backgroundToContent', K>,
): Promise<Reply<K>> {
  try {
    return await sendToTab(tabId, name, payload);
  } catch (error) {
    if (!/Receiving end does not exist|Could not establish connection/i.test(String(error))) throw error;
    await api.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: contentScriptFiles() });
    return sendToTab(tabId, name, payload);
  }
}

export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

/** The one path the toolbar, the command and messages use to show or hide the sidebar. */
export async function toggleSidebar(tabId: number, open?: boolean): Promise<boolean> {
  const reply = await sendToTabEnsured(tabId, 'sidebar:toggle', open === undefined ? {} : { open });
  return reply.open;
}
