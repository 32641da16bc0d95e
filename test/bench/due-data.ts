// A workspace for the due-list benchmark: 10,000 decisions and 30,000 follow-ups with dates around
// `now`, as stored rows (index keys derived by the real withDerived), deterministic per seed.
//
// Shape, chosen to be busy rather than flattering: 20 people; 45 % of decisions decided, most of
// those with a review date in −30…+365 days; 3 follow-ups a decision, a quarter of them still open
// with due dates in −21…+120 days (10 % snoozed), the rest done; 1 % of decisions deleted. "Everyone"
// then has ~1,500 follow-ups and ~250 reviews overdue or due within the week.
import { DEFAULTS } from '../../src/core/records';
import type { TableName } from '../../src/core/schemas';
import { withDerived } from '../../src/storage/derived';

const DAY = 86_400_000;

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const uuid = (n: number, kind: number) =>
  `0190${kind.toString(16).padStart(4, '0')}-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

export type Rows = Record<TableName | 'pages', Record<string, unknown>[]>;

export function dueWorkspace(now: number, decisions = 10_000, seed = 7): { rows: Rows; me: string } {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
  const iso = (t: number) => new Date(t).toISOString();
  const within = (fromDays: number, toDays: number) => now + (fromDays + rand() * (toDays - fromDays)) * DAY;
  const row = (table: TableName, id: string, fields: Record<string, unknown>) => {
    const created = iso(within(-720, -1));
    return withDerived(table, {
      ...DEFAULTS[table],
      id,
      workspaceId: 'local',
      createdAt: created,
      updatedAt: created,
      fieldHlc: {},
      deleted: false,
      ...fields,
    });
  };
  const rows: Rows = {
    decisions: [],
    stakeholders: [],
    roles: [],
    anchors: [],
    followUps: [],
    events: [],
    pages: [],
  };
  const people = Array.from({ length: 20 }, (_, i) => uuid(i, 1));
  for (const [i, id] of people.entries())
    rows.stakeholders.push(row('stakeholders', id, { name: `Person ${i}`, function: 'Engineering' }));
  const sites = ['jira', 'github', 'confluence', 'notion', 'linear'];
  const pages = Array.from({ length: decisions / 5 }, (_, i) => {
    const site = pick(sites);
    return {
      pageKey: `${site}:bench:${i}`,
      site,
      title: `PAGE-${i} · A page about topic ${i % 97}`,
      url: `https://${site}.example/${i}`,
    };
  });
  for (const p of pages) rows.pages.push({ ...p, lastSeenAt: iso(now) });
  let role = 0;
  let followUp = 0;
  for (let i = 0; i < decisions; i++) {
    const id = uuid(i, 2);
    const r = rand();
    const status =
      r < 0.45
        ? 'decided'
        : r < 0.8
          ? 'proposed'
          : r < 0.9
            ? 'revisiting'
            : r < 0.95
              ? 'rejected'
              : 'superseded';
    const reviewAt = status === 'decided' && rand() < 0.6 ? iso(within(-30, 365)) : null;
    const locked = status !== 'proposed' && status !== 'revisiting';
    rows.decisions.push(
      row('decisions', id, {
        title: `Decision ${i}: adopt option ${i % 13}`,
        status,
        reviewAt,
        locked,
        deleted: rand() < 0.01,
      }),
    );
    const page = pick(pages);
    rows.anchors.push(
      row('anchors', uuid(i, 3), {
        decisionId: id,
        pageKey: page.pageKey,
        url: page.url,
        pageTitle: page.title,
        site: page.site,
      }),
    );
    rows.roles.push(
      row('roles', uuid(role++, 4), { decisionId: id, stakeholderId: pick(people), raci: 'A' }),
    );
    rows.roles.push(
      row('roles', uuid(role++, 4), { decisionId: id, stakeholderId: pick(people), raci: 'C' }),
    );
    for (let k = 0; k < 3; k++) {
      const open = rand() < 0.25;
      const dueAt = open ? iso(within(-21, 120)) : iso(within(-700, -1));
      const snoozedUntil = open && rand() < 0.1 ? iso(Date.parse(dueAt) + rand() * 7 * DAY) : null;
      rows.followUps.push(
        row('followUps', uuid(followUp++, 5), {
          decisionId: id,
          title: `Follow-up ${k} of decision ${i}`,
          ownerId: pick(people),
          dueAt,
          doneAt: open ? null : dueAt,
          snoozedUntil,
        }),
      );
    }
  }
  return { rows, me: people[0] as string };
}
