// Builds decision logs for the log tests with the same `makeRow` storage uses: a small builder
// for hand-made cases and a seeded generator for the large ones.
import { HlcClock } from '../../../../src/core/hlc';
import type { LogData, PageRef } from '../../../../src/core/log';
import { makeRow } from '../../../../src/core/records';
import type { Decision, RowOf, Stakeholder, TableName } from '../../../../src/core/schemas';

export const PAGES: Record<string, PageRef> = {
  jira: {
    pageKey: 'jira:acme.atlassian.net:ACME-7',
    site: 'jira',
    title: 'ACME-7 · Fix the login timeout',
    url: 'https://acme.atlassian.net/browse/ACME-7',
  },
  github: {
    pageKey: 'github:acme/checkout#42',
    site: 'github',
    title: 'Checkout rewrite · Pull Request #42',
    url: 'https://github.com/acme/checkout/pull/42',
  },
  notion: {
    pageKey: 'notion:0f3c2b7a9d4e4c1b8a6f5e2d1c0b9a87',
    site: 'notion',
    title: 'Session storage decision',
    url: 'https://www.notion.so/acme/Session-storage-decision-0f3c2b7a9d4e4c1b8a6f5e2d1c0b9a87',
  },
};

export function logBuilder(start = Date.UTC(2024, 0, 10, 12)) {
  let wall = start;
  const clock = new HlcClock('log-test', () => wall);
  const make = <T extends TableName>(table: T, fields: Parameters<typeof makeRow<T>>[1]): RowOf[T] =>
    makeRow(table, fields, { workspaceId: 'ws', hlc: clock.now(), now: new Date(wall) });
  const data: LogData = { decisions: [], stakeholders: [], roles: [], anchors: [], followUps: [], pages: [] };
  return {
    data,
    /** Moves the clock on by `days`. */
    tick(days = 1) {
      wall += days * 86_400_000;
    },
    person(name: string, fields: Partial<Stakeholder> = {}): Stakeholder {
      const s = make('stakeholders', { name, ...fields });
      data.stakeholders.push(s);
      return s;
    },
    decision(title: string, fields: Partial<Decision> = {}, page?: keyof typeof PAGES, quote?: string) {
      const d = make('decisions', { title, ...fields });
      data.decisions.push(d);
      const p = page ? PAGES[page] : undefined;
      if (p) {
        if (!data.pages.some((x) => x.pageKey === p.pageKey)) data.pages.push(p);
        const selectors = quote
          ? { quote: { exact: quote, prefix: '', suffix: '' }, position: { start: 0, end: quote.length } }
          : null;
        data.anchors.push(
          make('anchors', {
            decisionId: d.id,
            pageKey: p.pageKey,
            url: p.url,
            pageTitle: p.title,
            site: p.site,
            selectors,
          }),
        );
      }
      return d;
    },
    role(
      d: Decision,
      s: Stakeholder,
      raci: 'R' | 'A' | 'C' | 'I',
      stance: RowOf['roles']['stance'] = 'unknown',
    ) {
      const r = make('roles', { decisionId: d.id, stakeholderId: s.id, raci, stance });
      data.roles.push(r);
      return r;
    },
    followUp(d: Decision, fields: Partial<RowOf['followUps']> = {}) {
      const f = make('followUps', { decisionId: d.id, title: 'Next step', ...fields });
      data.followUps.push(f);
      return f;
    },
  };
}

/** A deterministic pseudo-random number generator (mulberry32), so big logs are reproducible. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
