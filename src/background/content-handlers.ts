// Handlers of the content script → background messages.

import type { MessageSender } from '../messaging/browser-api';
import type { AnchorPaint } from '../messaging/maps';
import type { Handlers } from '../messaging/protocol';
import { pageKeyFor, siteFor } from '../sites/index';
import { reattachAnchor } from '../storage/anchors';
import { writeContext } from '../storage/context';
import { database } from '../storage/db';
import { pageDecisions } from '../storage/queries';
import { notifyDataChanged } from './changes';
import { ensureHostRules } from './hosts';
import { tabState, updateTabState } from './tab-state';

const tabOf = (sender: MessageSender) => sender.tab?.id as number;

export function pageInfo(url: string) {
  const site = siteFor(url);
  return { pageKey: pageKeyFor(url), site: site.id, canHighlight: site.canHighlight };
}

/** The anchors a tab's content script should paint. */
export async function anchorsToPaint(pageKey: string): Promise<AnchorPaint[]> {
  // The page paints every decision alike (its status would be readable there), so none is sent.
  const { anchors } = await pageDecisions(database(), pageKey);
  return anchors.map((a) => ({ anchorId: a.id, decisionId: a.decisionId, selectors: a.selectors }));
}

export const contentHandlers: Handlers<'contentToBackground', MessageSender> = {
  async 'session:start'({ url, title }, sender) {
    await ensureHostRules();
    const info = pageInfo(url);
    const previous = await tabState(tabOf(sender));
    // A repaint of the same page keeps what was found missing: the content script only reports
    // changes, so clearing it here would drop "Source changed" after any unrelated edit.
    const samePage = previous?.pageKey === info.pageKey;
    await updateTabState(
      tabOf(sender),
      { url, title, ...info, ...(samePage ? {} : { missingAnchors: [] }) },
      {
        url,
        title,
        ...info,
        sidebarOpen: false,
        capture: null,
        focusDecisionId: null,
        missingAnchors: [],
        reattachAnchorId: null,
      },
    );
    const anchors = await anchorsToPaint(info.pageKey);
    // Remember pages with decisions so lists can name them ("ACME-7 · Fix the login timeout").
    if (anchors.length) {
      await database().pages.put({
        pageKey: info.pageKey,
        site: info.site,
        title,
        url,
        lastSeenAt: new Date().toISOString(),
      });
    }
    return { ...info, anchors };
  },

  async 'capture:start'({ url, title, selectors }, sender) {
    await ensureHostRules();
    const info = pageInfo(url);
    await updateTabState(tabOf(sender), {
      capture: { selectors, url, title, ...info, at: Date.now() },
      sidebarOpen: true,
      focusDecisionId: null,
    });
    return { ok: true };
  },

  async 'anchors:status'({ missing }, sender) {
    await updateTabState(tabOf(sender), { missingAnchors: missing });
    return { ok: true };
  },

  async 'highlight:clicked'({ decisionId }, sender) {
    await updateTabState(tabOf(sender), { focusDecisionId: decisionId, sidebarOpen: true, capture: null });
    return { ok: true };
  },

  async 'sidebar:visibility'({ open }, sender) {
    await updateTabState(tabOf(sender), { sidebarOpen: open });
    return { ok: true };
  },

  async 'anchor:reattach'({ anchorId, selectors, url }, sender) {
    await reattachAnchor(await writeContext(), anchorId, selectors, url);
    await updateTabState(tabOf(sender), { reattachAnchorId: null });
    await notifyDataChanged();
    return { ok: true };
  },
};
