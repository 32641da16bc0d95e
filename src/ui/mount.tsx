// Starts an extension page: jitless Zod (pages' CSP forbids eval) and the Preact root.
import type { ComponentChild } from 'preact';
import { render } from 'preact';
import * as z from 'zod/mini';
import { applyTheme } from './apply-theme';
import './theme.css';

export function mount(app: ComponentChild): void {
  z.config({ jitless: true });
  applyTheme();
  const root = document.getElementById('app');
  if (!root) throw new Error('The page has no #app element.');
  render(app, root);
}
