// Who may send what: content scripts speak only from the top frame of a tab showing a web page,
// extension pages only from our own origin. Anything else (another extension, a web page via
// externally_connectable, our script in a sub-frame or on a file page) is refused. What a content
// script's page is comes from here (the browser's sender), never from what it says in a payload.
import { isWebUrl } from '../core/urls';
import { api, type MessageSender } from '../messaging/browser-api';

export function isOwnContentScript(sender: MessageSender): boolean {
  return (
    sender.id === api.runtime.id &&
    typeof sender.tab?.id === 'number' &&
    // The manifest injects into top frames only; a sub-frame speaking is not a page session.
    sender.frameId === 0 &&
    typeof sender.url === 'string' &&
    isWebUrl(sender.url)
  );
}

export function isOwnPage(sender: MessageSender): boolean {
  const origin = api.runtime.getURL('');
  return sender.id === api.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(origin);
}

/** The tab and page a content script speaks for, as the browser reports them. */
export interface SenderPage {
  tabId: number;
  url: string;
}

/** The page of a sender `isOwnContentScript` accepted. */
export function senderPage(sender: MessageSender): SenderPage {
  return { tabId: sender.tab?.id as number, url: sender.url as string };
}
