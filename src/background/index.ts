// The service worker: wires messages, the toolbar, commands and the context menu. It keeps no
// state in memory only — MV3 may stop it at any moment — so everything it needs is in
// storage.session or IndexedDB.
import { addMessageListener, api, type MessageSender } from '../messaging/browser-api';
import { FRAME_PORT } from '../messaging/frame-port';
import { contentToBackground, pageToBackground } from '../messaging/maps';
import { dispatch } from '../messaging/protocol';
import { initBackup } from './backup';
import { contentHandlers } from './content-handlers';
import { initDue } from './due-events';
import { forgetFrameSecrets } from './frame-secrets';
import { type FramePort, serveFrame } from './frame-server';
import { restoreHosts } from './hosts';
import { pageHandlers } from './page-handlers';
import { isOwnContentScript, isOwnPage } from './senders';
import { initSync } from './sync';
import { forgetTab } from './tab-state';
import { activeTabId, sendToTabEnsured, toggleSidebar } from './tabs';

const MENU_LOG = 'decidedly-log-decision';

async function onMessage(raw: unknown, sender: MessageSender): Promise<unknown> {
  return (
    (await dispatch(
      'contentToBackground',
      contentToBackground,
      contentHandlers,
      raw,
      sender,
      isOwnContentScript,
    )) ??
    (await dispatch('pageToBackground', pageToBackground, pageHandlers, raw, sender, isOwnPage)) ?? {
      error: { code: 'unknown-message', message: 'Unknown message.' },
    }
  );
}

async function onCommand(command: string, tab?: { id?: number }) {
  const tabId = tab?.id ?? (await activeTabId());
  if (tabId === undefined) return;
  if (command === 'toggle-sidebar') await toggleSidebar(tabId);
  if (command === 'log-decision') await sendToTabEnsured(tabId, 'capture:selection', {});
}

export function init(): void {
  void restoreHosts().catch((error) => console.warn('Decidedly: restoring custom hosts failed', error));
  addMessageListener(onMessage);
  api.commands.onCommand.addListener((command, tab) => void onCommand(command, tab).catch(console.warn));
  api.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_LOG && tab?.id !== undefined)
      void sendToTabEnsured(tab.id, 'capture:selection', {}).catch(console.warn);
  });
  api.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(tabId);
    void forgetFrameSecrets(tabId);
  });
  // Extension frames inside pages (sidebar, tooltip) read and write only through this port.
  api.runtime.onConnect.addListener((port) => {
    if (port.name === FRAME_PORT) serveFrame(port as unknown as FramePort);
  });
  initDue();
  initSync();
  initBackup();
  api.runtime.onInstalled.addListener(() => {
    api.contextMenus
      .removeAll()
      .then(() =>
        api.contextMenus.create({ id: MENU_LOG, title: 'Log decision', contexts: ['selection', 'page'] }),
      );
  });
}

/** Exposed for end-to-end tests and the toolbar: the one sidebar toggle path. */
export const commands = { onCommand, toggleSidebar };
