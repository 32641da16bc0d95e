// Notion: a discussion's comment box ("Add a comment…"). Every block of a Notion page is editable
// and saves at once, so only a box whose placeholder or label says "comment" is ever a target.
import { editorBox, lastUsable } from './dom';
import type { CommentBoxFinder } from './types';

const BOXES = [
  '[contenteditable="true"][placeholder*="comment" i]',
  '[contenteditable="true"][aria-placeholder*="comment" i]',
  '[contenteditable="true"][aria-label*="comment" i]',
];

export const notion: CommentBoxFinder = {
  find: (doc) => editorBox(lastUsable<HTMLElement>(doc, BOXES)),
};
