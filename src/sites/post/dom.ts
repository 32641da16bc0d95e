// DOM helpers the comment-box finders share: the last usable match of a list of selectors (a
// page's new-comment box comes after the comments; hidden edit forms of old comments do not count).
import type { CommentBox } from './types';

/** Not hidden, disabled or read-only, and (where the browser can tell) rendered. */
export function usable(el: Element): boolean {
  if (el.closest('[hidden], [aria-hidden="true"], [inert]')) return false;
  const field = el as HTMLTextAreaElement;
  if (field.disabled || field.readOnly) return false;
  if (el.getAttribute('contenteditable') === 'false') return false;
  const visible = (el as HTMLElement & { checkVisibility?: () => boolean }).checkVisibility;
  return typeof visible === 'function' ? visible.call(el) : true;
}

/** The last usable element matching any of `selectors`, in document order. */
export function lastUsable<T extends Element>(root: ParentNode, selectors: readonly string[]): T | null {
  const all = [...root.querySelectorAll<T>(selectors.join(','))].filter(usable);
  return all[all.length - 1] ?? null;
}

export const textareaBox = (el: HTMLTextAreaElement | null): CommentBox | null =>
  el ? { kind: 'textarea', el } : null;

export const editorBox = (el: HTMLElement | null): CommentBox | null => (el ? { kind: 'editor', el } : null);

/** The contenteditable root holding `el` (tiptap and ProseMirror mark the empty line, not the root). */
export function editableRoot(el: Element | null): HTMLElement | null {
  let root: HTMLElement | null = null;
  for (let at = el?.closest<HTMLElement>('[contenteditable="true"]'); at; ) {
    root = at;
    at = at.parentElement?.closest<HTMLElement>('[contenteditable="true"]') ?? null;
  }
  return root;
}
