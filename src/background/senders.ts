// Who may send what: content scripts speak only from a tab, extension pages only from our
// own origin. Anything else (another extension, a web page via externally_connectable) is refused.
import { api, type MessageSender } from '../messaging/browser-api';

export function isOwnContentScript(sender: MessageSender): boolean {
  return sender.id === api.runtime.id && typeof sender.tab?.id === 'number';
}

export function isOwnPage(sender: MessageSender): boolean {
  const origin = api.runtime.getURL('');
  return sender.id === api.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(origin);
}
