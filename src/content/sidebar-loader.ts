// Parts of the content script that are modules of their own, loaded when first needed: the
// sidebar's host (frame, resizing, handshake) when a person first opens the sidebar, the hover
// tip when a page first paints a decision, the page's people when the RACI editor asks. Most
// pages need none of them, and the content script's 12 KB gzip budget is better spent on what
// every page runs.
import { api } from '../messaging/browser-api';
import type * as Tip from './hover-tip';
import type * as People from './page-people';
import type * as Host from './sidebar-host';

/** The built module's path in the extension (see vite.config.ts and web_accessible_resources). */
export const SIDEBAR_HOST_FILE = 'sidebar-host.js';

let loading: Promise<typeof Host> | undefined;

export function loadSidebarHost(): Promise<typeof Host> {
  loading ??= import(/* @vite-ignore */ api.runtime.getURL(SIDEBAR_HOST_FILE)) as Promise<typeof Host>;
  return loading;
}

/** The hover tip's built module (see vite.config.ts). */
export const HOVER_TIP_FILE = 'hover-tip.js';

let tipLoading: Promise<typeof Tip> | undefined;

export function loadHoverTip(): Promise<typeof Tip> {
  tipLoading ??= import(/* @vite-ignore */ api.runtime.getURL(HOVER_TIP_FILE)) as Promise<typeof Tip>;
  return tipLoading;
}

/** The page-people readers' built module (see vite.config.ts). */
export const PAGE_PEOPLE_FILE = 'page-people.js';

let peopleLoading: Promise<typeof People> | undefined;

export function loadPagePeople(): Promise<typeof People> {
  peopleLoading ??= import(/* @vite-ignore */ api.runtime.getURL(PAGE_PEOPLE_FILE)) as Promise<typeof People>;
  return peopleLoading;
}
