// The long-lived port between an extension frame inside a web page (sidebar, tooltip) and the
// background. Such a frame owns no storage (DESIGN §5): it subscribes to queries, which the
// background answers with Dexie liveQuery pushes, and sends its writes as calls. Every frame →
// background message is validated here, at the receiver; nothing but `hello` is answered before
// the frame has proven, with the secret its host content script handed it, that our content
// script framed it (DESIGN §6).
import * as z from 'zod/mini';
import type { PendingCapture } from '../background/tab-state';
import type { DecisionBundle } from '../core/export/bundle';
import type { PagePerson } from '../core/page-people';
import {
  type Anchor,
  type Decision,
  type FollowUp,
  Handles,
  RACI,
  type Role,
  Selectors,
  STANCES,
  type Stakeholder,
} from '../core/schemas';
import type { SyncStatus } from '../sync/status';
import type { PostResult, TabInfo } from './maps';

export const FRAME_PORT = 'decidedly-frame';
export const FRAME_KINDS = ['sidebar', 'tooltip'] as const;
export type FrameKind = (typeof FRAME_KINDS)[number];

const id = z.string().check(z.regex(/^[0-9a-f-]{36}$/));
const text = (max: number) => z.string().check(z.maxLength(max));
const iso = z.string().check(z.maxLength(40));
const LONG = 20_000;

const DecisionOption = z.strictObject({
  id: text(64),
  title: text(300),
  pros: text(LONG),
  cons: text(LONG),
  chosen: z.boolean(),
});
const Tradeoff = z.strictObject({ id: text(64), gain: text(2000), cost: text(2000), bornBy: text(100) });
const DecisionFields = z.partial(
  z.strictObject({
    title: text(300),
    context: text(LONG),
    rationale: text(LONG),
    consequences: text(LONG),
    options: z.array(DecisionOption).check(z.maxLength(50)),
    tradeoffs: z.array(Tradeoff).check(z.maxLength(50)),
    risks: text(LONG),
    tags: z.array(text(60)).check(z.maxLength(50)),
    reviewAt: z.nullable(iso),
    supersedes: z.nullable(id),
  }),
);
const NewDecision = z.extend(DecisionFields, { title: text(300) });
const AnchorFields = z.strictObject({
  pageKey: text(2048),
  url: text(8192),
  pageTitle: text(500),
  site: text(40),
  selectors: z.nullable(Selectors),
});
const StakeholderFields = z.partial(
  z.strictObject({
    name: text(120),
    email: z.nullable(text(254)),
    function: text(60),
    interests: text(LONG),
    power: z.boolean(),
    legitimacy: z.boolean(),
    urgency: z.boolean(),
    memberId: z.nullable(text(64)),
    handle: z.nullable(Handles),
  }),
);
const FollowUpFields = z.strictObject({
  title: text(300),
  ownerId: z.optional(z.nullable(id)),
  dueAt: z.optional(z.nullable(iso)),
  snoozedUntil: z.optional(z.nullable(iso)),
});
const QuickAddDraft = z.strictObject({
  title: text(300),
  mentions: z.array(text(120)).check(z.maxLength(20)),
  tags: z.array(text(60)).check(z.maxLength(50)),
  status: z.optional(z.enum(['proposed', 'decided', 'revisiting', 'rejected'])),
  dueAt: z.nullable(iso),
});
const ExportScope = z.union([z.literal('all'), z.array(id).check(z.maxLength(10_000))]);
const ExportFormat = z.enum(['madr', 'csv', 'json', 'annotations']);

/** Queries a frame may subscribe to: their arguments. The results are in `QueryResults`. */
export const frameQueries = {
  /** The tab this frame sits in and its state (capture, focus, missing anchors). */
  tab: z.tuple([]),
  /** The decisions of a page, as the sidebar's list shows them. */
  'page:summary': z.tuple([text(2048)]),
  /** One decision's record, with the directory and its supersede links. */
  'decision:record': z.tuple([id]),
  /** The stakeholder directory. */
  'people:directory': z.tuple([]),
  /** A decision's title and status, for the hover tip. */
  'decision:tip': z.tuple([id]),
  /** The sync status line. */
  'sync:status': z.tuple([]),
} as const;

/** Writes and actions a frame may call: their arguments (the repositories' minus the context). */
export const frameCalls = {
  createDecision: z.tuple([NewDecision, z.optional(AnchorFields)]),
  updateDecision: z.tuple([id, DecisionFields]),
  setStatus: z.tuple([id, z.enum(['proposed', 'decided', 'revisiting', 'rejected'])]),
  supersede: z.tuple([id, NewDecision]),
  deleteDecision: z.tuple([id]),
  undeleteDecision: z.tuple([id]),
  createFromQuickAdd: z.tuple([QuickAddDraft, z.optional(AnchorFields)]),
  addFollowUp: z.tuple([id, FollowUpFields]),
  setFollowUpDone: z.tuple([id, z.boolean()]),
  deleteFollowUp: z.tuple([id]),
  createStakeholder: z.tuple([z.extend(StakeholderFields, { name: text(120) })]),
  updateStakeholder: z.tuple([id, StakeholderFields]),
  addRole: z.tuple([id, id, z.enum(RACI)]),
  updateRole: z.tuple([
    id,
    z.strictObject({
      raci: z.optional(z.enum(RACI)),
      stance: z.optional(z.enum(STANCES)),
      note: z.optional(text(LONG)),
    }),
  ]),
  removeRole: z.tuple([id]),
  resolveConflict: z.tuple([z.literal('decisions'), id, text(40), text(LONG)]),
  /** Builds an export file; the frame saves it. */
  exportFile: z.tuple([ExportScope, ExportFormat]),
  /** The capture form was saved or cancelled: forget the pending capture. */
  'tab:clear-capture': z.tuple([]),
  /** The decision a highlight click asked for is shown: forget the request. */
  'tab:clear-focus': z.tuple([]),
  /** "Log a page decision": a capture with no passage, on the tab's page. */
  'tab:page-decision': z.tuple([]),
  /** Scroll the tab's page to a decision's highlight. */
  'tab:focus-decision': z.tuple([id]),
  'tab:close-sidebar': z.tuple([]),
  /** Re-attach an anchor from the page's current selection. */
  'tab:reattach': z.tuple([id]),
  /** Open the decision log (a frame in a page has no `tabs` API in Firefox). */
  'log:open': z.tuple([z.optional(text(2000))]),
  /** Put a decision's summary into the tab's comment box (the person submits it themselves). */
  'tab:post': z.tuple([id]),
  /** The people the tab's page names, with their parts (read by the content script on demand). */
  'tab:page-people': z.tuple([]),
} as const;

export type QueryName = keyof typeof frameQueries;
export type CallName = keyof typeof frameCalls;
export type QueryArgs<Q extends QueryName> = z.output<(typeof frameQueries)[Q]>;
export type CallArgs<C extends CallName> = z.output<(typeof frameCalls)[C]>;

/** Frame → background. */
export const FrameMessage = z.discriminatedUnion('t', [
  /** The handshake: the secret the host content script handed this frame. */
  z.strictObject({ t: z.literal('hello'), kind: z.enum(FRAME_KINDS), secret: text(200) }),
  z.strictObject({ t: z.literal('sub'), id: z.number(), query: z.string(), args: z.unknown() }),
  z.strictObject({ t: z.literal('unsub'), id: z.number() }),
  z.strictObject({ t: z.literal('call'), id: z.number(), name: z.string(), args: z.unknown() }),
]);
export type FrameMessage = z.output<typeof FrameMessage>;

/** An error as it crosses the port: enough for the frame to say what was not saved and why. */
export interface WireError {
  message: string;
  code: string;
  /** The browser did not store the change (not a refusal by the domain rules). */
  storage: boolean;
  quota: boolean;
}

/** Background → frame. */
export type BackgroundFrameMessage =
  | { t: 'ready' }
  | { t: 'denied' }
  | { t: 'data'; id: number; value: unknown }
  | { t: 'reply'; id: number; value: unknown }
  | { t: 'reply'; id: number; error: WireError };

export { SECRET_ANSWER, SECRET_REQUEST } from './frame-handshake';

/** What the sidebar knows of its tab: the page, and the state the background keeps for it. */
export interface TabView {
  info: TabInfo;
  capture: PendingCapture | null;
  focusDecisionId: string | null;
  missingAnchors: string[];
}

/** A page's decisions as they cross the port (JSON: no Map). */
export interface PageSummaryWire {
  cards: { decision: Decision; roles: Role[]; followUps: FollowUp[]; anchors: Anchor[] }[];
  anchors: Anchor[];
  people: Stakeholder[];
}

export interface RecordData {
  bundle: DecisionBundle;
  directory: Stakeholder[];
  supersedes: Decision | null;
  supersededBy: Decision | null;
}

/** The answers, per query. */
export interface QueryResults {
  tab: TabView | null;
  'page:summary': PageSummaryWire;
  'decision:record': RecordData | null;
  'people:directory': Stakeholder[];
  'decision:tip': { title: string; status: Decision['status'] } | null;
  'sync:status': { status: SyncStatus; pending: number };
}

export interface ExportedFile {
  name: string;
  type: string;
  /** Text, or base64 for binary formats (a zip). */
  data: string;
  base64: boolean;
}

/** The answers, per call. */
export interface CallResults {
  createDecision: string;
  updateDecision: null;
  setStatus: null;
  supersede: string;
  deleteDecision: null;
  undeleteDecision: null;
  createFromQuickAdd: string;
  addFollowUp: string;
  setFollowUpDone: null;
  deleteFollowUp: null;
  createStakeholder: string;
  updateStakeholder: null;
  addRole: string;
  updateRole: null;
  removeRole: null;
  resolveConflict: null;
  exportFile: ExportedFile;
  'tab:clear-capture': null;
  'tab:clear-focus': null;
  'tab:page-decision': null;
  'tab:focus-decision': boolean;
  'tab:close-sidebar': boolean;
  'tab:reattach': boolean;
  'log:open': null;
  'tab:post': PostResult;
  'tab:page-people': PagePerson[];
}
