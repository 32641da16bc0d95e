// Where a site's new-comment box is, for posting a decision's summary (src/content/page-post.ts).

/** A page's comment box: a Markdown textarea, or a rich-text editor (contenteditable). */
export type CommentBox = { kind: 'textarea'; el: HTMLTextAreaElement } | { kind: 'editor'; el: HTMLElement };

export interface CommentBoxFinder {
  /** The open new-comment box, or null. */
  find(doc: Document): CommentBox | null;
  /** What to click to open a collapsed box ("Add a comment…"), when the site collapses it. */
  opener?(doc: Document): HTMLElement | null;
}
