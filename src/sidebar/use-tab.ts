// The sidebar's tab: which page it sits on and that tab's state (pending capture, focus,
// anchors not found), pushed by the background, its one writer, over the frame's port.

import type { TabView } from '../messaging/frame-port';
import type { TabInfo } from '../messaging/maps';
import { useQuery } from './api';

export function useTab(): { info: TabInfo | null | undefined; state: TabView | null | undefined } {
  const view = useQuery('tab', [], undefined);
  return { info: view === undefined ? undefined : (view?.info ?? null), state: view };
}
