// GitHub: the new-comment textarea at the end of an issue's or pull request's conversation. The
// classic page names it #new_comment_field (comment[body]); the React issue view labels its
// Markdown editor's textarea.
import { lastUsable, textareaBox } from './dom';
import type { CommentBoxFinder } from './types';

const TEXTAREAS = [
  'textarea#new_comment_field',
  'form.js-new-comment-form textarea[name="comment[body]"]',
  'textarea[aria-label="Markdown value"]',
  'textarea[placeholder="Use Markdown to format your comment"]',
  'textarea[placeholder="Leave a comment"]',
];

export const github: CommentBoxFinder = {
  find: (doc) => textareaBox(lastUsable<HTMLTextAreaElement>(doc, TEXTAREAS)),
};
