// GitLab: the main comment form of an issue or merge request — a Markdown textarea
// (#note-body / note[note]) or, with the rich text editor switched on, its tiptap editor.
import { editableRoot, editorBox, lastUsable, textareaBox } from './dom';
import type { CommentBoxFinder } from './types';

const TEXTAREAS = [
  '.js-main-target-form textarea#note-body',
  '.js-main-target-form textarea[name="note[note]"]',
  'textarea#note-body',
  'textarea[data-testid="comment-field"]',
];
const EDITORS = [
  '.js-main-target-form [data-testid="content_editor_editablebox"] [contenteditable="true"]',
  '.js-main-target-form .ProseMirror[contenteditable="true"]',
];

export const gitlab: CommentBoxFinder = {
  find: (doc) =>
    textareaBox(lastUsable<HTMLTextAreaElement>(doc, TEXTAREAS)) ??
    editorBox(editableRoot(lastUsable(doc, EDITORS))),
};
