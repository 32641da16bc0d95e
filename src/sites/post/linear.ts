// Linear: the comment composer under an issue's activity — a ProseMirror editor whose empty line
// carries a "Leave a comment…" placeholder. The description is an editor too, and saves as you
// type, so only an editor that says it is for comments is ever a target.
import { editableRoot, editorBox, lastUsable } from './dom';
import type { CommentBoxFinder } from './types';

const MARKED = [
  '[contenteditable="true"][aria-label*="comment" i]',
  '[contenteditable="true"] [data-placeholder*="comment" i]',
  '[contenteditable="true"][data-placeholder*="comment" i]',
];

export const linear: CommentBoxFinder = {
  find: (doc) => editorBox(editableRoot(lastUsable(doc, MARKED))),
};
