// The theme of an extension page: the Options choice, else (System) the scheme of the page the
// sidebar sits on when that page declares one, else the OS. Set as data-theme on the root, which
// theme.css reads; followed live when Options changes it.
import { loadSettings, onSettingsChanged, type Theme } from '../storage/settings';

export type Scheme = 'light' | 'dark';

/** The data-theme a page gets, or null to follow the OS. */
export function themeFor(theme: Theme, pageScheme: Scheme | null): Scheme | null {
  return theme === 'system' ? pageScheme : theme;
}

export function setTheme(root: HTMLElement, scheme: Scheme | null): void {
  if (scheme) root.dataset.theme = scheme;
  else delete root.dataset.theme;
}

/** The page's scheme the content script passed to the sidebar (`?scheme=dark`), or null. */
export function schemeFromUrl(search: string): Scheme | null {
  const value = new URLSearchParams(search).get('scheme');
  return value === 'light' || value === 'dark' ? value : null;
}

export function applyTheme(root = document.documentElement): () => void {
  const pageScheme = schemeFromUrl(location.search);
  setTheme(root, pageScheme);
  void loadSettings()
    .then((s) => setTheme(root, themeFor(s.theme, pageScheme)))
    .catch(() => {});
  return onSettingsChanged((s) => setTheme(root, themeFor(s.theme, pageScheme)));
}
