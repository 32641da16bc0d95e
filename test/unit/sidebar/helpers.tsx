// Rendering sidebar components against the real repositories on fake-indexeddb, and driving them
// as a keyboard user would: type, press keys, wait for the live queries to catch up.
import { type ComponentChild, render } from 'preact';
import { act as flushRender } from 'preact/test-utils';
import { writeContext } from '../../../src/storage/context';
import { database } from '../../../src/storage/db';
import type { WriteContext } from '../../../src/storage/write';

let root: HTMLElement | undefined;

export async function mountUi(ui: ComponentChild): Promise<HTMLElement> {
  root = document.createElement('div');
  document.body.append(root);
  const target = root;
  await flushRender(() => render(ui, target));
  return target;
}

export async function unmountUi(): Promise<void> {
  if (!root) return;
  const target = root;
  await flushRender(() => render(null, target));
  target.remove();
  root = undefined;
}

/** Empties every table of the pages' database between tests. */
export async function freshDb(): Promise<WriteContext> {
  const db = database();
  await Promise.all(db.tables.map((t) => t.clear()));
  return writeContext();
}

/** The control a label names (exact text), as a keyboard or screen-reader user would find it. */
export function byLabel<T extends HTMLElement = HTMLInputElement>(scope: ParentNode, text: string): T {
  const label = [...scope.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
  const id = label?.getAttribute('for');
  const control = id
    ? scope.querySelector(`#${CSS.escape(id)}`)
    : label?.querySelector('input,select,textarea');
  if (!control) throw new Error(`No control labelled "${text}"`);
  return control as T;
}

export function button(scope: ParentNode, text: string | RegExp): HTMLButtonElement {
  const found = [...scope.querySelectorAll('button')].find((b) => {
    const name = (b.getAttribute('aria-label') ?? b.textContent ?? '').replace(/\s+/g, ' ').trim();
    return typeof text === 'string' ? name === text : text.test(name);
  });
  if (!found) throw new Error(`No button "${text}"`);
  return found;
}

export async function type(el: HTMLInputElement | HTMLTextAreaElement, text: string) {
  await flushRender(() => {
    el.focus();
    el.value = text;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function choose(el: HTMLSelectElement, value: string) {
  await flushRender(() => {
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export async function press(el: HTMLElement, key: string, init: KeyboardEventInit = {}) {
  await flushRender(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  });
}

/** A person's click: browsers mark it trusted (happy-dom leaves isTrusted undefined). */
export async function click(el: HTMLElement) {
  const event = new PointerEvent('click', { bubbles: true, composed: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  await flushRender(() => {
    el.dispatchEvent(event);
  });
}

/** A click made by a script (the hostile page's kind). */
export async function scriptClick(el: HTMLElement) {
  await flushRender(() => el.click());
}
