// The visible height of a scrolling element, followed as the window or layout resizes, so a
// windowed list renders just the rows that fit.
import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';

export function useViewportHeight(ref: RefObject<HTMLElement | null>): number {
  // Before the first measure, guess the window: too many rows for one frame beats a blank list.
  const [height, setHeight] = useState(() => (typeof innerHeight === 'number' ? innerHeight : 800));
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (el.clientHeight) setHeight(el.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setHeight((h) => el.clientHeight || h));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return height;
}
