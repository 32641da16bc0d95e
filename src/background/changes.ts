// What follows a local data change: every tab with a page session repaints its highlights.
// The badge, reminders and the sync scheduler hang here too.
import { sendToTab } from '../messaging/index';
import { sessionTabs } from './tab-state';

/** Where a change came from: this device, or a pull from the sync server. */
export type ChangeSource = 'local' | 'sync';
type Listener = (source: ChangeSource) => Promise<void> | void;
const listeners: Listener[] = [];

/** Registers work to run after every local change (badge, sync). */
export function onDataChanged(listener: Listener) {
  listeners.push(listener);
}

export async function notifyDataChanged(source: ChangeSource = 'local'): Promise<void> {
  const tabs = await sessionTabs();
  await Promise.allSettled(tabs.map((t) => sendToTab(t.tabId, 'page:refresh', {})));
  await Promise.allSettled(listeners.map((l) => l(source)));
}
