// Handlers of the content script → background messages.

import type { MessageSender } from '../messaging/browser-api';
import type { AnchorPaint } from '../messaging/maps';
import { type Handlers, MessageError } from '../messaging/protocol';
import { pageKeyFor, siteFor } from '../sites/index';
import { reattachAnchor } from '../storage/anchors';
import { writeContext } from '../storage/context';
import { database } from '../storage/db';
import { pageDecisions } from '../storage/queries';
import { notifyDataChanged } from './changes';
import { issueFrameSecret } from './frame-secrets';
import { ensureHostRules } from './hosts';
import { sharedOnPage } from './post';
import { senderPage } from './senders';
import { tabState, updateTabState } from './tab-state';

const tabOf = (sender: MessageSender) => senderPage(sender).tabId;

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
  async 'session:start'({ title, url: claimed }, sender) {
    await ensureHostRules();
    const { url } = senderPage(sender, claimed);
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
        sentAnchorIds: [],
        sentDecisionIds: [],
      },
    );
    const anchors = await anchorsToPaint(info.pageKey);
    // What this tab was given is all it may later speak about (status, clicks, re-attach).
    await updateTabState(tabOf(sender), {
      sentAnchorIds: anchors.map((a) => a.anchorId),
      sentDecisionIds: [...new Set(anchors.map((a) => a.decisionId))],
    });
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

  async 'page:title'({ title, url: claimed }, sender) {
    const { url } = senderPage(sender, claimed);
    const state = await tabState(tabOf(sender));
    const { pageKey } = pageInfo(url);
    // A late title from a page the tab has left since must not rename the new one.
    if (state?.pageKey !== pageKey || state.title === title) return { ok: false };
    await updateTabState(tabOf(sender), { url, title });
    const db = database();
    if (await db.pages.get(pageKey)) await db.pages.update(pageKey, { title, url });
    return { ok: true };
  },

  async 'capture:start'({ title, selectors }, sender) {
    await ensureHostRules();
    const { url } = senderPage(sender);
    const info = pageInfo(url);
    await updateTabState(tabOf(sender), {
      capture: { selectors, url, title, ...info, at: Date.now() },
      sidebarOpen: true,
      focusDecisionId: null,
    });
    return { ok: true };
  },

  async 'anchors:status'({ missing }, sender) {
    const sent = new Set((await tabState(tabOf(sender)))?.sentAnchorIds ?? []);
    await updateTabState(tabOf(sender), { missingAnchors: missing.filter((id) => sent.has(id)) });
    return { ok: true };
  },

  async 'highlight:clicked'({ decisionId }, sender) {
    const state = await tabState(tabOf(sender));
    if (!state?.sentDecisionIds?.includes(decisionId))
      throw new MessageError('forbidden', 'That decision is not on this tab’s page.');
    await updateTabState(tabOf(sender), { focusDecisionId: decisionId, sidebarOpen: true, capture: null });
    return { ok: true };
  },

  async 'sidebar:visibility'({ open }, sender) {
    await updateTabState(tabOf(sender), { sidebarOpen: open });
    return { ok: true };
  },

  async 'anchor:reattach'({ anchorId, selectors }, sender) {
    // Only the anchor this tab was asked to re-attach (tab:reattach from our sidebar), on its page.
    const state = await tabState(tabOf(sender));
    if (!state || state.reattachAnchorId !== anchorId || !state.sentAnchorIds?.includes(anchorId))
      throw new MessageError('forbidden', 'This tab is not re-attaching that anchor.');
    await reattachAnchor(await writeContext(), anchorId, selectors, senderPage(sender).url);
    await updateTabState(tabOf(sender), { reattachAnchorId: null });
    await notifyDataChanged();
    return { ok: true };
  },

  'post:shared': ({ decisionId, selectors }, sender) => sharedOnPage(decisionId, selectors, sender),

  async 'frame:secret'({ kind }, sender) {
    return { secret: await issueFrameSecret(tabOf(sender), kind) };
  },
};
