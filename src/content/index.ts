// The content script: page sessions (highlights, hit-testing), the selection button, and the
// sidebar host. It never touches IndexedDB and keeps no workspace text in the page's DOM.
import { addMessageListener, api, type MessageSender } from '../messaging/browser-api';
import { sendToBackground } from '../messaging/index';
import { dispatch, type Handlers } from '../messaging/protocol';
import { backgroundToContent } from '../messaging/to-content';
import { type CustomHost, pageKeyFor, setCustomHosts, siteFor } from '../sites/index';
import { watchNavigation } from '../sites/navigation';
import { createAdder } from './adder';
import { addedForThisPort } from './host-port';
import { type PageSession, startPageSession } from './page-session';
import type { SidebarHost } from './sidebar-host';
import { loadPagePeople, loadPagePost, loadSidebarHost } from './sidebar-loader';

export async function init(): Promise<void> {
  const flag = globalThis as { __decidedly?: boolean };
  // Injected twice (manifest + activeTab)? One instance is enough.
  if (flag.__decidedly) return;
  flag.__decidedly = true;
  let sidebar: Promise<SidebarHost> | undefined;
  const sidebarHost = () =>
    (sidebar ??= loadSidebarHost().then(({ createSidebarHost }) =>
      createSidebarHost((open) => void sendToBackground('sidebar:visibility', { open }).catch(() => {})),
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
      void sendToBackground('highlight:clicked', { decisionId }).then(async () =>
        (await sidebarHost()).show(),
      );
    }).then((s) => {
      if (!signal.aborted) session = s;
      return s;
    });
  };
  // Self-hosted Jira/Confluence/GitLab hosts change which site rules (root, title) apply here,
  // so no page session begins before they are read.
  const hostsRead = api.storage.local
    .get('customHosts')
    .catch(() => ({}) as Record<string, unknown>)
    .then((stored) => {
      const hosts = (stored as { customHosts?: CustomHost[] }).customHosts;
      const added = Array.isArray(hosts) ? hosts : [];
      setCustomHosts(added.filter((h) => h.site !== ('generic' as string)));
      pageKey = pageKeyFor(location.href);
      return added;
    });
  // Begun at start, or on the first request where the page was injected but not asked for.
  let ready: Promise<PageSession> | undefined;
  const current = () => (ready ??= hostsRead.then(begin));

  async function capture() {
    const s = await current();
    const selectors = s.info.canHighlight ? await s.selectionSelectors() : null;
    await sendToBackground('capture:start', { title: document.title, selectors });
    (await sidebarHost()).show();
    window.getSelection()?.removeAllRanges();
  }

  const handlers: Handlers<'backgroundToContent', MessageSender> = {
    'sidebar:toggle': async ({ open }) => ({ open: (await sidebarHost()).toggle(open) }),
    'capture:selection': async () => {
      await capture();
      return { ok: true };
    },
    'page:refresh': async () => {
      await (session ?? (await current())).refresh();
      return { ok: true };
    },
    'highlight:focus': async ({ decisionId }) => ({ ok: (session ?? (await current())).focus(decisionId) }),
    'reattach:selection': async ({ anchorId }) => {
      const selectors = await (session ?? (await current())).selectionSelectors();
      if (!selectors) return { ok: false };
      await sendToBackground('anchor:reattach', { anchorId, selectors });
      return { ok: true };
    },
    'page:post': async (request) =>
      (await loadPagePost()).postToPage(request, siteFor(location.href), sessionAbort.signal),
    'people:read': async () => ({
      people: (await loadPagePeople()).readPagePeople(siteFor(location.href).id),
    }),
  };

  // Before any await: the background messages a script it has just injected right away.
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

  if (!addedForThisPort(new URL(location.href), await hostsRead)) return;
  void current();

  // SPA navigation: a new page key means a new page session; listeners of the old one are released.
  watchNavigation((url) => {
    const next = pageKeyFor(url);
    if (next === pageKey) return;
    pageKey = next;
    ready = begin();
  }, new AbortController().signal);
}
