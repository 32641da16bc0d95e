// Confluence Cloud: the page's footer comment editor (Atlaskit), opened from its "Add a comment"
// placeholder. The page body's own editor (edit mode) is never a target.
import { editableRoot, editorBox, lastUsable } from './dom';
import type { CommentBoxFinder } from './types';

const AREAS = ['#comments-section', '[data-testid*="comment" i]'];
const EDITORS = AREAS.map((a) => `${a} [contenteditable="true"]`);
const PLACEHOLDERS = [
  ...AREAS.map((a) => `${a} [placeholder*="comment" i]`),
  '#comments-section .quick-comment-prompt',
  '[data-testid="footer-comment-placeholder"]',
];

export const confluence: CommentBoxFinder = {
  find: (doc) => editorBox(editableRoot(lastUsable(doc, EDITORS))),
  opener: (doc) => lastUsable<HTMLElement>(doc, PLACEHOLDERS),
};
