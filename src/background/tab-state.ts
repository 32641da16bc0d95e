// Per-tab state kept in storage.session (the service worker may stop at any moment, so nothing
// lives only in memory): the page each tab shows, whether its sidebar is open, a pending
// capture, the decision to focus, and which anchors could not be found.
import type { Selectors } from '../core/schemas';
import { api } from '../messaging/browser-api';

export interface PendingCapture {
  selectors: Selectors | null;
  url: string;
  title: string;
  pageKey: string;
  site: string;
  canHighlight: boolean;
  at: number;
}

export interface TabState {
  tabId: number;
  url: string;
  title: string;
  pageKey: string;
  site: string;
  canHighlight: boolean;
  sidebarOpen: boolean;
  capture: PendingCapture | null;
  focusDecisionId: string | null;
  missingAnchors: string[];
  reattachAnchorId: string | null;
  /** Anchors (and their decisions) last sent to this tab to paint: all it may speak about. */
  sentAnchorIds?: string[];
  sentDecisionIds?: string[];
}

const key = (tabId: number) => `tab:${tabId}`;

export async function tabState(tabId: number): Promise<TabState | undefined> {
  const got = await api.storage.session.get(key(tabId));
  return got[key(tabId)] as TabState | undefined;
}

/** Merges `patch` into a tab's state (creating it from `init` when the tab is new). */
export async function updateTabState(
  tabId: number,
  patch: Partial<TabState>,
  init?: Omit<TabState, 'tabId'>,
): Promise<TabState | undefined> {
  const current = await tabState(tabId);
  if (!current && !init) return undefined;
  const next: TabState = { ...(current ?? { ...(init as Omit<TabState, 'tabId'>), tabId }), ...patch, tabId };
  await api.storage.session.set({ [key(tabId)]: next });
  return next;
}

export async function forgetTab(tabId: number): Promise<void> {
  await api.storage.session.remove(key(tabId));
}

/** Tabs with a live page session. */
export async function sessionTabs(): Promise<TabState[]> {
  const all = await api.storage.session.get(null);
  return Object.entries(all)
    .filter(([k]) => k.startsWith('tab:'))
    .map(([, v]) => v as TabState);
}

export const TAB_STATE_KEY = key;
