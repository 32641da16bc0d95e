// The colour scheme a page declares for itself, so the sidebar on it can match (when the theme
// is "System"): GitHub's and Atlassian's data-color-mode on <html>, else <meta name=color-scheme>
// naming only one scheme. "auto", "light dark" or nothing: null, and the OS decides.
export type PageScheme = 'light' | 'dark';

export function pageScheme(doc: Document): PageScheme | null {
  const mode = doc.documentElement.getAttribute('data-color-mode');
  if (mode === 'dark' || mode === 'light') return mode;
  if (mode === 'auto') return null;
  const meta = doc.querySelector('meta[name="color-scheme"]')?.getAttribute('content') ?? '';
  const words = meta.toLowerCase().split(/\s+/).filter(Boolean);
  const only = words.filter((w) => w === 'light' || w === 'dark');
  return only.length === 1 ? (only[0] as PageScheme) : null;
}
