// The sidebar's host (frame, resizing, handshake) is a module of its own, `sidebar-host.js`,
// loaded when a person first opens the sidebar: most pages never show it, and the content
// script's 12 KB gzip budget is better spent on what every page runs.
import { api } from '../messaging/browser-api';
import type * as Host from './sidebar-host';

/** The built module's path in the extension (see vite.config.ts and web_accessible_resources). */
export const SIDEBAR_HOST_FILE = 'sidebar-host.js';

let loading: Promise<typeof Host> | undefined;

export function loadSidebarHost(): Promise<typeof Host> {
  loading ??= import(/* @vite-ignore */ api.runtime.getURL(SIDEBAR_HOST_FILE)) as Promise<typeof Host>;
  return loading;
}
