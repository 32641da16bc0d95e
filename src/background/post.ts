// Posting a decision's summary back to the page it was made on (issue 20): the background renders
// the summary for the tab's site and hands it to the tab's content script, which puts it into the
// page's comment box; the person submits it. When the posted comment shows up, the content script
// reports it and the decision records that it was shared, with an anchor on the comment.
import { postContentFor } from '../core/summary/index';
import type { MessageSender } from '../messaging/browser-api';
import { sendToTab } from '../messaging/index';
import type { PostResult } from '../messaging/maps';
import { MessageError } from '../messaging/protocol';
import { pageKeyFor, siteFor } from '../sites/index';
import { recordShared } from '../storage/anchors';
import { writeContext } from '../storage/context';
import { database } from '../storage/db';
import { decisionBundle } from '../storage/queries';
import { notifyDataChanged } from './changes';
import { senderPage } from './senders';
import { tabState, updateTabState } from './tab-state';

const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Sends the summary of `decisionId` to the tab's comment box; answers how it went in. */
export async function postToTab(tabId: number, decisionId: string): Promise<PostResult> {
  const state = await tabState(tabId);
  if (!state) return { ok: false, reason: 'no-page' };
  const bundle = await decisionBundle(database(), decisionId);
  if (!bundle) throw new MessageError('failed', 'That decision no longer exists.');
  const content = postContentFor(state.site, bundle, { timeZone: timeZone() });
  // Only the decision this tab was last asked to post may later be reported as shared from it.
  await updateTabState(tabId, { postDecisionId: decisionId });
  const { text, html, marker } = content;
  return sendToTab(tabId, 'page:post', { decisionId, text, marker, ...(html ? { html } : {}) });
}

/** The content script saw the posted summary on its page: record the share and anchor to it. */
export async function sharedOnPage(
  decisionId: string,
  selectors: Parameters<typeof recordShared>[2]['selectors'],
  sender: MessageSender,
): Promise<{ ok: true }> {
  const { tabId, url } = senderPage(sender);
  const state = await tabState(tabId);
  const pageKey = pageKeyFor(url);
  if (!state || state.postDecisionId !== decisionId || state.pageKey !== pageKey)
    throw new MessageError('forbidden', 'This tab was not asked to post that decision.');
  await updateTabState(tabId, { postDecisionId: null });
  await recordShared(await writeContext(), decisionId, {
    pageKey,
    url,
    pageTitle: state.title,
    site: siteFor(url).id,
    selectors,
  });
  await notifyDataChanged();
  return { ok: true };
}
