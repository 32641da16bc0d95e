// Parts of the content script that are modules of their own, loaded when first needed: the
// sidebar's host (frame, resizing, handshake) when a person first opens the sidebar, the hover tip
// when a page first paints a decision, "Post to this page" when a person posts, and the page's
// people when the RACI editor asks. Most pages need none, and the content script's 12 KB gzip
// budget is better spent on what every page runs. No cache of our own: the browser's module map
// answers a second import of a URL with the module it already loaded.
import { api } from '../messaging/browser-api';
import type * as Tip from './hover-tip';
import type * as People from './page-people';
import type * as Post from './page-post';
import type * as Host from './sidebar-host';

/** A built module of the extension (see vite.config.ts and web_accessible_resources). */
export const loadModule = <T>(file: string): Promise<T> =>
  import(/* @vite-ignore */ api.runtime.getURL(file)) as Promise<T>;

export const loadSidebarHost = () => loadModule<typeof Host>('sidebar-host.js');
export const loadHoverTip = () => loadModule<typeof Tip>('hover-tip.js');
export const loadPagePost = () => loadModule<typeof Post>('page-post.js');
export const loadPagePeople = () => loadModule<typeof People>('page-people.js');
