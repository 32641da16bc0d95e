// Repository functions for anchors: where on which page a decision was made.
import type { Selectors } from '../core/schemas';
import type { AnchorFields } from './decisions';
import { type WriteContext, WriteError, write } from './write';

/** Adds another anchor to a decision (the same decision discussed on a second page). */
export function addAnchor(ctx: WriteContext, decisionId: string, anchor: AnchorFields): Promise<string> {
  return write(ctx, async (tx) => {
    const d = await tx.get('decisions', decisionId);
    if (!d || d.deleted) throw new WriteError('That decision no longer exists.', 'not-found');
    const id = tx.create('anchors', { ...anchor, decisionId });
    tx.event(decisionId, 'anchored', {
      pageKey: anchor.pageKey,
      quote: anchor.selectors?.quote.exact ?? null,
    });
    return id;
  });
}

/**
 * The decision's summary was posted to a page as a comment: an anchor on the posted text, so the
 * next visit finds the decision there too, and an `anchored` event marked `shared` (a kind of its
 * own would be refused by the sync servers and older clients that validate event kinds).
 */
export function recordShared(ctx: WriteContext, decisionId: string, anchor: AnchorFields): Promise<string> {
  return write(ctx, async (tx) => {
    const d = await tx.get('decisions', decisionId);
    if (!d || d.deleted) throw new WriteError('That decision no longer exists.', 'not-found');
    const id = tx.create('anchors', { ...anchor, decisionId });
    tx.event(decisionId, 'anchored', {
      pageKey: anchor.pageKey,
      quote: anchor.selectors?.quote.exact ?? null,
      shared: true,
      pageTitle: anchor.pageTitle,
    });
    return id;
  });
}

/** Re-attaches an anchor whose text changed to a new selection ("Re-attach"). */
export function reattachAnchor(
  ctx: WriteContext,
  anchorId: string,
  selectors: Selectors,
  url?: string,
): Promise<void> {
  return write(ctx, async (tx) => {
    const a = await tx.get('anchors', anchorId);
    if (!a || a.deleted) throw new WriteError('That anchor no longer exists.', 'not-found');
    tx.patch('anchors', anchorId, { selectors, ...(url ? { url } : {}) });
    tx.event(a.decisionId, 'anchored', {
      pageKey: a.pageKey,
      quote: selectors.quote.exact,
      previous: a.selectors?.quote.exact ?? null,
      reattached: true,
    });
  });
}
