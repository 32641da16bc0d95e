// A large, reproducible decision log (10,000 decisions by default) for the log's benchmark and
// its scale tests: several sites and pages, people with salience, ~3 roles, follow-ups, tags,
// words in every text field and some supersede chains.
import { HlcClock } from '../../../../src/core/hlc';
import type { LogData, PageRef } from '../../../../src/core/log';
import { makeRow } from '../../../../src/core/records';
import { FUNCTIONS, RACI, type RowOf, STANCES, STATUSES, type TableName } from '../../../../src/core/schemas';
import { random } from './log-builder';

const WORDS = (
  'session cache redis postgres latency budget rollout flag checkout billing invoice tax audit ' +
  'privacy consent login token expiry migration schema index replica failover region pricing ' +
  'trial onboarding churn support escalation roadmap quarter hiring vendor contract security ' +
  'review accessibility contrast keyboard mobile offline sync conflict merge backup restore export'
).split(' ');
const SITES = ['jira', 'github', 'confluence', 'notion', 'linear'];

export function bigLog(decisions = 10_000, seed = 7): LogData {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  let wall = Date.UTC(2023, 0, 1);
  const clock = new HlcClock('bench', () => wall);
  const make = <T extends TableName>(table: T, fields: Parameters<typeof makeRow<T>>[1]): RowOf[T] =>
    makeRow(table, fields, { workspaceId: 'ws', hlc: clock.now(), now: new Date(wall) });
  const data: LogData = { decisions: [], stakeholders: [], roles: [], anchors: [], followUps: [], pages: [] };
  for (let i = 0; i < Math.max(50, decisions / 40); i += 1) {
    data.stakeholders.push(
      make('stakeholders', {
        name: `${pick(['Dana', 'Kim', 'Sam', 'Lee', 'Ana', 'Ravi', 'Mei', 'Tom'])} ${i}`,
        function: pick(FUNCTIONS),
        power: rnd() < 0.4,
        legitimacy: rnd() < 0.6,
        urgency: rnd() < 0.3,
      }),
    );
  }
  for (let i = 0; i < Math.max(20, decisions / 10); i += 1) {
    const site = pick(SITES);
    data.pages.push({
      pageKey: `${site}:page-${i}`,
      site,
      title: `PAGE-${i} · ${words(4)}`,
      url: `https://example.com/${site}/${i}`,
    });
  }
  let previous: RowOf['decisions'] | undefined;
  for (let i = 0; i < decisions; i += 1) {
    wall += 45 * 60_000;
    const chained = previous && rnd() < 0.1;
    const status = chained ? 'proposed' : pick(STATUSES.filter((s) => s !== 'superseded'));
    const d = make('decisions', {
      title: `Decision ${i}: ${words(5)}`,
      status,
      context: words(30),
      rationale: words(40),
      consequences: words(20),
      tags: [pick(WORDS), pick(WORDS)].filter((t, k, all) => all.indexOf(t) === k),
      decidedAt: status === 'decided' ? new Date(wall).toISOString() : null,
      reviewAt: rnd() < 0.3 ? new Date(wall + (rnd() - 0.5) * 400 * 86_400_000).toISOString() : null,
      supersedes: chained && previous ? previous.id : null,
    });
    if (chained && previous) {
      previous.status = 'superseded';
      previous.supersededBy = d.id;
    }
    previous = d;
    data.decisions.push(d);
    const page = pick(data.pages) as PageRef;
    data.anchors.push(
      make('anchors', {
        decisionId: d.id,
        pageKey: page.pageKey,
        url: page.url,
        pageTitle: page.title,
        site: page.site,
        selectors: { quote: { exact: words(8), prefix: '', suffix: '' }, position: { start: 0, end: 40 } },
      }),
    );
    const people = new Set<string>();
    for (let r = 0; r < 3; r += 1) {
      const s = pick(data.stakeholders);
      if (people.has(s.id)) continue;
      people.add(s.id);
      data.roles.push(
        make('roles', {
          decisionId: d.id,
          stakeholderId: s.id,
          raci: r === 0 ? 'A' : pick(RACI),
          stance: pick(STANCES),
        }),
      );
    }
    if (rnd() < 0.7) {
      data.followUps.push(
        make('followUps', {
          decisionId: d.id,
          title: words(4),
          ownerId: pick(data.stakeholders).id,
          dueAt: new Date(wall + (rnd() - 0.3) * 60 * 86_400_000).toISOString(),
        }),
      );
    }
  }
  return data;
}
