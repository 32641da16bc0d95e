// The content script: page sessions (highlights, hit-testing), the selection button, and the
// sidebar host. It never touches IndexedDB and keeps no workspace text in the page's DOM.
import { addMessageListener, api, type MessageSender } from '../messaging/browser-api';
import { sendToBackground } from '../messaging/index';
import { dispatch, type Handlers } from '../messaging/protocol';
import { backgroundToContent } from '../messaging/to-content';
import { type CustomHost, pageKeyFor, setCustomHosts } from '../sites/index';
import { watchNavigation } from '../sites/navigation';
import { createAdder } from './adder';
import { type PageSession, startPageSession } from './page-session';
import { createSidebarHost, type SidebarHost } from './sidebar-host';

export async function init(): Promise<void> {
  const flag = globalThis as { __decidedly?: boolean };
  // Injected twice (manifest + activeTab)? One instance is enough.
  if (flag.__decidedly) return;
  flag.__decidedly = true;
  // Self-hosted Jira/Confluence/GitLab hosts change which site rules (root, title) apply here.
  const stored = await api.storage.local.get('customHosts').catch(() => ({}) as Record<string, unknown>);
  const hosts = (stored as { customHosts?: CustomHost[] }).customHosts;
  if (Array.isArray(hosts)) setCustomHosts(hosts.filter((h) => h.site !== ('generic' as string)));

  let sidebar: SidebarHost | undefined;
  const sidebarHost = () =>
    (sidebar ??= createSidebarHost(
      (open) => void sendToBackground('sidebar:visibility', { open }).catch(() => {}),
    ));

  let session: PageSession | undefined;
  let sessionAbort = new AbortController();
  let pageKey = pageKeyFor(location.href);

  const begin = () => {
    sessionAbort.abort();
    sessionAbort = new AbortController();
    const signal = sessionAbort.signal;
    createAdder(signal, () => void capture());
    session = undefined;
    return startPageSession(signal, (decisionId) => {
      void sendToBackground('highlight:clicked', { decisionId }).then(() => sidebarHost().show());
    }).then((s) => {
      if (!signal.aborted) session = s;
      return s;
    });
  };
  let ready = begin();

  async function capture() {
    const s = await ready;
    const selectors = s.info.canHighlight ? await s.selectionSelectors() : null;
    await sendToBackground('capture:start', { title: document.title, selectors });
    sidebarHost().show();
    window.getSelection()?.removeAllRanges();
  }

  // SPA navigation: a new page key means a new page session; listeners of the old one are released.
  watchNavigation((url) => {
    const next = pageKeyFor(url);
    if (next === pageKey) return;
    pageKey = next;
    ready = begin();
  }, new AbortController().signal);

  const handlers: Handlers<'backgroundToContent', MessageSender> = {
    'sidebar:toggle': ({ open }) => ({ open: sidebarHost().toggle(open) }),
    'capture:selection': async () => {
      await capture();
      return { ok: true };
    },
    'page:refresh': async () => {
      await (session ?? (await ready)).refresh();
      return { ok: true };
    },
    'highlight:focus': async ({ decisionId }) => ({ ok: (session ?? (await ready)).focus(decisionId) }),
    'reattach:selection': async ({ anchorId }) => {
      const selectors = await (session ?? (await ready)).selectionSelectors();
      if (!selectors) return { ok: false };
      await sendToBackground('anchor:reattach', { anchorId, selectors });
      return { ok: true };
    },
  };

  addMessageListener((raw, sender) =>
    dispatch(
      'backgroundToContent',
      backgroundToContent,
      handlers,
      raw,
      sender,
      (s) => s.id === api.runtime.id,
    ),
  );
}
