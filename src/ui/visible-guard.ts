// Click-jacking guard for destructive and status-changing actions. A hostile page cannot read our
// frame but can make its host transparent or cover it, and trick a person into clicking through
// it. Where the browser can vouch that the button was really visible (IntersectionObserver v2,
// Chromium) the click runs; everywhere else (Firefox, or not verified) a confirm step on another
// spot is required. Synthetic (untrusted) clicks never run anything.

/** How long the button must have been reported visible before a click counts as seen. */
export const MIN_VISIBLE_MS = 500;

export interface VisibilityWatch {
  /** True when the browser has reported the element visible for at least MIN_VISIBLE_MS. */
  verified(): boolean;
  stop(): void;
}

const unverified: VisibilityWatch = { verified: () => false, stop: () => {} };

// Not yet in TypeScript's DOM types.
type V2Init = IntersectionObserverInit & { trackVisibility: boolean; delay: number };
type V2Entry = IntersectionObserverEntry & { isVisible?: boolean };

export function watchVisibility(el: Element, now: () => number = () => performance.now()): VisibilityWatch {
  const IO = globalThis.IntersectionObserver;
  if (typeof IO !== 'function') return unverified;
  let since: number | null = null;
  let observer: IntersectionObserver;
  try {
    const init: V2Init = { threshold: [1], trackVisibility: true, delay: 100 };
    observer = new IO((entries) => {
      for (const entry of entries) {
        // Browsers without v2 leave isVisible undefined: never counted as seen.
        if ((entry as V2Entry).isVisible === true) since ??= now();
        else since = null;
      }
    }, init);
    observer.observe(el);
  } catch {
    return unverified;
  }
  return {
    verified: () => since !== null && now() - since >= MIN_VISIBLE_MS,
    stop: () => observer.disconnect(),
  };
}
