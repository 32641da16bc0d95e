// Turning imported ADRs into Decidedly records: decisions with their options and trade-offs,
// people (reusing stakeholders who already exist), RACI roles with stances, follow-ups, a
// "created" event each, and supersedes links resolved within the batch.
import type { Hlc } from '../hlc';
import { newId } from '../ids';
import { lockedAfter } from '../lifecycle';
import { makeRow } from '../records';
import {
  type Decision,
  type DecisionEvent,
  describeIssues,
  type FollowUp,
  LONG_TEXT,
  type Raci,
  type Role,
  type Stakeholder,
  TABLES,
  type TableName,
} from '../schemas';
import type { AdrLink } from './adr-fields';
import type { ParsedAdr } from './adr-types';

export interface AdrImportContext {
  workspaceId: string;
  clock: { now(): Hlc };
  now: Date;
  /** Stakeholders already in the workspace: matched by name, case-insensitively, so nobody is doubled. */
  stakeholders: readonly Stakeholder[];
  /** Who imported, for the history. */
  actor?: string;
}

export interface AdrRecords {
  decisions: Decision[];
  /** Only the stakeholders this import creates. */
  stakeholders: Stakeholder[];
  roles: Role[];
  followUps: FollowUp[];
  events: DecisionEvent[];
  warnings: string[];
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const join = (...parts: string[]) =>
  parts
    .map((p) => p.trim())
    .filter(Boolean)
    .join('\n\n');
// A date without a time is taken at noon UTC: the same calendar day from UTC−11 to UTC+11.
const noon = (day: string | null) => (day ? `${day}T12:00:00.000Z` : null);
const baseName = (path: string) => (path.split('/').pop() ?? '').toLowerCase();

/** "Dana Lee <dana@example.com>" → name and email. */
function person(raw: string): { name: string; email: string | null } {
  const m = /^(.*?)\s*<([^<>\s@]+@[^<>\s@]+)>$/.exec(raw.trim());
  return m
    ? { name: (m[1] as string).trim() || (m[2] as string), email: m[2] as string }
    : { name: raw.trim(), email: null };
}

/** Creates the records for `adrs` (one folder's worth, so links between them resolve). */
export function adrsToRecords(adrs: readonly ParsedAdr[], ctx: AdrImportContext): AdrRecords {
  const out: AdrRecords = {
    decisions: [],
    stakeholders: [],
    roles: [],
    followUps: [],
    events: [],
    warnings: [],
  };
  const row = <T extends TableName>(table: T, fields: Parameters<typeof makeRow<T>>[1]) =>
    makeRow(table, fields, { workspaceId: ctx.workspaceId, hlc: ctx.clock.now(), now: ctx.now });
  const people = new Map<string, Stakeholder>();
  for (const s of ctx.stakeholders) if (!s.deleted) people.set(s.name.trim().toLowerCase(), s);
  const stakeholderFor = (raw: string): Stakeholder => {
    const { name, email } = person(raw);
    const key = cut(name, 120).toLowerCase();
    const known = people.get(key);
    if (known) return known;
    const created = row('stakeholders', {
      name: cut(name, 120),
      email: email && email.length <= 254 ? email : null,
    });
    people.set(key, created);
    out.stakeholders.push(created);
    return created;
  };

  const ids = adrs.map(() => newId(ctx.now.getTime()));
  const resolve = (link: AdrLink | null): string | null => {
    if (!link) return null;
    const i = adrs.findIndex(
      (a) =>
        (link.href && a.fileName && baseName(a.fileName) === baseName(link.href)) ||
        (link.number !== null && a.number === link.number),
    );
    return i >= 0 ? (ids[i] as string) : null;
  };

  adrs.forEach((adr, i) => {
    const id = ids[i] as string;
    const supersededBy = resolve(adr.supersededBy);
    // A link only one side states still links both.
    const supersedes =
      resolve(adr.supersedes) ?? ids[adrs.findIndex((a) => resolve(a.supersededBy) === id)] ?? null;
    const descriptions = adr.options
      .filter((o) => o.description.trim())
      .map((o) => `**${o.title}**: ${o.description}`);
    const fields = {
      title: cut(adr.title, 300),
      status: adr.status,
      context: cut(
        join(
          adr.context,
          adr.drivers.length ? `**Decision drivers**\n\n${adr.drivers.map((d) => `* ${d}`).join('\n')}` : '',
          descriptions.length ? `**Options**\n\n${descriptions.join('\n\n')}` : '',
          ...adr.otherSections.map((s) => (s.heading ? `**${s.heading}**\n\n${s.text}` : s.text)),
          adr.moreInformation ? `**More information**\n\n${adr.moreInformation}` : '',
        ),
        LONG_TEXT,
      ),
      rationale: cut(adr.rationale, LONG_TEXT),
      consequences: cut(
        join(adr.consequences, adr.confirmation ? `**Confirmation**\n\n${adr.confirmation}` : ''),
        LONG_TEXT,
      ),
      options: adr.options.slice(0, 50).map((o) => ({
        id: newId(ctx.now.getTime()),
        title: cut(o.title, 300),
        pros: cut([...o.pros, ...o.neutral.map((n) => `Neutral: ${n}`)].join('\n'), LONG_TEXT),
        cons: cut(o.cons.join('\n'), LONG_TEXT),
        chosen: o.chosen,
      })),
      tradeoffs: adr.tradeoffs.slice(0, 50).map((t) => ({
        id: newId(ctx.now.getTime()),
        gain: cut(t.gain, 2000),
        cost: cut(t.cost, 2000),
        bornBy: cut(t.bornBy, 100),
      })),
      risks: cut(adr.risks, LONG_TEXT),
      tags: [...new Set(adr.tags.map((t) => cut(t, 60)))].slice(0, 50),
      decidedAt: adr.status === 'proposed' || adr.status === 'rejected' ? null : noon(adr.date),
      reviewAt: noon(adr.reviewDate),
      supersedes,
      supersededBy,
      locked: lockedAfter(adr.status),
    };
    const decision = makeRow('decisions', fields, {
      workspaceId: ctx.workspaceId,
      hlc: ctx.clock.now(),
      now: ctx.now,
      id,
    });
    const problem = TABLES.decisions.safeParse(decision);
    const label = adr.fileName ?? adr.title;
    if (!problem.success) {
      out.warnings.push(`${label} was not imported: ${describeIssues(problem.error)}`);
      return;
    }
    out.decisions.push(decision);
    addRoles(adr, decision.id, stakeholderFor, row, out);
    for (const f of adr.followUps) {
      if (!f.title.trim()) continue;
      out.followUps.push(
        row('followUps', {
          decisionId: decision.id,
          title: cut(f.title.trim(), 300),
          ownerId: f.owner ? stakeholderFor(f.owner).id : null,
          dueAt: noon(f.due),
          doneAt: f.done ? (noon(f.doneOn) ?? ctx.now.toISOString()) : null,
        }),
      );
    }
    const detail = {
      source: 'adr-import',
      template: adr.template,
      ...(adr.fileName ? { file: adr.fileName } : {}),
    };
    out.events.push(
      row('events', {
        decisionId: decision.id,
        at: ctx.now.toISOString(),
        actor: cut(ctx.actor ?? 'import', 120),
        kind: 'created',
        detail,
      }),
    );
    out.warnings.push(...adr.warnings.map((w) => `${label}: ${w}`));
  });
  return out;
}

type RowMaker = <T extends TableName>(
  table: T,
  fields: Parameters<typeof makeRow<T>>[1],
) => ReturnType<typeof makeRow<T>>;

/** RACI roles from the people lists, each with the stance the file records for that person. */
function addRoles(
  adr: ParsedAdr,
  decisionId: string,
  stakeholderFor: (raw: string) => Stakeholder,
  row: RowMaker,
  out: AdrRecords,
) {
  const lists: [Raci, string[]][] = [
    ['A', adr.decisionMakers],
    ['R', adr.responsible],
    ['C', adr.consulted],
    ['I', adr.informed],
  ];
  const seen = new Set<string>();
  const add = (raci: Raci, raw: string) => {
    const s = stakeholderFor(raw);
    if (seen.has(`${s.id}/${raci}`)) return;
    seen.add(`${s.id}/${raci}`);
    const key = s.name.toLowerCase();
    const stance =
      adr.stances.find((x) => x.name.toLowerCase() === key && x.raci === raci) ??
      adr.stances.find((x) => x.name.toLowerCase() === key && !x.raci);
    out.roles.push(
      row('roles', {
        decisionId,
        stakeholderId: s.id,
        raci,
        stance: stance?.stance ?? 'unknown',
        note: cut(stance?.note ?? '', LONG_TEXT),
      }),
    );
  };
  for (const [raci, names] of lists) for (const n of names) add(raci, n);
  // Stances of people the lists do not name still count: they were part of the decision.
  for (const x of adr.stances) add(x.raci ?? 'C', x.name);
}
