// What is due, as index range queries (DESIGN §7: 20 ms over 30,000 follow-ups): pending follow-ups
// by `_due`, decided decisions under review by `_review`; never a scan of either table.
import type { Collection, IndexableType } from 'dexie';
import { type DueItem, followUpDueItem, isMine, reviewDueItem } from '../core/due';
import { dueMs } from '../core/due-order';
import { accountableOf } from '../core/raci';
import type { Anchor, Decision, FollowUp, Role, Status } from '../core/schemas';
import { metaValue } from './context';
import type { DecidedlyDb } from './db';
import type { Stored } from './derived';

export const ME_KEY = 'meStakeholderId';

/** Who "me" is: the stakeholder chosen in the options, or null when unset or since deleted. */
export async function resolveMe(db: DecidedlyDb): Promise<string | null> {
  const id = await metaValue<string>(db, ME_KEY);
  if (!id) return null;
  const person = await db.stakeholders.get(id);
  return person && !person.deleted ? id : null;
}

/**
 * Index keys are the stored ISO strings, and a synced or imported date may carry an offset
 * (`…T10:00:00+05:00`), which sorts up to 14 hours away from its instant. Ranges are widened by
 * that much and then cut exactly on the parsed time.
 */
const SLACK_MS = 15 * 3_600_000;
const iso = (t: number) => new Date(Math.max(0, Math.min(t, 8.64e15))).toISOString();

/** A half-open interval of due times in epoch ms: `after < t <= until` (either side optional). */
export interface DueWindow {
  after?: number;
  until?: number;
}

type Table = 'followUps' | 'decisions';
function range<T>(db: DecidedlyDb, table: Table, index: string, w: DueWindow): Collection<T, IndexableType> {
  const lower = w.after === undefined ? '' : iso(w.after - SLACK_MS);
  const upper = w.until === undefined ? '\uffff' : iso(w.until + SLACK_MS);
  return db[table].where(index).between(lower, upper, true, true) as unknown as Collection<T, IndexableType>;
}

const inside = (t: number, w: DueWindow) =>
  (w.after === undefined || t > w.after) && (w.until === undefined || t <= w.until);

/**
 * The due items in `window`, only `me`'s when set; follow-ups of deleted decisions are left out.
 * A review belongs to the decision's Accountable: with `me` set, mine are those I am Accountable
 * for; without, reviews carry no owner yet (joinEntries finds it for the rows shown).
 */
export async function dueItemsIn(
  db: DecidedlyDb,
  window: DueWindow,
  me: string | null,
): Promise<{ items: DueItem[]; decisions: Map<string, Decision> }> {
  const [followUps, reviewed] = await Promise.all([
    range<Stored<FollowUp>>(db, 'followUps', '_due', window).toArray(),
    range<Stored<Decision>>(db, 'decisions', '_review', window).toArray(),
  ]);
  // A person's roles can be many; read them only when there is a review to attribute.
  const accountable = me && reviewed.length ? await accountableFor(db, me) : null;
  const pending = followUps
    .map(followUpDueItem)
    .filter((f): f is DueItem => f !== null && inside(dueMs(f.dueAt), window) && isMine(f, me));
  const decisions = new Map<string, Decision>(reviewed.map((d) => [d.id, d]));
  const missing = [...new Set(pending.map((f) => f.decisionId))].filter((id) => !decisions.has(id));
  for (const d of await db.decisions.bulkGet(missing)) if (d) decisions.set(d.id, d);
  const items = pending.filter((f) => decisions.get(f.decisionId)?.deleted === false);
  for (const d of reviewed) {
    if (!d.reviewAt || !inside(dueMs(d.reviewAt), window)) continue;
    const item = reviewDueItem(d, accountable?.has(d.id) ? me : null);
    if (item && (!me || item.ownerId === me)) items.push(item);
  }
  return { items, decisions };
}

// Dexie's anyOf walks a cursor with jumps, which some IndexedDB implementations (fake-indexeddb)
// do in linear time per jump; a handful of exact lookups in parallel is fast everywhere.
const byDecision = <T>(
  table: { where(i: string): { equals(k: string): { toArray(): Promise<T[]> } } },
  ids: string[],
) =>
  Promise.all(ids.map((id) => table.where('decisionId').equals(id).toArray())).then((lists) => lists.flat());

/** Who reviews each decision: its one Accountable. */
async function reviewOwners(db: DecidedlyDb, decisionIds: string[]): Promise<Map<string, string>> {
  const roles = await byDecision<Role>(db.roles, decisionIds);
  const grouped = new Map<string, Role[]>();
  for (const r of roles) grouped.set(r.decisionId, [...(grouped.get(r.decisionId) ?? []), r]);
  const out = new Map<string, string>();
  for (const [id, list] of grouped) {
    const a = accountableOf(list);
    if (a) out.set(id, a.stakeholderId);
  }
  return out;
}

/**
 * When the next item of `me` (everyone's when null) falls due after `after`, for the reminder
 * alarm. Walks the indexes from `after` and stops at the first match (plus the offset slack).
 */
export async function nextDueAfter(
  db: DecidedlyDb,
  after: number,
  me: string | null,
): Promise<number | null> {
  let accountable: Set<string> | null = null;
  let best = Number.POSITIVE_INFINITY;
  const consider = (t: number, mine: boolean) => {
    if (mine && t > after && t < best) best = t;
  };
  const stop = (key: string | undefined) =>
    best !== Number.POSITIVE_INFINITY && !!key && key > iso(best + SLACK_MS);
  await range<Stored<FollowUp>>(db, 'followUps', '_due', { after })
    .until((f) => stop(f._due))
    .each((f) => {
      const item = followUpDueItem(f);
      if (item) consider(dueMs(item.dueAt), isMine(item, me));
    });
  if (me) accountable = await accountableFor(db, me);
  await range<Stored<Decision>>(db, 'decisions', '_review', { after })
    .until((d) => stop(d._review))
    .each((d) => {
      if (d.reviewAt) consider(dueMs(d.reviewAt), !accountable || accountable.has(d.id));
    });
  return best === Number.POSITIVE_INFINITY ? null : best;
}

/** The decisions `me` is Accountable for (the reviews that are theirs). */
async function accountableFor(db: DecidedlyDb, me: string): Promise<Set<string>> {
  const roles = await db.roles.where('stakeholderId').equals(me).toArray();
  return new Set(roles.filter((r) => !r.deleted && r.raci === 'A').map((r) => r.decisionId));
}

/** What is "mine" as sets of ids, so a section can narrow an index range by key alone. */
export interface Mine {
  me: string;
  /** The decisions I am Accountable for: their reviews are mine. */
  decisions: Set<string>;
}

export async function mineOf(db: DecidedlyDb, me: string): Promise<Mine> {
  return { me, decisions: await accountableFor(db, me) };
}

/** A section of the due list: due times `from <= t < to` (either side open). */
export interface SectionRange {
  from?: number;
  to?: number;
}

export interface Section {
  /** How many items the section holds. */
  total: number;
  /** The first `limit` of them, soonest first. */
  items: DueItem[];
  decisions: Map<string, Decision>;
}

/** Rows fetched past the limit, to stand in for follow-ups without a live decision dropped on the way. */
const SPARE = 2;

/**
 * One section, at a cost set by `limit`, not by how much is due: totals are index counts (or key
 * lists narrowed to `mine`), and only the first rows are read. The index keys are the stored
 * strings, so here a date written with an offset is placed by its text, up to its offset away from
 * a boundary (every date this extension writes is UTC). Follow-ups of a deleted decision are not in
 * the index (due-index.ts); one whose decision is not here (not synced yet) is dropped, and
 * uncounted, when it is among the rows read.
 */
export async function dueSection(
  db: DecidedlyDb,
  r: SectionRange,
  limit: number,
  mine: Mine | null,
): Promise<Section> {
  const lo = r.from === undefined ? '' : iso(r.from);
  const hi = r.to === undefined ? '\uffff' : iso(r.to);
  const take = limit + SPARE;
  const part = async <T>(table: Table, index: string, allowed: Set<string> | undefined) => {
    const tbl = db[table] as unknown as { bulkGet(ids: string[]): Promise<(T | undefined)[]> };
    const coll = () =>
      db[table].where(index).between(lo, hi, true, false) as unknown as Collection<T, string>;
    if (!allowed) {
      const [total, rows] = await Promise.all([
        coll().count(),
        limit > 0 ? coll().limit(take).toArray() : [],
      ]);
      return { total, rows };
    }
    const ids = (await coll().primaryKeys()).filter((id) => allowed.has(id));
    const rows = limit > 0 ? await tbl.bulkGet(ids.slice(0, take)) : [];
    return { total: ids.length, rows: rows.filter((x): x is T => x !== undefined) };
  };
  // My follow-ups are one range of the [ownerId+_due] index: counted and read like everyone's.
  const myFollowUps = async () => {
    const coll = () =>
      db.followUps.where('[ownerId+_due]').between([mine?.me, lo], [mine?.me, hi], true, false);
    const [total, rows] = await Promise.all([coll().count(), limit > 0 ? coll().limit(take).toArray() : []]);
    return { total, rows };
  };
  const [fu, rv] = await Promise.all([
    mine ? myFollowUps() : part<Stored<FollowUp>>('followUps', '_due', undefined),
    part<Stored<Decision>>('decisions', '_review', mine?.decisions),
  ]);
  const decisions = new Map<string, Decision>(rv.rows.map((d) => [d.id, d]));
  const pending = fu.rows.map(followUpDueItem).filter((f): f is DueItem => f !== null);
  const missing = [...new Set(pending.map((f) => f.decisionId))].filter((id) => !decisions.has(id));
  for (const d of await db.decisions.bulkGet(missing)) if (d) decisions.set(d.id, d);
  const live = pending.filter((f) => decisions.get(f.decisionId)?.deleted === false);
  const reviews = rv.rows.flatMap((d) => reviewDueItem(d, mine ? mine.me : null) ?? []);
  const items = [...live, ...reviews].sort((a, b) => dueMs(a.dueAt) - dueMs(b.dueAt)).slice(0, limit);
  return { total: fu.total - (pending.length - live.length) + rv.total, items, decisions };
}

export interface DuePage {
  site: string;
  title: string;
  url: string;
}

export interface DueEntry extends DueItem {
  decisionTitle: string;
  decisionStatus: Status;
  ownerName: string | null;
  /** The anchor "Open" goes to, and its page; null for a decision logged by hand. */
  anchorId: string | null;
  page: DuePage | null;
}

/** Joins items with their decision, owner and the page "Open" goes to (only rows shown: cheap). */
export async function joinEntries(
  db: DecidedlyDb,
  items: DueItem[],
  decisions: Map<string, { title: string; status: Status }>,
): Promise<Map<string, DueEntry>> {
  const decisionIds = [...new Set(items.map((i) => i.decisionId))];
  const unowned = items.filter((i) => i.kind === 'review' && !i.ownerId).map((i) => i.decisionId);
  const [anchors, reviewers] = await Promise.all([
    byDecision<Anchor>(db.anchors, decisionIds),
    reviewOwners(db, unowned),
  ]);
  const ownerOf = (i: DueItem) =>
    i.ownerId ?? (i.kind === 'review' ? (reviewers.get(i.decisionId) ?? null) : null);
  // The team is small next to its decisions: one read of everyone beats a read per owner.
  const owners = items.some((i) => ownerOf(i)) ? await db.stakeholders.toArray() : [];
  // The first place a decision was made is where "Open" goes.
  const anchorOf = new Map<string, (typeof anchors)[number]>();
  for (const a of anchors.filter((x) => !x.deleted).sort((x, y) => x.createdAt.localeCompare(y.createdAt)))
    if (!anchorOf.has(a.decisionId)) anchorOf.set(a.decisionId, a);
  const pageKeys = [...new Set([...anchorOf.values()].map((a) => a.pageKey))];
  const pages = new Map((await db.pages.bulkGet(pageKeys)).flatMap((p) => (p ? [[p.pageKey, p]] : [])));
  const names = new Map(owners.flatMap((s) => (s && !s.deleted ? [[s.id, s.name]] : [])));
  const out = new Map<string, DueEntry>();
  for (const item of items) {
    const d = decisions.get(item.decisionId);
    const a = anchorOf.get(item.decisionId);
    const seen = a ? pages.get(a.pageKey) : undefined;
    const ownerId = ownerOf(item);
    out.set(item.id, {
      ...item,
      ownerId,
      decisionTitle: d?.title ?? '',
      decisionStatus: d?.status ?? 'proposed',
      ownerName: ownerId ? (names.get(ownerId) ?? null) : null,
      anchorId: a?.id ?? null,
      // The page as last seen (titles change) over the title when the decision was logged.
      page: a ? { site: seen?.site ?? a.site, title: seen?.title || a.pageTitle || a.url, url: a.url } : null,
    });
  }
  return out;
}
