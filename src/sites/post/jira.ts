// Jira Cloud: the comment editor (Atlaskit, ProseMirror) under the activity feed. It stays
// collapsed behind an "Add a comment…" placeholder until clicked. Only an editor inside the
// comment area counts: the description's editor of the same kind saves what lands in it.
import { editableRoot, editorBox, lastUsable, textareaBox } from './dom';
import type { CommentBoxFinder } from './types';

const COMMENT_AREAS = ['[data-testid*="comment" i]', '#addcomment', '.issue-view-comment-editor'];
const EDITORS = COMMENT_AREAS.map((area) => `${area} [contenteditable="true"]`);
const PLACEHOLDERS = [
  '[data-testid="canned-comments.common.ui.comment-text-area-placeholder.textarea"]',
  '[data-testid*="comment" i] textarea[placeholder^="Add a comment" i]',
  '[data-testid*="comment" i] [role="textbox"][aria-readonly="true"]',
];
// Jira Data Center's plain comment field (wiki markup; Markdown there reads as plain text).
const TEXTAREAS = ['#addcomment textarea#comment', 'form#issue-comment-add textarea[name="comment"]'];

export const jira: CommentBoxFinder = {
  find: (doc) =>
    editorBox(editableRoot(lastUsable(doc, EDITORS))) ??
    textareaBox(lastUsable<HTMLTextAreaElement>(doc, TEXTAREAS)),
  opener: (doc) => lastUsable<HTMLElement>(doc, PLACEHOLDERS),
};
