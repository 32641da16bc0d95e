// The click-jacking guard's visibility watch (visible-guard.ts) as a Preact hook.
import { useEffect, useRef } from 'preact/hooks';
import { type VisibilityWatch, watchVisibility } from './visible-guard';

/**
 * The visibility watch of one control, for as long as it is mounted: `verified()` says whether
 * the browser vouches it has been visible long enough for a click on it to run at once.
 */
export function useVisibilityGuard<T extends Element>() {
  const ref = useRef<T>(null);
  const watch = useRef<VisibilityWatch | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const w = watchVisibility(ref.current);
    watch.current = w;
    return w.stop;
  }, []);
  return { ref, verified: () => watch.current?.verified() ?? false };
}
