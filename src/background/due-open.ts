// "Open" from the popup or a notification: focus the tab showing the decision's page (or open it),
// then scroll to its highlight and show the decision in the sidebar.
import { linkHref } from '../core/urls';
import { api } from '../messaging/browser-api';
import { sendToTab } from '../messaging/index';
import { pageKeyFor } from '../sites/index';
import { database } from '../storage/db';
import { sessionTabs, updateTabState } from './tab-state';
import { sendToTabEnsured, toggleSidebar } from './tabs';

/** How long a page may take to load before the reveal gives up (the tab stays open either way). */
const LOAD_TIMEOUT_MS = 30_000;
const RETRY_MS = 250;

export interface OpenResult {
  ok: boolean;
  tabId?: number;
}

/** Opens a decision where it was made: its anchor `anchorId`, else the first one. */
export async function openDecision(decisionId: string, anchorId?: string): Promise<OpenResult> {
  const anchors = (await database().anchors.where('decisionId').equals(decisionId).toArray())
    .filter((a) => !a.deleted)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (!anchors.length) return openInLog(decisionId);
  const wanted = anchors.find((a) => a.id === anchorId);
  const candidates = wanted ? [wanted, ...anchors.filter((a) => a !== wanted)] : anchors;
  let tabId: number | undefined;
  for (const a of candidates) {
    tabId = await tabShowing(a.pageKey);
    if (tabId !== undefined) break;
  }
  // Only an http(s) page is ever opened: a script, file or data address (a row from before the
  // URL rule) would run or read something in a new tab.
  const href = candidates.map((a) => linkHref(a.url)).find((u) => u !== null);
  if (tabId !== undefined) {
    const tab = await api.tabs.update(tabId, { active: true });
    if (tab?.windowId !== undefined) await api.windows.update(tab.windowId, { focused: true });
    if (await reveal(tabId, decisionId)) return { ok: true, tabId };
    // The tab has moved on to a page Decidedly does not run on: open the decision's page afresh.
  }
  if (!href) return openInLog(decisionId);
  tabId = (await api.tabs.create({ url: href, active: true })).id;
  if (tabId === undefined) return { ok: false };
  return { ok: await reveal(tabId, decisionId), tabId };
}

/** Logged by hand, or on no page we may open: the decision log, searched for its title. */
async function openInLog(decisionId: string): Promise<OpenResult> {
  const title = (await database().decisions.get(decisionId))?.title ?? '';
  const query = title ? `?${new URLSearchParams({ q: title })}` : '';
  const tab = await api.tabs.create({ url: api.runtime.getURL(`src/log/index.html${query}`) });
  return { ok: true, tabId: tab.id };
}

/**
 * A tab showing `pageKey`: one whose page session says so, else any whose URL has that key. Without
 * the "tabs" permission a tab's URL is hidden from us on most sites, so the session (renewed on
 * every page load and SPA navigation) is what tells; a URL we can see must agree with it.
 */
async function tabShowing(pageKey: string): Promise<number | undefined> {
  for (const session of (await sessionTabs()).filter((t) => t.pageKey === pageKey)) {
    const tab = await api.tabs.get(session.tabId).catch(() => undefined);
    if (tab && (!tab.url || pageKeyFor(tab.url) === pageKey)) return session.tabId;
  }
  const tabs = await api.tabs.query({});
  return tabs.find((t) => t.url && t.id !== undefined && pageKeyFor(t.url) === pageKey)?.id;
}

/**
 * Once the page is loaded: flash the highlight (the content script answers after its page session
 * has painted, so this also waits for the session and its tab state), ask the sidebar to show the
 * decision, and open it. The manifest's content script arrives a moment after the load, so a page
 * not listening yet is asked again; one still silent after a grace period gets the script
 * injected, and a page that refuses it (not ours any more) ends the attempt.
 */
async function reveal(tabId: number, decisionId: string): Promise<boolean> {
  const deadline = Date.now() + LOAD_TIMEOUT_MS;
  for (let attempt = 1; ; attempt++) {
    await loaded(tabId, deadline);
    const inject = attempt % INJECT_EVERY === 0;
    try {
      const payload = { decisionId };
      await (inject
        ? sendToTabEnsured(tabId, 'highlight:focus', payload)
        : sendToTab(tabId, 'highlight:focus', payload));
      break;
    } catch (error) {
      if ((inject && !NOT_READY.test(String(error))) || Date.now() > deadline) {
        console.warn('Decidedly: could not reach the page to show the decision', error);
        return false;
      }
      await new Promise((r) => setTimeout(r, RETRY_MS));
    }
  }
  await updateTabState(tabId, { focusDecisionId: decisionId, sidebarOpen: true, capture: null });
  await toggleSidebar(tabId, true);
  return true;
}

const NOT_READY = /Receiving end does not exist|Could not establish connection/i;
/** Every this many silent attempts (2 s), try injecting the content script ourselves. */
const INJECT_EVERY = 8;

/** Resolves when the tab has finished loading (or at the deadline). */
async function loaded(tabId: number, deadline: number): Promise<void> {
  const done = async () => (await api.tabs.get(tabId)).status === 'complete';
  if (await done()) return;
  await new Promise<void>((resolve) => {
    const finish = () => {
      api.tabs.onUpdated.removeListener(listener);
      clearTimeout(timer);
      resolve();
    };
    const listener = (id: number, info: { status?: string }) => {
      if (id === tabId && info.status === 'complete') finish();
    };
    const timer = setTimeout(finish, Math.max(0, deadline - Date.now()));
    api.tabs.onUpdated.addListener(listener);
    // It may have completed between the first look and the listener.
    void done().then((yes) => yes && finish());
  });
}
