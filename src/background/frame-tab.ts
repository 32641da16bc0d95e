// What the sidebar sees of its tab, built from the tab state the background keeps.
import type { TabView } from '../messaging/frame-port';
import { type TabState, tabState } from './tab-state';

export function viewOf(tabId: number, state: TabState | undefined): TabView | null {
  if (!state) return null;
  return {
    info: {
      tabId,
      url: state.url,
      title: state.title,
      pageKey: state.pageKey,
      site: state.site,
      canHighlight: state.canHighlight,
    },
    capture: state.capture,
    focusDecisionId: state.focusDecisionId,
    missingAnchors: state.missingAnchors,
  };
}

export async function tabView(tabId: number): Promise<TabView | null> {
  return viewOf(tabId, await tabState(tabId));
}
