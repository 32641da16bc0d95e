// The sidebar's tab: which page it sits on and that tab's state (pending capture, focus,
// anchors not found), followed live through storage.session.
import { useEffect, useState } from 'preact/hooks';
import { TAB_STATE_KEY, type TabState } from '../background/tab-state';
import { api } from '../messaging/browser-api';
import { sendFromPage } from '../messaging/index';
import type { TabInfo } from '../messaging/maps';

export function useTab(): { info: TabInfo | null | undefined; state: TabState | undefined } {
  const [info, setInfo] = useState<TabInfo | null | undefined>(undefined);
  const [state, setState] = useState<TabState | undefined>(undefined);

  useEffect(() => {
    let key = '';
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && key && changes[key]) {
        const next = changes[key]?.newValue as TabState | undefined;
        setState(next);
        // A new page, or the same page retitled (apps set the title after routing).
        if (next)
          setInfo((i) =>
            i && (next.pageKey !== i.pageKey || next.title !== i.title) ? { ...i, ...pick(next) } : i,
          );
      }
    };
    api.storage.onChanged.addListener(onChanged);
    void sendFromPage('sidebar:hello', {}).then(async (tab) => {
      setInfo(tab);
      if (!tab) return;
      key = TAB_STATE_KEY(tab.tabId);
      const got = await api.storage.session.get(key);
      setState(got[key] as TabState | undefined);
    });
    return () => api.storage.onChanged.removeListener(onChanged);
  }, []);

  return { info, state };
}

const pick = (s: TabState) => ({
  pageKey: s.pageKey,
  url: s.url,
  title: s.title,
  site: s.site,
  canHighlight: s.canHighlight,
});

/** Clears the pending capture or the focus request once the sidebar has shown it. */
export async function patchTab(tabId: number, patch: Partial<TabState>): Promise<void> {
  const key = TAB_STATE_KEY(tabId);
  const got = await api.storage.session.get(key);
  const current = got[key] as TabState | undefined;
  if (current) await api.storage.session.set({ [key]: { ...current, ...patch } });
}
