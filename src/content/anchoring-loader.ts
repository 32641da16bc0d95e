// The anchoring code (text index, matching, highlight painter) is a module of its own, loaded
// from the extension only when a page has decisions or a person captures: the many pages with
// neither never download, parse or run it (the content script budget is 12 KB gzip).
import type * as Anchoring from '../anchoring/index';
import { api } from '../messaging/browser-api';

/** The built module's path in the extension (see vite.config.ts and web_accessible_resources). */
export const ANCHORING_FILE = 'anchoring.js';

let loading: Promise<typeof Anchoring> | undefined;

export function loadAnchoring(): Promise<typeof Anchoring> {
  loading ??= import(/* @vite-ignore */ api.runtime.getURL(ANCHORING_FILE)) as Promise<typeof Anchoring>;
  return loading;
}
