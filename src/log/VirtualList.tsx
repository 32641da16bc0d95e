// A windowed list with a fixed row height: only the rows in view (and a few either side) are in
// the DOM, so 10,000 decisions scroll smoothly. Keyboard: one row is in the tab order at a time
// (roving tabindex); arrows, Page Up/Down, Home and End move between rows, scrolling as needed.
import type { ComponentChild } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useViewportHeight } from './use-viewport-height';

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  itemKey: (item: T) => string;
  renderRow: (item: T) => ComponentChild;
  /** The list's accessible name. */
  label: string;
  /** Keys a row acts on itself (Space to select, Enter to open); true when handled. */
  onRowKey?: (event: KeyboardEvent, item: T, index: number) => boolean;
  /** When this changes (a new search or filter), the list starts again at the top. */
  resetKey?: string;
  overscan?: number;
  class?: string;
}

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, rowHeight, itemKey, renderRow, label, onRowKey, resetKey, overscan = 6 } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const height = useViewportHeight(scroller);
  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState(0);
  const focusWanted = useRef(false);
  const count = items.length;
  const current = Math.min(active, Math.max(0, count - 1));
  // Scrolling re-renders the window, not the rows: a row's vnode is kept while its item and the
  // row renderer are unchanged, and Preact skips an identical vnode.
  const cache = useRef({ renderRow, rows: new Map<T, ComponentChild>() });
  if (cache.current.renderRow !== renderRow) cache.current = { renderRow, rows: new Map() };
  const rowOf = (item: T) => {
    const rows = cache.current.rows;
    let row = rows.get(item);
    if (row === undefined) {
      // Bounded: a long scroll through 10,000 rows should not keep them all.
      if (rows.size > 1000) rows.clear();
      row = renderRow(item);
      rows.set(item, row);
    }
    return row;
  };

  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
    setActive(0);
  }, [resetKey]);

  useLayoutEffect(() => {
    if (!focusWanted.current) return;
    focusWanted.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-index="${current}"]`)?.focus({ preventScroll: true });
  });

  const moveTo = (index: number) => {
    const i = Math.max(0, Math.min(count - 1, index));
    const el = scroller.current;
    if (el) {
      const top = i * rowHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + rowHeight > el.scrollTop + el.clientHeight)
        el.scrollTop = top + rowHeight - el.clientHeight;
      setScrollTop(el.scrollTop);
    }
    focusWanted.current = true;
    setActive(i);
  };

  const indexOf = (target: EventTarget | null) => {
    const row = (target as HTMLElement | null)?.closest?.('[data-index]');
    return row ? Number(row.getAttribute('data-index')) : -1;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const i = indexOf(e.target);
    if (i < 0 || e.altKey) return;
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: i + 1,
      ArrowUp: i - 1,
      PageDown: i + page,
      PageUp: i - page,
      Home: 0,
      End: count - 1,
    };
    const to = moves[e.key];
    const item = items[i];
    if (to !== undefined && !e.ctrlKey && !e.metaKey) moveTo(to);
    else if (!(item !== undefined && onRowKey?.(e, item, i))) return;
    e.preventDefault();
  };

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const shown: number[] = [];
  // The row in the tab order stays rendered even when scrolled away, so Tab can always reach it.
  if (current < first && count) shown.push(current);
  for (let i = first; i < last; i += 1) shown.push(i);
  if (current >= last && count) shown.push(current);

  return (
    <div
      ref={scroller}
      class={`vlist ${props.class ?? ''}`}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLElement).scrollTop)}
    >
      <ul
        aria-label={label}
        class="vlist-space"
        style={{ height: `${count * rowHeight}px` }}
        onKeyDown={onKeyDown}
        onFocusIn={(e) => {
          const i = indexOf(e.target);
          if (i >= 0 && i !== current) setActive(i);
        }}
      >
        {shown.map((i) => {
          const item = items[i] as T;
          return (
            <li
              key={itemKey(item)}
              class="vrow"
              data-index={i}
              tabIndex={i === current ? 0 : -1}
              aria-setsize={count}
              aria-posinset={i + 1}
              style={{ top: `${i * rowHeight}px`, height: `${rowHeight}px` }}
            >
              {rowOf(item)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
