// Handlers of the extension page → background messages.
import type { MessageSender } from '../messaging/browser-api';
import { sendToTab } from '../messaging/index';
import type { Handlers } from '../messaging/protocol';
import { writeContext } from '../storage/context';
import { createDecision } from '../storage/decisions';
import { notifyDataChanged } from './changes';
import { openDecision } from './due-open';
import { addHost, cleanHost, removeHost } from './hosts';
import { connect, connectionInfo, disconnect, removeLocal, runSync } from './sync';
import { updateTabState } from './tab-state';
import { toggleSidebar } from './tabs';

const ok = async (p: Promise<unknown>) =>
  p.then(
    () => true,
    () => false,
  );

export const pageHandlers: Handlers<'pageToBackground', MessageSender> = {
  async 'data:changed'() {
    await notifyDataChanged();
    return { ok: true };
  },

  async 'tab:focus-decision'({ tabId, decisionId }) {
    return { ok: await ok(sendToTab(tabId, 'highlight:focus', { decisionId })) };
  },

  async 'tab:toggle-sidebar'({ tabId }) {
    return { open: await toggleSidebar(tabId) };
  },

  async 'tab:close-sidebar'({ tabId }) {
    return { ok: await ok(toggleSidebar(tabId, false)) };
  },

  async 'tab:reattach'({ tabId, anchorId }) {
    await updateTabState(tabId, { reattachAnchorId: anchorId });
    return { ok: await ok(sendToTab(tabId, 'reattach:selection', { anchorId })) };
  },

  async 'decision:create'({ title }) {
    const id = await createDecision(await writeContext(), { title });
    await notifyDataChanged();
    return { id };
  },

  async 'decision:open'({ decisionId, anchorId }) {
    return { ok: (await openDecision(decisionId, anchorId)).ok };
  },

  async 'hosts:add'({ host, site }) {
    const clean = cleanHost(host);
    if (!clean) throw new Error(`“${host}” is not a host name.`);
    return { hosts: await addHost({ host: clean, site }) };
  },

  async 'hosts:remove'({ host }) {
    return { hosts: await removeHost(host) };
  },

  'sync:connect': ({ url, token }) => connect(url, token),

  async 'sync:disconnect'() {
    await disconnect();
    return { ok: true };
  },

  async 'sync:remove-local'() {
    await removeLocal();
    return { ok: true };
  },

  async 'sync:now'() {
    void runSync('page');
    return { ok: true };
  },

  'sync:connection': () => connectionInfo(),
};
