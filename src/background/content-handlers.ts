// Handlers of the content script → background messages.

import { isOpen } from '../core/lifecycle';
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
  const { anchors, decisions } = await pageDecisions(database(), pageKey);
  const byId = new Map(decisions.map((d) => [d.id, d]));
  return anchors.map((a) => {
    const status = byId.get(a.decisionId)?.status ?? 'proposed';
    return {
      anchorId: a.id,
      decisionId: a.decisionId,
      status: isOpen(status) ? 'open' : status === 'decided' ? 'decided' : 'other',
      selectors: a.selectors,
    };
  });
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

  async 'page:title'({ url, title }, sender) {
    const state = await tabState(tabOf(sender));
    const { pageKey } = pageInfo(url);
    // A late title from a page the tab has left since must not rename the new one.
    if (state?.pageKey !== pageKey || state.title === title) return { ok: false };
    await updateTabState(tabOf(sender), { url, title });
    const db = database();
    if (await db.pages.get(pageKey)) await db.pages.update(pageKey, { title, url });
    return { ok: true };
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
