// A hostile page in real Chromium (test/fixtures/pages/hostile-jira-issue.html, served on a Jira
// host Decidedly runs on) tries to steer the extension and to read what it keeps; each attack
// must fail. Then dangerous addresses arrive the other ways — a backup and a tampered sync server
// — and the decision log must never make a link of them. (Framing the sidebar is sidebar.test's.)
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBackup } from '../../src/core/export';
import { HlcClock } from '../../src/core/hlc';
import { makeRow } from '../../src/core/records';
import { readFixture } from '../fixtures/pages/index';
import { grantHostAccess, type Harness, launch, sidebarFrame, toggleSidebarViaCommand } from './harness';
import { adderShown, clickLogDecision, highlightLayers, prepareLogDecision } from './select';

const HOSTILE = 'https://pwn.atlassian.net/browse/PWN-1';
const PAGE_KEY = 'jira:pwn.atlassian.net:PWN-1';
const OPEN_QUOTE = 'We agreed to renew the hosting contract for another two years at the current rate.';
const DECIDED_QUOTE = 'Procurement signs off on moving the support desk to the new vendor in March.';
const SECRETS = {
  openTitle: 'Renew hosting at 1.2M a year',
  openWhy: 'SECRET-RATIONALE-hosting-7731',
  decidedTitle: 'Move support desk to Zendesk',
  decidedWhy: 'SECRET-RATIONALE-support-4410',
};
const BAD_URLS = [
  'javascript:alert(document.domain)',
  'file:///etc/passwd',
  'data:text/html,<script>alert(1)</script>',
];

type Debug = {
  decidedly: {
    writeContext(): Promise<unknown>;
    notifyDataChanged(): Promise<void>;
    runSync(reason: string): Promise<void>;
    db(): Record<
      string,
      { toArray(): Promise<Record<string, unknown>[]>; put(row: unknown): Promise<unknown> }
    >;
    repo: Record<string, (ctx: unknown, ...args: unknown[]) => Promise<unknown>>;
  };
};
type Hostile = {
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
    fetchStatic(id: string): Promise<Record<string, string>>;
  };
};

const quoteSelectors = (exact: string) => ({
  quote: { exact, prefix: '', suffix: '' },
  position: { start: 0, end: exact.length },
});

/** Two decisions on the hostile page, one open and one decided, each with a secret rationale. */
async function seed(h: Harness): Promise<string[]> {
  return h.worker.evaluate(
    async ({ pageKey, url, open, decided, secrets }) => {
      const d = (globalThis as unknown as Debug).decidedly;
      const ctx = await d.writeContext();
      const anchor = (selectors: unknown) => ({ pageKey, url, pageTitle: 'PWN-1', site: 'jira', selectors });
      const a = (await d.repo.createDecision?.(
        ctx,
        { title: secrets.openTitle, rationale: secrets.openWhy },
        anchor(open),
      )) as string;
      const b = (await d.repo.createDecision?.(
        ctx,
        { title: secrets.decidedTitle, rationale: secrets.decidedWhy },
        anchor(decided),
      )) as string;
      const dana = await d.repo.createStakeholder?.(ctx, { name: 'Dana' });
      await d.repo.addRole?.(ctx, b, dana, 'A');
      await d.repo.setStatus?.(ctx, b, 'decided');
      await d.notifyDataChanged();
      return [a, b];
    },
    {
      pageKey: PAGE_KEY,
      url: HOSTILE,
      open: quoteSelectors(OPEN_QUOTE),
      decided: quoteSelectors(DECIDED_QUOTE),
      secrets: SECRETS,
    },
  );
}

/** The tab's state as the background keeps it. */
const tabState = (h: Harness) =>
  h.worker.evaluate(async () => {
    const all = await chrome.storage.session.get(null);
    return Object.entries(all).find(([k]) => k.startsWith('tab:'))?.[1] as
      | { capture: unknown; sidebarOpen: boolean; focusDecisionId: string | null }
      | undefined;
  });
const decisionCount = (h: Harness) =>
  h.worker.evaluate(
    async () => (await (globalThis as unknown as Debug).decidedly.db().decisions?.toArray())?.length,
  );

/**
 * Lets anything a page's synthetic event could have started run its course. There is no event to
 * wait for when the point is that nothing happens; a message round trip takes milliseconds.
 */
const settle = (page: Page) => page.waitForTimeout(1500);

describe('a hostile page in real Chromium', () => {
  let h: Harness;
  let page: Page;
  let ids: string[] = [];

  beforeAll(async () => {
    h = await launch();
    h.serve(HOSTILE, readFixture('hostile-jira-issue.html'));
    ids = await seed(h);
    page = await h.context.newPage();
    await page.goto(HOSTILE);
  });
  afterAll(async () => h?.close());

  it('cannot find the Log decision button, and clicking what it finds logs nothing', async () => {
    await expect
      .poll(async () => ((await highlightLayers(page))[0] ?? []).sort())
      .toEqual([DECIDED_QUOTE, OPEN_QUOTE].sort());
    await expect.poll(async () => (await prepareLogDecision(page)).button).toBeDefined();
    await page.evaluate(() => (globalThis as unknown as Hostile).hostile.selectPlain());
    await expect.poll(() => adderShown(page)).toBe(true);
    const before = await decisionCount(h);
    const snoop = await page.evaluate(() => (globalThis as unknown as Hostile).hostile.snoop());
    expect(snoop.buttons).not.toContain('Log decision');
    expect(snoop.hosts.length).toBeGreaterThan(0);
    expect(snoop.hosts.every((host) => !host.shadowRoot)).toBe(true);
    // It does find our host element by scanning the viewport, and clicks it every way it can.
    const clicked = await page.evaluate(() => (globalThis as unknown as Hostile).hostile.clickLogDecision());
    expect(clicked).toContain('decidedly-adder');
    await settle(page);
    expect((await tabState(h))?.capture ?? null).toBeNull();
    expect((await tabState(h))?.sidebarOpen).toBe(false);
    expect(await decisionCount(h)).toBe(before);
    // The same button under a person's mouse does open the capture form: the check above can fail.
    await clickLogDecision(page);
    await expect.poll(async () => (await tabState(h))?.capture).toMatchObject({ pageKey: PAGE_KEY });
    await toggleSidebarViaCommand(h, page);
    await expect.poll(async () => (await tabState(h))?.sidebarOpen).toBe(false);
  });

  it('starts nothing with synthetic keys, clicks and hovers on its highlights', async () => {
    await page.reload();
    await expect.poll(async () => ((await highlightLayers(page))[0] ?? []).length).toBe(2);
    // The capture the person started above is still pending; the page must not start another.
    const pending = (await tabState(h))?.capture ?? null;
    const clicked = await page.evaluate(() => (globalThis as unknown as Hostile).hostile.steer());
    expect(clicked).toBe(2);
    await settle(page);
    const state = await tabState(h);
    expect(state?.focusDecisionId).toBeNull();
    expect(state?.sidebarOpen).toBe(false);
    expect(state?.capture ?? null).toEqual(pending);
    expect(page.frames().filter((f) => f.url().startsWith('chrome-extension://'))).toEqual([]);
    // A person's click on the same highlight opens its decision.
    const box = await page.evaluate((quote) => {
      for (const h of CSS.highlights.values())
        for (const r of h)
          if ((r as Range).toString() === quote) {
            const rect = (r as Range).getClientRects()[0];
            return rect ? { x: rect.left + 4, y: rect.top + rect.height / 2 } : null;
          }
      return null;
    }, OPEN_QUOTE);
    await page.mouse.click(box?.x ?? 0, box?.y ?? 0);
    await expect.poll(async () => (await tabState(h))?.focusDecisionId).toBe(ids[0]);
  });

  it('reads no decision text, status or id from its DOM, shadow roots, highlights, styles or cursor', async () => {
    const sidebar = await sidebarFrame(page);
    // The data is there, in our frame: the page sees none of it.
    await sidebar.getByText(SECRETS.openTitle).first().waitFor();
    // A person moves the mouse over both highlights (the tooltip shows), the page watches the cursor.
    for (const quote of [OPEN_QUOTE, DECIDED_QUOTE]) {
      const box = await page.evaluate((q) => {
        for (const h of CSS.highlights.values())
          for (const r of h)
            if ((r as Range).toString() === q) {
              const rect = (r as Range).getClientRects()[0];
              return rect ? { x: rect.left + 10, y: rect.top + rect.height / 2 } : null;
            }
        return null;
      }, quote);
      await page.mouse.move((box?.x ?? 0) - 40, box?.y ?? 0, { steps: 3 });
      await page.mouse.move(box?.x ?? 0, box?.y ?? 0, { steps: 3 });
    }
    await page.mouse.move(5, 5, { steps: 3 });
    const snoop = await page.evaluate(() => (globalThis as unknown as Hostile).hostile.snoop());
    for (const secret of [...Object.values(SECRETS), ...ids]) expect(snoop.text).not.toContain(secret);
    expect(snoop.text).not.toContain(h.extensionId);
    expect(snoop.hosts.every((host) => !host.shadowRoot)).toBe(true);
    // Highlights: names that say nothing; the open and the decided decision share one highlight.
    for (const { name } of snoop.highlights) {
      expect(name).toMatch(/^[a-z]{16}$/);
      expect(name).not.toMatch(/decid|open|propos|focus|flash/);
    }
    const lowest = [...snoop.highlights].sort((a, b) => a.priority - b.priority)[0];
    expect(lowest?.texts.sort()).toEqual([DECIDED_QUOTE, OPEN_QUOTE].sort());
    // The cursor never changed over a highlight.
    expect(snoop.cursors.length).toBeGreaterThan(0);
    expect(snoop.cursors.filter((c) => c.includes('pointer'))).toEqual([]);
  });

  it('cannot fetch the extension’s web-accessible files by their static address', async () => {
    const results = await page.evaluate(
      (id) => (globalThis as unknown as Hostile).hostile.fetchStatic(id),
      h.extensionId,
    );
    expect(results).toEqual({
      'src/sidebar/index.html': 'refused',
      'src/tooltip/index.html': 'refused',
      'anchoring.js': 'refused',
      'manifest.json': 'refused',
    });
  });

  it('never links a script, file or data address from a backup, valid or stored before the rule', async () => {
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
    const options = await h.openExtensionPage('options');
    await options.setInputFiles('#import-file', {
      name: 'trap.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        toBackup({ decisions: [decision], anchors }, { exportedAt: now.toISOString(), schemaVersion: 1 }),
      ),
    });
    await options
      .getByText(/3 records are not valid, so nothing was imported/)
      .first()
      .waitFor();
    await options.close();

    // Rows already stored (from before the rule, or an older version) are shown, as text.
    const old = makeRow('decisions', { title: 'Stored before the rule' }, ctx());
    await h.worker.evaluate(
      async ({ rows }) => {
        const db = (globalThis as unknown as Debug).decidedly.db();
        for (const [table, row] of rows) await db[table]?.put(row);
      },
      {
        rows: [
          ['decisions', old],
          ...BAD_URLS.map((url, i) => [
            'anchors',
            makeRow(
              'anchors',
              { decisionId: old.id, pageKey: `url:trap-${i}`, url, pageTitle: `Trap ${i}`, site: 'generic' },
              ctx(),
            ),
          ]),
        ] as [string, unknown][],
      },
    );
    const log = await h.openExtensionPage('log');
    await log.getByText('Stored before the rule').first().waitFor();
    // Its page is shown (as text): the check below looks at a rendered page cell.
    await log
      .getByText(/Trap \d$/)
      .first()
      .waitFor();
    const hrefs = await log
      .locator('[href]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
    expect(hrefs.filter((href) => /^(javascript|file|data|chrome):/i.test(href.trim()))).toEqual([]);
    expect(await log.getByText('Backup with a trap').count()).toBe(0);
    await log.close();
  });

  it('never stores or links a script, file or data address pulled from a tampered sync server', async () => {
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
          {
            decisionId: pulled.id,
            pageKey: `url:pulled-${i}`,
            url,
            pageTitle: `Pulled ${i}`,
            site: 'generic',
          },
          ctx(),
        ),
      })),
    ];
    const server = await tamperedServer(rows);
    try {
      await connect(h, server.url);
      await h.worker.evaluate(() => (globalThis as unknown as Debug).decidedly.runSync('page'));
      const stored = await h.worker.evaluate(async () => {
        const db = (globalThis as unknown as Debug).decidedly.db();
        return {
          titles: (await db.decisions?.toArray())?.map((d) => d.title),
          anchors: (await db.anchors?.toArray())?.map((a) => `${a.decisionId} ${a.url}`),
        };
      });
      expect(stored.titles).toContain('Pulled from a tampered server');
      expect(stored.anchors?.filter((a) => a.startsWith(pulled.id))).toEqual([]);
      const log = await h.openExtensionPage('log');
      await log.getByText('Pulled from a tampered server').first().waitFor();
      const hrefs = await log
        .locator('[href]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
      expect(hrefs.filter((href) => /^(javascript|file|data|chrome):/i.test(href.trim()))).toEqual([]);
      await log.close();
    } finally {
      await server.close();
    }
  });
});

/** A sync server that answers like ours but hands out rows ours would have refused. */
async function tamperedServer(rows: { table: string; row: unknown }[]) {
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

/** Connects through the options page, as a person does (host access granted in the browser's settings). */
async function connect(h: Harness, serverUrl: string) {
  await grantHostAccess(h, 'http://127.0.0.1/*');
  const options = await h.openExtensionPage('options');
  await options.getByLabel('Server URL').fill(serverUrl);
  await options.getByLabel('Invite token').fill('tok.secret');
  await options.getByRole('button', { name: 'Connect' }).click();
  await options.getByText(/Connected to Acme as/).waitFor();
  await options.close();
}
