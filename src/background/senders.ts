// Who may send what: content scripts speak only from the top frame of a tab showing a web page,
// extension pages only from our own origin. Anything else (another extension, a web page via
// externally_connectable, our script in a sub-frame or on a file page) is refused. What a content
// script's page is comes from here (the browser's sender); a payload may only name another path
// on the sender's own origin.
import { isWebUrl } from '../core/urls';
import { api, type MessageSender } from '../messaging/browser-api';

export function isOwnContentScript(sender: MessageSender): boolean {
  return (
    sender.id === api.runtime.id &&
    typeof sender.tab?.id === 'number' &&
    // The manifest injects into top frames only; a sub-frame speaking is not a page session.
    sender.frameId === 0 &&
    // Stryker disable next-line StringLiteral: any text that is not a web URL reads alike
    isWebUrl(sender.url ?? '')
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

/**
 * The page of a sender `isOwnContentScript` accepted. The browser may still report the URL from
 * before an app's `pushState` when the message that follows it arrives (the two travel apart), so
 * the URL the script claims is taken when it is on the sender's origin — where `pushState` alone
 * can lead — and the sender's own URL otherwise.
 */
export function senderPage(sender: MessageSender, claimed?: string): SenderPage {
  const url = sender.url as string;
  return { tabId: sender.tab?.id as number, url: claimed && sameOrigin(claimed, url) ? claimed : url };
}

function sameOrigin(a: string, b: string): boolean {
  return isWebUrl(a) && isWebUrl(b) && new URL(a).origin === new URL(b).origin;
}
