// @vitest-environment happy-dom
// The theme: the Options choice, else the page's declared scheme for the sidebar, else the OS.
import { describe, expect, it } from 'vitest';
import { pageScheme } from '../../../src/content/page-scheme';
import { migrateSettings } from '../../../src/storage/settings';
import { schemeFromUrl, setTheme, themeFor } from '../../../src/ui/apply-theme';

const page = (html: string, attrs: Record<string, string> = {}) => {
  const doc = document.implementation.createHTMLDocument('p');
  doc.head.innerHTML = html;
  for (const [k, v] of Object.entries(attrs)) doc.documentElement.setAttribute(k, v);
  return doc;
};

describe('page scheme', () => {
  it('reads GitHub and Jira data-color-mode, and a meta color-scheme naming one scheme', () => {
    expect(pageScheme(page('', { 'data-color-mode': 'dark' }))).toBe('dark');
    expect(pageScheme(page('', { 'data-color-mode': 'light' }))).toBe('light');
    expect(
      pageScheme(page('<meta name="color-scheme" content="light dark">', { 'data-color-mode': 'auto' })),
    ).toBe(null);
    expect(pageScheme(page('<meta name="color-scheme" content="dark">'))).toBe('dark');
    expect(pageScheme(page('<meta name="color-scheme" content="light dark">'))).toBeNull();
    expect(pageScheme(page(''))).toBeNull();
  });
});

describe('theme', () => {
  it('lets the Options choice win, and "System" follow the page, then the OS', () => {
    expect(themeFor('dark', 'light')).toBe('dark');
    expect(themeFor('light', null)).toBe('light');
    expect(themeFor('system', 'dark')).toBe('dark');
    expect(themeFor('system', null)).toBeNull();
    expect(schemeFromUrl('?scheme=dark')).toBe('dark');
    expect(schemeFromUrl('?scheme=<x>')).toBeNull();
  });

  it('sets and clears data-theme on the root', () => {
    const root = document.createElement('html');
    setTheme(root, 'dark');
    expect(root.dataset.theme).toBe('dark');
    setTheme(root, null);
    expect(root.hasAttribute('data-theme')).toBe(false);
  });

  it('keeps a stored choice and drops one it does not know', () => {
    expect(migrateSettings({ version: 1, values: { theme: 'dark' } }).theme).toBe('dark');
    expect(migrateSettings({ version: 1, values: { theme: 'neon' } }).theme).toBe('system');
  });
});
