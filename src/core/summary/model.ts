// What a posted or copied decision says, before any format: the short record a teammate without
// Decidedly reads in a comment (issue 20). Every format renders this one model, so they agree.
import { localParts } from '../dates-zone';
import { STANCE_LABELS } from '../raci';
import type { Decision, FollowUp, Raci, Role, Stakeholder, Stance } from '../schemas';

/** The rows a summary reads: a decision bundle's, without anchors and history. */
export interface SummaryInput {
  decision: Decision;
  roles: Role[];
  stakeholders: Stakeholder[];
  followUps: FollowUp[];
}

export interface SummaryOptions {
  /** The reader's time zone for dates (IANA); UTC when absent. */
  timeZone?: string;
}

export interface SummaryPerson {
  raci: Exclude<Raci, 'I'>;
  name: string;
  /** In words ("supports", "disagree and commit"); null when unknown. */
  stance: string | null;
  note: string | null;
}

export interface SummaryModel {
  title: string;
  /** "Decided", "Proposed"… */
  status: string;
  /** The day it was decided (decided/superseded) or logged, as "14 May 2026". */
  date: string;
  /** Whether `date` is the day of the decision (else the day it was logged). */
  decidedOn: boolean;
  why: string | null;
  tradeoffs: { gain: string; cost: string; bornBy: string | null }[];
  rejected: { title: string; why: string | null }[];
  people: SummaryPerson[];
  informed: number;
  next: { title: string; owner: string | null; due: string | null } | null;
  reviewAt: string | null;
}

/** Longest a free-text field runs before it is cut with "…". */
export const LIMITS = { title: 200, why: 400, item: 160, note: 160 } as const;

const STATUS_WORDS: Record<Decision['status'], string> = {
  proposed: 'Proposed',
  decided: 'Decided',
  revisiting: 'Revisiting',
  rejected: 'Rejected',
  superseded: 'Superseded',
};

const MONTHS = 'January February March April May June July August September October November December'.split(
  ' ',
);

/** "14 May 2026" in the reader's zone; null for no date or an unreadable one. */
export function summaryDate(iso: string | null | undefined, timeZone = 'UTC'): string | null {
  if (!iso) return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const p = localParts(at, timeZone);
  return `${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
}

/**
 * Cuts text longer than `max` at a word boundary and ends it with a plain "…" (no "read more"
 * link: the reader has no extension to follow it into). Whitespace runs become one space unless
 * `keepLines` keeps the line breaks.
 */
export function truncate(text: string, max: number, keepLines = false): string {
  const tidy = keepLines
    ? text
        .replace(/[ \t]+/g, ' ')
        .replace(/\n{3,}/g, '\n\n')
        .trim()
    : text.replace(/\s+/g, ' ').trim();
  const chars = [...tidy];
  if (chars.length <= max) return tidy;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.search(/\s\S*$/);
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const stanceWords = (s: Stance): string | null =>
  s === 'unknown' ? null : s === 'committed' ? 'disagree and commit' : STANCE_LABELS[s].toLowerCase();

const RACI_ORDER: Record<Raci, number> = { A: 0, R: 1, C: 2, I: 3 };
const filled = (s: string | null | undefined): string | null => (s?.trim() ? s : null);

/** The summary of one decision: only what is filled in, in the order a reader wants it. */
export function summaryOf(input: SummaryInput, options: SummaryOptions = {}): SummaryModel {
  const { decision: d } = input;
  const tz = options.timeZone ?? 'UTC';
  const names = new Map(input.stakeholders.map((s) => [s.id, s.name]));
  const live = input.roles.filter((r) => !r.deleted && names.has(r.stakeholderId));
  const people = live
    .filter((r): r is Role & { raci: Exclude<Raci, 'I'> } => r.raci !== 'I')
    .sort((a, b) => RACI_ORDER[a.raci] - RACI_ORDER[b.raci])
    .map((r) => ({
      raci: r.raci,
      name: truncate(names.get(r.stakeholderId) ?? '', 80),
      stance: stanceWords(r.stance),
      note: filled(r.note) ? truncate(r.note, LIMITS.note) : null,
    }));
  // The next step: the open follow-up due first (undated ones after every dated one).
  const open = input.followUps
    .filter((f) => !f.deleted && !f.doneAt)
    .sort((a, b) => (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff'));
  const next = open[0];
  const decidedOn = Boolean(d.decidedAt) && (d.status === 'decided' || d.status === 'superseded');
  return {
    title: truncate(d.title, LIMITS.title),
    status: STATUS_WORDS[d.status] ?? d.status,
    date: summaryDate(decidedOn ? d.decidedAt : d.createdAt, tz) ?? '',
    decidedOn,
    why: filled(d.rationale) ? truncate(d.rationale, LIMITS.why, true) : null,
    tradeoffs: d.tradeoffs
      .filter((t) => filled(t.gain) || filled(t.cost))
      .map((t) => ({
        gain: truncate(t.gain, LIMITS.item),
        cost: truncate(t.cost, LIMITS.item),
        bornBy: filled(t.bornBy) ? truncate(t.bornBy, 60) : null,
      })),
    rejected: d.options
      .filter((o) => !o.chosen && filled(o.title))
      .map((o) => ({
        title: truncate(o.title, LIMITS.item),
        why: filled(o.cons) ? truncate(o.cons, LIMITS.item) : null,
      })),
    people,
    informed: live.filter((r) => r.raci === 'I').length,
    next: next
      ? {
          title: truncate(next.title, LIMITS.item),
          owner: next.ownerId ? (names.get(next.ownerId) ?? null) : null,
          due: summaryDate(next.dueAt, tz),
        }
      : null,
    reviewAt: summaryDate(d.reviewAt, tz),
  };
}

export const RACI_WORDS: Record<Exclude<Raci, 'I'>, string> = {
  A: 'Accountable',
  R: 'Responsible',
  C: 'Consulted',
};

/** "Decided on 14 May 2026" / "Proposed · logged 2 May 2026". */
export const statusLine = (m: SummaryModel): string =>
  m.decidedOn ? `${m.status} on ${m.date}` : m.date ? `${m.status} · logged ${m.date}` : m.status;

/** "Dana Scully — supports: “note”" (the parts each format styles are given separately). */
export const personWords = (p: SummaryPerson): string =>
  `${p.stance ?? 'stance not heard yet'}${p.note ? `: “${p.note}”` : ''}`;

/** "Put it into effect — Dana Scully, due 1 June 2026". */
export const nextWords = (n: NonNullable<SummaryModel['next']>): string =>
  [n.owner, n.due ? `due ${n.due}` : null].filter(Boolean).join(', ');
