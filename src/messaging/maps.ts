// The message maps, one per direction. Each entry: the request schema (validated at the
// receiver) and, through `Reply`, the type of the answer. Adding a message means adding it here
// and a handler; test/unit/messaging/maps.test.ts fails when a handler is missing.
import * as z from 'zod/mini';
import { PAGE_PARTS, type PagePerson } from '../core/page-people';
import { cleanString, Handles, Selectors } from '../core/schemas';
import type { Guard } from './guard';
import type { backgroundToContent } from './to-content';

const id = z.string().check(z.regex(/^[0-9a-f-]{36}$/));
const claimedUrl = z.optional(z.string().check(z.maxLength(2048)));
const tabId = z.number().check(z.int(), z.nonnegative());

/** Content script → background. */
export const contentToBackground = {
  // The page is the sender's (sender.url, sender.tab), as the browser says; a claimed `url` counts
  // only on the sender's origin (an app's pushState the browser has not reported yet).
  /** A page session started (load or SPA navigation): answers the page's anchors to paint. */
  'session:start': z.strictObject({ title: z.string().check(z.maxLength(500)), url: claimedUrl }),
  /** The page retitled itself (apps do after routing): the sidebar's header follows. */
  'page:title': z.strictObject({ title: z.string().check(z.maxLength(500)), url: claimedUrl }),
  /** "Log decision" on a selection (or none, for a page decision): opens the capture form. */
  'capture:start': z.strictObject({
    title: z.string().check(z.maxLength(500)),
    selectors: z.nullable(Selectors),
  }),
  /** Which anchors of this page were found, so the sidebar can mark the rest "Source changed". */
  'anchors:status': z.strictObject({
    missing: z.array(id).check(z.maxLength(5000)),
    found: z.array(id).check(z.maxLength(5000)),
  }),
  /** A highlight was clicked: show its decision in the sidebar. */
  'highlight:clicked': z.strictObject({ decisionId: id }),
  /** The sidebar frame was shown or hidden by the page-side host. */
  'sidebar:visibility': z.strictObject({ open: z.boolean() }),
  /** Re-attach: the selection a user made to replace a lost anchor. */
  'anchor:reattach': z.strictObject({ anchorId: id, selectors: Selectors }),
  /** The summary this tab was asked to post appeared in the page's comments: anchor to it. */
  'post:shared': z.strictObject({ decisionId: id, selectors: Selectors }),
  /** About to frame the sidebar or tooltip: the secret the frame must present on its port. */
  'frame:secret': z.strictObject({ kind: z.enum(['sidebar', 'tooltip']) }),
} as const;

/** Extension pages (sidebar, popup, options, log) → background. */
export const pageToBackground = {
  /** Local data changed: refresh highlights, the badge and schedule a sync. */
  'data:changed': z.strictObject({}),
  /** Show a decision's highlight in a tab (scroll and flash). */
  'tab:focus-decision': z.strictObject({ tabId, decisionId: id }),
  /** Show or hide the sidebar of a tab (the popup's button; the same path as the command). */
  'tab:toggle-sidebar': z.strictObject({ tabId }),
  /** Close the sidebar of a tab. */
  'tab:close-sidebar': z.strictObject({ tabId }),
  /** Start re-attaching an anchor: the content script takes the current selection. */
  'tab:reattach': z.strictObject({ tabId, anchorId: id }),
  /** Log a decision through the background (quick capture from the popup, tests, importers). */
  'decision:create': z.strictObject({ title: z.string().check(z.minLength(1), z.maxLength(300)) }),
  /** A host whose permission the options page was just granted: run Decidedly there. */
  'hosts:add': z.strictObject({
    host: z.string().check(z.minLength(1), z.maxLength(253)),
    site: z.enum(['jira', 'confluence', 'gitlab', 'generic']),
  }),
  /** Stop running on a host and give its permission back. */
  'hosts:remove': z.strictObject({ host: z.string().check(z.minLength(1), z.maxLength(253)) }),
  /** Connect to a sync server with an invite token (verified with GET /v1/me). */
  'sync:connect': z.strictObject({
    url: z.string().check(z.minLength(1), z.maxLength(2048)),
    token: z.string().check(z.minLength(1), z.maxLength(512)),
  }),
  /** Stop syncing; local data stays. */
  'sync:disconnect': z.strictObject({}),
  /** Remove the workspace's local copy (only when disconnected; the page confirms first). */
  'sync:remove-local': z.strictObject({}),
  /** Sync now (a page opened, or a person asked). */
  'sync:now': z.strictObject({}),
  /** The current connection, without the token. */
  'sync:connection': z.strictObject({}),
  /** Open a decision where it was made: focus or open its page, flash the highlight, show it in the sidebar. */
  'decision:open': z.strictObject({ decisionId: id, anchorId: z.optional(id) }),
} as const;

export { backgroundToContent } from './to-content';

const shortText = (max: number) => cleanString.check(z.minLength(1), z.maxLength(max));

/**
 * The content script's answer to `people:read`, checked by the background before the sidebar
 * sees it: what a page says about its people is the page's to make up, so only this shape passes.
 */
export const PagePeopleReply = z.strictObject({
  people: z
    .array(
      z.strictObject({
        name: shortText(120),
        handle: z.nullable(Handles.check(z.maxLength(260))),
        email: z.nullable(shortText(254)),
        parts: z.array(z.enum(PAGE_PARTS)).check(z.minLength(1), z.maxLength(PAGE_PARTS.length)),
      }),
    )
    .check(z.maxLength(100)),
});

/** What a content script needs to paint an anchor; no status, title or text of the decision. */
export interface AnchorPaint {
  anchorId: string;
  decisionId: string;
  selectors: z.infer<typeof Selectors> | null;
}

export interface PageInfo {
  pageKey: string;
  site: string;
  canHighlight: boolean;
}

/** A sync connection as pages see it: never the token. */
export interface SyncConnectionInfo {
  url: string;
  workspaceId: string;
  workspaceName: string;
  memberId: string;
  memberName: string;
}

export interface TabInfo extends PageInfo {
  tabId: number;
  url: string;
  title: string;
}

/** The answers, per message. */
export interface Replies {
  'session:start': PageInfo & { anchors: AnchorPaint[] };
  'page:title': { ok: boolean };
  'capture:start': { ok: true };
  'anchors:status': { ok: true };
  'highlight:clicked': { ok: true };
  'sidebar:visibility': { ok: true };
  'anchor:reattach': { ok: true };
  'frame:secret': { secret: string };
  'data:changed': { ok: true };
  'tab:focus-decision': { ok: boolean };
  'tab:close-sidebar': { ok: boolean };
  'tab:toggle-sidebar': { open: boolean };
  'tab:reattach': { ok: boolean };
  'decision:create': { id: string };
  'sync:connect': SyncConnectionInfo;
  'sync:disconnect': { ok: true };
  'sync:remove-local': { ok: true };
  'sync:now': { ok: true };
  'sync:connection': SyncConnectionInfo | null;
  'hosts:add': { hosts: { host: string; site: string }[] };
  'hosts:remove': { hosts: { host: string; site: string }[] };
  'decision:open': { ok: boolean };
  'sidebar:toggle': { open: boolean };
  'capture:selection': { ok: boolean };
  'page:refresh': { ok: true };
  'highlight:focus': { ok: boolean };
  'reattach:selection': { ok: boolean };
  'page:post': PostResult;
  'post:shared': { ok: true };
  'people:read': { people: PagePerson[] };
}

/** How a summary went into a page: filled into a textarea, pasted into an editor, or no box found. */
export type PostResult =
  | { ok: true; how: 'textarea' | 'paste' | 'insert-html' | 'insert-text' }
  | { ok: false; reason: 'no-box' | 'no-page' };

export type Maps = {
  contentToBackground: typeof contentToBackground;
  pageToBackground: typeof pageToBackground;
  backgroundToContent: typeof backgroundToContent;
};
export type Direction = keyof Maps;
export type MessageName<D extends Direction> = keyof Maps[D] & keyof Replies;
export type Payload<D extends Direction, K extends MessageName<D>> =
  Maps[D][K] extends Guard<infer T> ? T : Maps[D][K] extends z.ZodMiniType ? z.input<Maps[D][K]> : never;
export type Reply<K extends keyof Replies> = Replies[K];

/** The envelope on the wire: the direction lets a receiver ignore messages not meant for it. */
export interface Envelope {
  dir: Direction;
  name: string;
  payload: unknown;
}

/** Every failed request answers this instead of crashing the receiver. */
export interface ErrorReply {
  error: { code: 'bad-request' | 'forbidden' | 'unknown-message' | 'failed'; message: string };
}
