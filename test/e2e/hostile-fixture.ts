// What the hostile-page suites share, Chromium's (test/e2e/hostile.test.ts) and Firefox's
// (test/e2e-firefox/hostile.test.ts): the page and its secrets, the dangerous addresses, the
// backup that carries them, and a sync server that hands them out as ours never would.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toBackup } from '../../src/core/export';
import { HlcClock } from '../../src/core/hlc';
import { makeRow } from '../../src/core/records';

/** test/fixtures/pages/hostile-jira-issue.html, on a Jira host Decidedly runs on. */
export const HOSTILE = 'https://pwn.atlassian.net/browse/PWN-1';
export const PAGE_KEY = 'jira:pwn.atlassian.net:PWN-1';
export const OPEN_QUOTE =
  'We agreed to renew the hosting contract for another two years at the current rate.';
export const DECIDED_QUOTE = 'Procurement signs off on moving the support desk to the new vendor in March.';
export const SECRETS = {
  openTitle: 'Renew hosting at 1.2M a year',
  openWhy: 'SECRET-RATIONALE-hosting-7731',
  decidedTitle: 'Move support desk to Zendesk',
  decidedWhy: 'SECRET-RATIONALE-support-4410',
};
export const BAD_URLS = [
  'javascript:alert(document.domain)',
  'file:///etc/passwd',
  'data:text/html,<script>alert(1)</script>',
];
/** An href the log must never render. */
export const DANGEROUS_HREF = /^(javascript|file|data|chrome):/i;

/** What the fixture's script offers the test (window.hostile). */
export type Hostile = {
  hostile: {
    snoop(): {
      text: string;
      highlights: { name: string; priority: number; texts: string[] }[];
      hosts: { name: string; shadowRoot: boolean }[];
      buttons: string[];
      cursors: string[];
    };
    selectPlain(): void;
    clickLogDecision(): string[];
    steer(): number;
    /** `base` is the extension's origin: chrome-extension://<id> or moz-extension://<uuid>. */
    fetchStatic(base: string): Promise<Record<string, string>>;
  };
};

export const quoteSelectors = (exact: string) => ({
  quote: { exact, prefix: '', suffix: '' },
  position: { start: 0, end: exact.length },
});

/** The two decisions seeded on the hostile page: their anchors' selectors. */
export const seedArgs = {
  pageKey: PAGE_KEY,
  url: HOSTILE,
  open: quoteSelectors(OPEN_QUOTE),
  decided: quoteSelectors(DECIDED_QUOTE),
  secrets: SECRETS,
};

/**
 * A backup whose anchors carry the dangerous addresses (so it is refused whole), and rows of the
 * same kind as if stored before the URL rule (shown, as text), for the log to render.
 */
export function trapRows() {
  const clock = new HlcClock('elsewhere');
  const now = new Date('2026-02-02T10:00:00Z');
  const ctx = () => ({ workspaceId: 'local', hlc: clock.now(), now });
  const decision = makeRow('decisions', { title: 'Backup with a trap' }, ctx());
  const anchors = BAD_URLS.map((url) =>
    makeRow(
      'anchors',
      { decisionId: decision.id, pageKey: `url:${url}`, url, pageTitle: 'Trap', site: 'generic' },
      ctx(),
    ),
  );
  const backup = toBackup(
    { decisions: [decision], anchors },
    { exportedAt: now.toISOString(), schemaVersion: 1 },
  );
  const old = makeRow('decisions', { title: 'Stored before the rule' }, ctx());
  const stored: [string, unknown][] = [
    ['decisions', old],
    ...BAD_URLS.map(
      (url, i) =>
        [
          'anchors',
          makeRow(
            'anchors',
            { decisionId: old.id, pageKey: `url:trap-${i}`, url, pageTitle: `Trap ${i}`, site: 'generic' },
            ctx(),
          ),
        ] as [string, unknown],
    ),
  ];
  return { backup, stored };
}

/** What a tampered server hands out: a decision and anchors at the dangerous addresses. */
export function pulledRows() {
  const clock = new HlcClock('mallory');
  const now = new Date();
  const ctx = () => ({ workspaceId: 'ws-evil', hlc: clock.now(), now });
  const pulled = makeRow('decisions', { title: 'Pulled from a tampered server' }, ctx());
  const rows = [
    { table: 'decisions', row: pulled },
    ...BAD_URLS.map((url, i) => ({
      table: 'anchors',
      row: makeRow(
        'anchors',
        { decisionId: pulled.id, pageKey: `url:pulled-${i}`, url, pageTitle: `Pulled ${i}`, site: 'generic' },
        ctx(),
      ),
    })),
  ];
  return { decisionId: pulled.id, rows };
}

/** A sync server that answers like ours but hands out rows ours would have refused. */
export async function tamperedServer(rows: { table: string; row: unknown }[]) {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-origin': '*',
        'access-control-allow-headers': 'authorization, content-type',
        'access-control-allow-methods': 'GET, POST',
      });
      return res.end();
    }
    if (url.pathname === '/v1/me')
      return json(200, {
        workspace: { id: 'ws-evil', name: 'Acme' },
        member: { id: 'mallory', name: 'Mallory', role: 'member' },
      });
    if (url.pathname === '/v1/push') {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        const ids = (JSON.parse(body || '{}').mutations ?? []).map((m: { id: number }) => m.id);
        json(200, { lastMutationId: Math.max(0, ...ids), seq: rows.length });
      });
      return;
    }
    if (url.pathname === '/v1/pull') {
      const first = (url.searchParams.get('cursor') ?? 's0') === 's0' || !url.searchParams.get('cursor');
      return json(200, {
        changes: first ? rows.map((r, i) => ({ ...r, seq: i + 1 })) : [],
        nextCursor: `s${rows.length}`,
        hasMore: false,
      });
    }
    return json(404, { error: 'not-found', message: 'Not here.' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
