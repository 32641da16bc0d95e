// "Post to this page" (issue 20), loaded on demand by the content script: puts a decision's
// summary into the page's own comment box and focuses it — never submits; the person reads it and
// presses the site's button. Then it watches, for a while, for the summary to appear among the
// page's comments and reports where, so the decision records the share and anchors to it.
import type { Selectors } from '../core/schemas';
import { sendToBackground } from '../messaging/index';
import type { Payload, PostResult } from '../messaging/maps';
import { COMMENT_BOXES, type CommentBox } from '../sites/post/index';
import type { SiteAdapter, SiteId } from '../sites/types';
import { loadAnchoring } from './anchoring-loader';

export type PostRequest = Payload<'backgroundToContent', 'page:post'>;

/** How long a collapsed box ("Add a comment…") may take to open after the click. */
const OPEN_WAIT_MS = 3000;
/** How long to watch for the posted comment: time to read, edit and press the button. */
export const WATCH_MS = 15 * 60_000;

/** Resolves when `check` answers non-null after a DOM change, or null after `ms`. */
function waitFor<T>(check: () => T | null, ms: number, signal?: AbortSignal): Promise<T | null> {
  return new Promise((resolve) => {
    const found = check();
    if (found !== null || signal?.aborted) return resolve(found);
    const done = (value: T | null) => {
      observer.disconnect();
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
      resolve(value);
    };
    const observer = new MutationObserver(() => {
      const hit = check();
      if (hit !== null) done(hit);
    });
    const stop = () => done(null);
    const timer = setTimeout(stop, ms);
    signal?.addEventListener('abort', stop);
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  });
}

/** The site's comment box, opening it first where the site collapses it behind a placeholder. */
export async function findCommentBox(site: string, doc = document): Promise<CommentBox | null> {
  const finder = COMMENT_BOXES[site as SiteId];
  if (!finder) return null;
  const box = finder.find(doc);
  if (box || !finder.opener) return box;
  const opener = finder.opener(doc);
  if (!opener) return null;
  opener.focus();
  opener.click();
  return waitFor(() => finder.find(doc), OPEN_WAIT_MS);
}

/**
 * Fills a textarea as typing would: through the element's own value setter (frameworks such as
 * React track the value by overriding the property on the node) and an `input` event. A draft
 * already in the box is kept; the summary goes after it.
 */
export function fillTextarea(el: HTMLTextAreaElement, text: string): void {
  const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  const draft = el.value.trimEnd();
  // Posting twice in a row leaves one copy, not two.
  const value = draft.includes(text.trimEnd()) ? el.value : draft ? `${draft}\n\n${text}` : text;
  if (value !== el.value) {
    if (setValue) setValue.call(el, value);
    else el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }
  el.focus();
  el.setSelectionRange(value.length, value.length);
}

/** Puts the caret at the end of an editor, where a paste or insert lands. */
function caretAtEnd(el: HTMLElement): void {
  el.focus();
  const selection = el.ownerDocument.getSelection();
  if (!selection) return;
  const range = el.ownerDocument.createRange();
  range.selectNodeContents(el);
  range.collapse(false);
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * Pastes into a rich-text editor: the editors of Jira, Confluence, Linear and Notion read a paste
 * event's clipboardData (HTML, else plain text) through their own paste path. An editor that
 * ignores a synthetic paste (nothing changed, default not prevented) gets the HTML, then the
 * text, through the browser's editing commands.
 */
export function pasteIntoEditor(el: HTMLElement, html: string | null, text: string): PostResult {
  caretAtEnd(el);
  const before = el.innerHTML;
  const data = new DataTransfer();
  if (html) data.setData('text/html', html);
  data.setData('text/plain', text);
  const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
  const unhandled = el.dispatchEvent(event);
  if (!unhandled || el.innerHTML !== before) return { ok: true, how: 'paste' };
  const doc = el.ownerDocument;
  if (html && doc.execCommand('insertHTML', false, html) && el.innerHTML !== before)
    return { ok: true, how: 'insert-html' };
  doc.execCommand('insertText', false, text);
  return { ok: true, how: 'insert-text' };
}

/** A range over the first occurrence of `marker` in `root`'s text outside `exclude`. */
export function findText(root: Element, marker: string, exclude: Element | null): Range | null {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (
      !parent ||
      (exclude?.contains(parent) ?? false) ||
      parent.closest('[contenteditable="true"], textarea')
    )
      continue;
    nodes.push(n as Text);
    text += (n as Text).data;
  }
  const at = text.indexOf(marker);
  if (at === -1) return null;
  const range = root.ownerDocument.createRange();
  let offset = 0;
  for (const node of nodes) {
    const end = offset + node.data.length;
    if (at >= offset && at < end) range.setStart(node, at - offset);
    if (at + marker.length > offset && at + marker.length <= end) {
      range.setEnd(node, at + marker.length - offset);
      return range;
    }
    offset = end;
  }
  return null;
}

let watching: AbortController | undefined;

/**
 * Waits for the summary's first line to appear on the page outside the comment box (the site
 * rendered the posted comment), then reports its selectors. One watch at a time; a navigation
 * (`signal`) or WATCH_MS ends it.
 */
function watchForPosted(
  request: PostRequest,
  box: CommentBox,
  root: () => Element,
  signal: AbortSignal,
): void {
  watching?.abort();
  const mine = new AbortController();
  watching = mine;
  signal.addEventListener('abort', () => mine.abort(), { once: true });
  // The box's own form holds its preview (GitHub's "Preview" tab renders the Markdown there).
  const own = box.el.closest('form') ?? box.el;
  // Text already on the page (an earlier post of the same decision) is not this post.
  if (findText(root(), request.marker, own)) return;
  void waitFor(() => findText(root(), request.marker, own), WATCH_MS, mine.signal).then(async (range) => {
    if (!range || mine.signal.aborted) return;
    const { describeRange } = await loadAnchoring();
    const selectors: Selectors = describeRange(root(), range);
    await sendToBackground('post:shared', { decisionId: request.decisionId, selectors }).catch(() => {});
  });
}

/** Puts the summary into the page's comment box; answers how, or that there is none. */
export async function postToPage(
  request: PostRequest,
  site: Pick<SiteAdapter, 'id' | 'root'>,
  signal: AbortSignal,
): Promise<PostResult> {
  const root = () => site.root(document);
  const box = await findCommentBox(site.id);
  if (!box) return { ok: false, reason: 'no-box' };
  box.el.scrollIntoView({ block: 'center' });
  let result: PostResult = { ok: true, how: 'textarea' };
  if (box.kind === 'textarea') fillTextarea(box.el, request.text);
  else result = pasteIntoEditor(box.el, request.html ?? null, request.text);
  watchForPosted(request, box, root, signal);
  return result;
}
