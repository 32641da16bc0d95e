// Per-tab state: the page each tab shows, whether its sidebar is open, a pending capture, the
// decision to focus, and which anchors could not be found. The background is its one writer:
// pages get it pushed over their port (frame-server.ts). It lives in storage.session because
// the service worker may stop at any moment; changes to one tab run one after another (a
// promise chain per tab), so two messages arriving together never lose each other's update,
// and what is read back is validated, so a malformed entry is treated as absent.
import * as z from 'zod/mini';
import { Selectors } from '../core/schemas';
import { api } from '../messaging/browser-api';

const PendingCaptureSchema = z.object({
  selectors: z.nullable(Selectors),
  url: z.string(),
  title: z.string(),
  pageKey: z.string(),
  site: z.string(),
  canHighlight: z.boolean(),
  at: z.number(),
});

const TabStateSchema = z.object({
  tabId: z.number(),
  url: z.string(),
  title: z.string(),
  pageKey: z.string(),
  site: z.string(),
  canHighlight: z.boolean(),
  sidebarOpen: z.boolean(),
  capture: z.nullable(PendingCaptureSchema),
  focusDecisionId: z.nullable(z.string()),
  missingAnchors: z.array(z.string()),
  reattachAnchorId: z.nullable(z.string()),
  /** Anchors (and their decisions) last sent to this tab to paint: all it may speak about. */
  sentAnchorIds: z.optional(z.array(z.string())),
  sentDecisionIds: z.optional(z.array(z.string())),
  /** The decision whose summary this tab was last asked to post: the one it may report shared. */
  postDecisionId: z.optional(z.nullable(z.string())),
});

export type PendingCapture = z.infer<typeof PendingCaptureSchema>;
export type TabState = z.infer<typeof TabStateSchema>;

const key = (tabId: number) => `tab:${tabId}`;

/** Reads a stored entry; anything not a well-formed tab state reads as absent. */
function valid(value: unknown): TabState | undefined {
  const parsed = TabStateSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export async function tabState(tabId: number): Promise<TabState | undefined> {
  const got = await api.storage.session.get(key(tabId));
  return valid(got[key(tabId)]);
}

// Only the order of changes lives in memory; a restarted worker starts with empty chains, which
// is right since the old worker's pending changes died with it.
const chains = new Map<number, Promise<unknown>>();

/** Runs `change` after every earlier change of this tab has finished. */
function serialised<T>(tabId: number, change: () => Promise<T>): Promise<T> {
  const previous = chains.get(tabId) ?? Promise.resolve();
  const next = previous.then(change, change);
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  chains.set(tabId, settled);
  void settled.then(() => chains.get(tabId) === settled && chains.delete(tabId));
  return next;
}

type Listener = (tabId: number, state: TabState | undefined) => void;
const listeners = new Set<Listener>();

/** Calls `listener` after every change of any tab's state. Returns the unsubscribe. */
export function onTabStateChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const announce = (tabId: number, state: TabState | undefined) => {
  for (const l of listeners) l(tabId, state);
};

/**
 * Merges `patch` into a tab's state (creating it from `init` when the tab is new), or applies a
 * function of the current state. Serialised per tab.
 */
export function updateTabState(
  tabId: number,
  patch: Partial<TabState> | ((current: TabState) => Partial<TabState>),
  init?: Omit<TabState, 'tabId'>,
): Promise<TabState | undefined> {
  return serialised(tabId, async () => {
    const current = (await tabState(tabId)) ?? (init ? { ...init, tabId } : undefined);
    if (!current) return undefined;
    const next = valid({ ...current, ...(typeof patch === 'function' ? patch(current) : patch), tabId });
    if (!next) throw new Error('Refused a malformed tab state.');
    await api.storage.session.set({ [key(tabId)]: next });
    announce(tabId, next);
    return next;
  });
}

export function forgetTab(tabId: number): Promise<void> {
  return serialised(tabId, async () => {
    await api.storage.session.remove(key(tabId));
    announce(tabId, undefined);
  });
}

/** Tabs with a live page session. */
export async function sessionTabs(): Promise<TabState[]> {
  const all = await api.storage.session.get(null);
  return Object.entries(all)
    .filter(([k]) => k.startsWith('tab:'))
    .map(([, v]) => valid(v))
    .filter((s): s is TabState => !!s);
}

export const TAB_STATE_KEY = key;
