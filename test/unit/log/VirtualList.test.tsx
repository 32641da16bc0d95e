// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualList } from '../../../src/log/VirtualList';

const ITEMS = Array.from({ length: 10_000 }, (_, i) => `Decision ${i}`);
let root: HTMLDivElement;

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(onRowKey?: (e: KeyboardEvent, item: string) => boolean, resetKey = '') {
  act(() => {
    render(
      <VirtualList
        items={ITEMS}
        rowHeight={50}
        itemKey={(s) => s}
        renderRow={(s) => <span class="text">{s}</span>}
        label="Decisions"
        onRowKey={onRowKey}
        resetKey={resetKey}
      />,
      root,
    );
  });
  const scroller = root.querySelector('.vlist') as HTMLElement;
  return { scroller, list: root.querySelector('ul') as HTMLUListElement };
}

const shownTexts = () => [...root.querySelectorAll('li .text')].map((e) => e.textContent);
const press = (target: Element, key: string) =>
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });

describe('VirtualList', () => {
  it('renders only the rows in view, in a spacer as tall as every row', () => {
    const { list } = mount();
    expect(list.style.height).toBe(`${10_000 * 50}px`);
    const shown = shownTexts();
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThan(60);
    expect(shown[0]).toBe('Decision 0');
    expect(list.getAttribute('aria-label')).toBe('Decisions');
    expect(list.querySelector('li')?.getAttribute('aria-setsize')).toBe('10000');
  });

  it('renders the rows of the scrolled-to window', () => {
    const { scroller } = mount();
    act(() => {
      scroller.scrollTop = 250_000;
      scroller.dispatchEvent(new Event('scroll'));
    });
    const shown = shownTexts();
    expect(shown).toContain('Decision 5000');
    expect(shown).not.toContain('Decision 100');
    // The row in the tab order stays rendered, so Tab can always reach the list.
    expect(shown[0]).toBe('Decision 0');
    const row = [...root.querySelectorAll<HTMLElement>('li')].find(
      (li) => li.textContent === 'Decision 5000',
    );
    expect(row?.style.top).toBe('250000px');
    expect(row?.getAttribute('aria-posinset')).toBe('5001');
  });

  it('keeps one row in the tab order and moves it with the arrow, Home and End keys', () => {
    mount();
    const tabbable = () =>
      [...root.querySelectorAll<HTMLElement>('li[tabindex="0"]')].map((li) => li.textContent);
    expect(tabbable()).toEqual(['Decision 0']);
    press(root.querySelector('li[tabindex="0"]') as Element, 'ArrowDown');
    expect(tabbable()).toEqual(['Decision 1']);
    expect(document.activeElement?.textContent).toBe('Decision 1');
    press(document.activeElement as Element, 'End');
    expect(tabbable()).toEqual(['Decision 9999']);
    expect(document.activeElement?.textContent).toBe('Decision 9999');
    press(document.activeElement as Element, 'Home');
    expect(document.activeElement?.textContent).toBe('Decision 0');
    press(document.activeElement as Element, 'ArrowUp');
    expect(document.activeElement?.textContent).toBe('Decision 0');
  });

  it('hands other keys on a row to the row handler', () => {
    const seen: string[] = [];
    mount((e, item) => {
      seen.push(`${e.key}:${item}`);
      return e.key === ' ';
    });
    const row = root.querySelector('li[tabindex="0"]') as Element;
    const space = new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true });
    act(() => {
      row.dispatchEvent(space);
    });
    expect(seen).toEqual([' :Decision 0']);
    expect(space.defaultPrevented).toBe(true);
  });

  it('starts again at the top when the reset key changes', () => {
    const { scroller } = mount(undefined, 'a');
    act(() => {
      scroller.scrollTop = 100_000;
      scroller.dispatchEvent(new Event('scroll'));
    });
    expect(shownTexts()).not.toContain('Decision 1');
    mount(undefined, 'b');
    expect(scroller.scrollTop).toBe(0);
    expect(shownTexts()).toContain('Decision 1');
  });
});
