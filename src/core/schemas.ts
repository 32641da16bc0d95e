// The domain records of DESIGN.md §2 as Zod schemas: one source of truth for the extension, the
// server and import files. zod/mini keeps what ships to pages small; types are inferred.
import * as z from 'zod/mini';
import { HLC_PATTERN } from './hlc';
import { LIST_LIMIT } from './list-merge';
import { ILL_FORMED, illFormedPath, isCleanText } from './strings';
import { AnchorUrl, urlMatchesSite } from './urls';

/** Well-formed and NUL-free (src/core/strings.ts): what PostgreSQL's jsonb can store. */
const clean = z.refine<string>(isCleanText, ILL_FORMED);
/** Any text a record holds. */
export const cleanString = z.string().check(clean);
const text = (max: number) => z.string().check(z.maxLength(max, `at most ${max} characters`), clean);
const title = (missing: string, max: number) =>
  z.string().check(z.minLength(1, missing), z.maxLength(max, `at most ${max} characters`), clean);
/** Free-form JSON (an event's detail): every key and string inside is clean text. */
const cleanJson = z.record(z.string(), z.unknown()).check(
  z.superRefine((value, ctx) => {
    const path = illFormedPath(value);
    if (path) ctx.issues.push({ code: 'custom', message: ILL_FORMED, input: value, path });
  }),
);
const isoDate = z.iso.datetime({ offset: true, message: 'an ISO 8601 date-time' });
const id = z.string().check(z.regex(/^[0-9a-f-]{36}$/, 'a UUID'));
const hlc = z.string().check(z.regex(HLC_PATTERN, 'a hybrid logical clock value'));

export const LONG_TEXT = 20_000;

export const FREE_TEXT_FIELDS = ['context', 'rationale', 'consequences', 'risks', 'note'] as const;

/**
 * What a writer had seen of a free-text field: a version vector, one HLC per writer (schema
 * version 2), or one HLC in rows written before (read as having seen only that version).
 */
export const SeenBase = z.union([hlc, z.array(hlc).check(z.maxLength(1000))]);

/** One kept loser of a concurrent edit to a free-text field ("2 versions"). */
export const ConflictVersion = z.object({ value: z.unknown(), hlc, base: z.optional(SeenBase) });

/** The merge state of one element of a list field (src/core/list-merge.ts). */
export const ElementState = z.object({
  v: z.optional(z.unknown()),
  h: z.optional(hlc),
  a: z.array(hlc),
  r: z.optional(z.array(hlc)),
  o: z.optional(z.string().check(z.maxLength(80))),
});

/** Sync metadata every record carries (DESIGN.md §5). */
const syncMeta = {
  id,
  workspaceId: text(64),
  createdAt: isoDate,
  updatedAt: isoDate,
  /** HLC of the last write of each field; `deleted` is a field like any other. */
  fieldHlc: z.record(z.string(), hlc),
  /** For free-text fields: what the writer of the current value had seen (conflict detection). */
  fieldBase: z.optional(z.record(z.string(), SeenBase)),
  conflicts: z.optional(z.record(z.string(), z.array(ConflictVersion))),
  /** List fields (options, trade-offs, tags): each element's merge state, tombstones included. */
  elements: z.optional(z.record(z.string(), z.record(z.string(), ElementState))),
  deleted: z.boolean(),
};

export const STATUSES = ['proposed', 'decided', 'revisiting', 'rejected', 'superseded'] as const;
export const Status = z.enum(STATUSES);

export const DecisionOption = z.object({
  id: text(64),
  title: text(300),
  pros: text(LONG_TEXT),
  cons: text(LONG_TEXT),
  chosen: z.boolean(),
});

export const Tradeoff = z.object({
  id: text(64),
  gain: text(2000),
  cost: text(2000),
  bornBy: text(100),
});

export const Decision = z.object({
  ...syncMeta,
  title: title('a title (what was decided)', 300),
  status: Status,
  context: text(LONG_TEXT),
  rationale: text(LONG_TEXT),
  consequences: text(LONG_TEXT),
  options: z.array(DecisionOption).check(z.maxLength(LIST_LIMIT)),
  tradeoffs: z.array(Tradeoff).check(z.maxLength(LIST_LIMIT)),
  risks: text(LONG_TEXT),
  tags: z.array(text(60)).check(z.maxLength(LIST_LIMIT)),
  decidedAt: z.nullable(isoDate),
  reviewAt: z.nullable(isoDate),
  supersedes: z.nullable(id),
  supersededBy: z.nullable(id),
  locked: z.boolean(),
});

export const FUNCTIONS = [
  'Engineering',
  'Product',
  'Design',
  'Sales',
  'Marketing',
  'Legal',
  'Security',
  'Support',
  'Finance',
  'Operations',
  'Leadership',
] as const;

/** A stakeholder's site handles (see `Stakeholder.handle`). */
export const Handles = z
  .string()
  .check(
    z.maxLength(1000, 'at most 1000 characters'),
    z.regex(
      /^(?:[a-z][a-z0-9-]*:[^\s:]\S*(?: [a-z][a-z0-9-]*:[^\s:]\S*)*)?$/,
      'space-separated site handles (github:alice)',
    ),
    clean,
  );

export const Stakeholder = z.object({
  ...syncMeta,
  name: title('a name', 120),
  email: z.nullable(text(254)),
  function: text(60),
  interests: text(LONG_TEXT),
  power: z.boolean(),
  legitimacy: z.boolean(),
  urgency: z.boolean(),
  /** Set when this stakeholder is a sync member (issue 8): links "me" across teammates. */
  memberId: z.optional(z.nullable(text(64))),
  /**
   * The person's handles on the sites where the page people came from (issue 20), space
   * separated, each `<site>:<id>`: `github:alice`, `gitlab:alice`, `linear:alice`,
   * `atlassian:<accountId>` (Jira and Confluence share Atlassian accounts), `notion:<userId>`;
   * a self-hosted instance or a page with no adapter adds its host, `gitlab:alice@git.corp.example`,
   * `web:alice@blog.example.com`. Ids are lower case. One field (last writer wins) rather than a
   * list: it only helps recognise the person on the next page, and a handle lost to a concurrent
   * edit comes back the next time someone accepts that person from a page. Absent on older rows.
   */
  handle: z.optional(z.nullable(Handles)),
});

export const RACI = ['R', 'A', 'C', 'I'] as const;
export const STANCES = ['unknown', 'supports', 'concerns', 'opposes', 'committed'] as const;

export const Role = z.object({
  ...syncMeta,
  decisionId: id,
  stakeholderId: id,
  raci: z.enum(RACI),
  stance: z.enum(STANCES),
  note: text(LONG_TEXT),
});

export const QuoteSelector = z.object({ exact: text(LONG_TEXT), prefix: text(200), suffix: text(200) });
export const PositionSelector = z.object({
  start: z.number().check(z.int(), z.nonnegative()),
  end: z.number().check(z.int(), z.nonnegative()),
});
export const Selectors = z.object({ quote: QuoteSelector, position: PositionSelector });

export const Anchor = z
  .object({
    ...syncMeta,
    decisionId: id,
    pageKey: text(2048),
    url: AnchorUrl,
    pageTitle: text(500),
    site: text(40),
    /** null for a page decision (anchored to the page, no text). */
    selectors: z.nullable(Selectors),
    /** Set on copies from a "do not sync quotes" site: the quote stayed on its author's device. */
    quotePrivate: z.optional(z.boolean()),
  })
  .check(urlMatchesSite);

export const FollowUp = z.object({
  ...syncMeta,
  decisionId: id,
  title: title('a title', 300),
  ownerId: z.nullable(id),
  dueAt: z.nullable(isoDate),
  doneAt: z.nullable(isoDate),
  snoozedUntil: z.nullable(isoDate),
});

export const EVENT_KINDS = [
  'created',
  'status',
  'edited',
  'role',
  'stance',
  'followup',
  'anchored',
  'superseded',
] as const;

export const Event = z.object({
  ...syncMeta,
  decisionId: id,
  at: isoDate,
  actor: text(120),
  kind: z.enum(EVENT_KINDS),
  detail: cleanJson,
});

export type Status = z.infer<typeof Status>;
export type DecisionOption = z.infer<typeof DecisionOption>;
export type Tradeoff = z.infer<typeof Tradeoff>;
export type Decision = z.infer<typeof Decision>;
export type Stakeholder = z.infer<typeof Stakeholder>;
export type Role = z.infer<typeof Role>;
export type Raci = Role['raci'];
export type Stance = Role['stance'];
export type Selectors = z.infer<typeof Selectors>;
export type Anchor = z.infer<typeof Anchor>;
export type FollowUp = z.infer<typeof FollowUp>;
export type DecisionEvent = z.infer<typeof Event>;
export type EventKind = DecisionEvent['kind'];
export type ConflictVersion = z.infer<typeof ConflictVersion>;

/** The synced tables and the schema of each — the names used in storage, outbox and protocol. */
export const TABLES = {
  decisions: Decision,
  stakeholders: Stakeholder,
  roles: Role,
  anchors: Anchor,
  followUps: FollowUp,
  events: Event,
} as const;
export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];
export interface RowOf {
  decisions: Decision;
  stakeholders: Stakeholder;
  roles: Role;
  anchors: Anchor;
  followUps: FollowUp;
  events: DecisionEvent;
}
/** Fields that are record bookkeeping, not user data: never merged as LWW registers. */
export const META_FIELDS = ['id', 'workspaceId', 'fieldHlc', 'fieldBase', 'conflicts', 'elements'] as const;

export { describeIssues } from './issues';
