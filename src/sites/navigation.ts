// Tells the page session when a single-page app changes the URL, from the content script's isolated world.
//
// The content script cannot see the page's own `history.pushState` calls (patching it in the isolated
// world only patches our copy), so it listens to what both worlds share: Navigation API events where
// the browser has them (Chromium), popstate/hashchange, and <head> mutations — apps retitle the tab
// when they route. Where the Navigation API is missing a slow poll catches the rest.

export interface WatchNavigationOptions {
  /** Poll interval where the Navigation API is missing; low, since every other signal is an event. */
  pollMs?: number;
}

type NavigationTarget = Pick<EventTarget, 'addEventListener'>;

function navigationApi(): NavigationTarget | undefined {
  const candidate = (globalThis as { navigation?: NavigationTarget }).navigation;
  return typeof candidate?.addEventListener === 'function' ? candidate : undefined;
}

/**
 * Calls `onChange(url)` once per change of `location.href` (fragment changes included; the caller
 * compares page keys). Every listener, observer and timer is released when `signal` aborts.
 */
export function watchNavigation(
  onChange: (url: string) => void,
  signal: AbortSignal,
  options: WatchNavigationOptions = {},
): void {
  if (signal.aborted) return;
  let last = location.href;
  const check = (): void => {
    if (signal.aborted) return;
    const href = location.href;
    if (href === last) return;
    last = href;
    onChange(href);
  };
  const listen = { signal };

  const navigation = navigationApi();
  // currententrychange fires for pushState/replaceState and traversals; navigatesuccess for
  // navigations the app intercepted with navigate().
  navigation?.addEventListener('currententrychange', check, listen);
  navigation?.addEventListener('navigatesuccess', check, listen);
  addEventListener('popstate', check, listen);
  addEventListener('hashchange', check, listen);

  const observer = new MutationObserver(check);
  observer.observe(document.head ?? document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });

  if (!navigation) {
    const timer = setInterval(check, options.pollMs ?? 1000);
    signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  }
}

/**
 * Calls `onChange(title)` when what `read()` returns differs from the last title reported, the
 * first being `initial`: single-page apps set the new document.title after pushState, so the
 * title read when the page session started may already be stale when this starts watching.
 */
export function watchTitle(
  read: () => string,
  initial: string,
  onChange: (title: string) => void,
  signal: AbortSignal,
): void {
  if (signal.aborted) return;
  let last = initial;
  const check = () => {
    const title = read();
    if (title === last || signal.aborted) return;
    last = title;
    onChange(title);
  };
  const observer = new MutationObserver(check);
  observer.observe(document.head ?? document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  check();
}
