// Two teammates in two Chromium profiles, connected through a real server process: a decision
// logged by one appears for the other, edits made apart converge, concurrent rationale edits show
// "2 versions" until resolved, deletes propagate, a killed server duplicates nothing, and a
// private site's quote never reaches the server.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantHostAccess, type Harness, launch, sidebarFrame, toggleSidebarViaCommand } from './harness';
import { clickLogDecision, dragSelect } from './select';
import { type ServerProcess, serverProcess } from './server-process';

type Creds = { workspaceId: string; memberId: string; token: string };
type Debug = {
  decidedly: {
    writeContext(): Promise<unknown>;
    runSync(reason: string): Promise<void>;
    notifyDataChanged(): Promise<void>;
    db(): {
      decisions: {
        toArray(): Promise<Record<string, unknown>[]>;
        get(id: string): Promise<Record<string, unknown> | undefined>;
      };
      outbox: { count(): Promise<number>; toArray(): Promise<{ mutationId?: number }[]> };
    };
    repo: Record<string, (ctx: unknown, ...args: unknown[]) => Promise<unknown>>;
  };
};

const JIRA = 'https://acme.atlassian.net/browse/ACME-7';
const QUOTE = 'We decided to move session storage to Redis';

async function connect(h: Harness, server: ServerProcess, token: string) {
  // Automation cannot answer the browser's permission prompt: allow loopback the way a person
  // can from the extension's settings, then connect through the options page as a person does.
  await grantHostAccess(h, 'http://127.0.0.1/*');
  const options = await h.openExtensionPage('options');
  await options.getByLabel('Server URL').fill(server.url);
  await options.getByLabel('Invite token').fill(token);
  await options.getByRole('button', { name: 'Connect' }).click();
  await options.getByText(/Connected to Acme as/).waitFor();
  await options
    .getByText(/Synced \d+ s ago/)
    .first()
    .waitFor({ timeout: 30_000 });
  await options.close();
}

const sync = (h: Harness) =>
  h.worker.evaluate(() => (globalThis as unknown as Debug).decidedly.runSync('page'));
const run = <T>(h: Harness, fn: string, ...args: unknown[]) =>
  h.worker.evaluate(
    async ({ fn, args }) => {
      const d = (globalThis as unknown as Debug).decidedly;
      const result = await d.repo[fn]?.(await d.writeContext(), ...args);
      await d.notifyDataChanged();
      return result;
    },
    { fn, args },
  ) as Promise<T>;
const decision = (h: Harness, id: string) =>
  h.worker.evaluate((id) => (globalThis as unknown as Debug).decidedly.db().decisions.get(id), id);

describe('sync between two profiles', () => {
  let server: ServerProcess;
  let a: Harness;
  let b: Harness;
  let pageA: Page;
  let pageB: Page;
  let decisionId = '';

  beforeAll(async () => {
    server = await serverProcess();
    const admin = server.cli<Creds>('workspace', 'create', 'Acme', '--admin-name', 'Avery');
    const bea = server.cli<Creds>('invite', '--workspace', admin.workspaceId, '--name', 'Bea');
    await server.start();
    a = await launch();
    b = await launch();
    await connect(a, server, admin.token);
    await connect(b, server, bea.token);
  }, 180_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await server?.dispose();
  });

  it('shows a decision logged by A in B’s sidebar on the same page', async () => {
    pageA = await a.context.newPage();
    await pageA.goto(JIRA);
    await dragSelect(pageA, QUOTE);
    await clickLogDecision(pageA);
    const frameA = await sidebarFrame(pageA);
    await frameA.getByLabel('Decision', { exact: true }).fill('Sessions move to Redis');
    await frameA.getByLabel('Decision', { exact: true }).press('Enter');
    await frameA.getByRole('heading', { name: 'Sessions move to Redis' }).waitFor();
    await expect
      .poll(() => a.worker.evaluate(() => (globalThis as unknown as Debug).decidedly.db().outbox.count()), {
        timeout: 20_000,
      })
      .toBe(0);
    decisionId = String(
      (
        await a.worker.evaluate(() => (globalThis as unknown as Debug).decidedly.db().decisions.toArray())
      ).find((d) => d.title === 'Sessions move to Redis')?.id,
    );

    pageB = await b.context.newPage();
    await pageB.goto(JIRA);
    await toggleSidebarViaCommand(b, pageB);
    const frameB = await sidebarFrame(pageB);
    await frameB.getByText('Sessions move to Redis').waitFor({ timeout: 20_000 });
  });

  it('converges on edits made while the server was down', async () => {
    await server.stop();
    await run(a, 'updateDecision', decisionId, { rationale: 'Deploys stop logging people out' });
    await run(b, 'updateDecision', decisionId, { title: 'Move sessions to Redis (30 min expiry)' });
    await run(b, 'addFollowUp', decisionId, {
      title: 'Provision the Redis cluster',
      dueAt: '2026-12-04T17:00:00.000Z',
    });
    await sync(a);
    await sync(b);
    await server.start();
    for (const h of [a, b, a]) await sync(h);
    for (const h of [a, b]) {
      await expect
        .poll(async () => {
          const d = await decision(h, decisionId);
          return [d?.title, d?.rationale];
        })
        .toEqual(['Move sessions to Redis (30 min expiry)', 'Deploys stop logging people out']);
    }
    await expect
      .poll(() =>
        a.worker.evaluate(async (id) => {
          const d = (
            globalThis as unknown as {
              decidedly: {
                db(): { followUps: { toArray(): Promise<{ decisionId: string; title: string }[]> } };
              };
            }
          ).decidedly;
          return (await d.db().followUps.toArray()).filter((f) => f.decisionId === id).map((f) => f.title);
        }, decisionId),
      )
      .toEqual(['Provision the Redis cluster']);
  });

  it('shows "2 versions" for concurrent rationale edits until one is kept', async () => {
    await server.stop();
    await run(a, 'updateDecision', decisionId, { rationale: 'Latency: sessions must survive deploys' });
    await run(b, 'updateDecision', decisionId, { rationale: 'Cost: one managed cluster is cheaper' });
    await server.start();
    for (const h of [a, b, a]) await sync(h);
    for (const page of [pageA, pageB]) {
      const frame = await sidebarFrame(page);
      // Open the decision unless its record is already showing.
      if (!(await frame.getByRole('heading', { name: /Move sessions to Redis/ }).isVisible())) {
        await frame
          .getByRole('button', { name: /Move sessions to Redis/ })
          .first()
          .click();
      }
      await frame.getByText('2 versions').first().waitFor({ timeout: 20_000 });
    }
    const frameB = await sidebarFrame(pageB);
    const keep = frameB
      .getByRole('group', { name: /2 versions of/ })
      .getByRole('listitem')
      .filter({ hasText: 'Cost: one managed cluster' });
    await keep.getByRole('button', { name: 'Keep this version' }).click();
    await frameB.getByText('2 versions').waitFor({ state: 'detached' });
    await sync(b);
    await sync(a);
    await expect
      .poll(async () => {
        const d = await decision(a, decisionId);
        return [d?.rationale, d?.conflicts];
      })
      .toEqual(['Cost: one managed cluster is cheaper', undefined]);
    const frameA = await sidebarFrame(pageA);
    await frameA.getByText('2 versions').waitFor({ state: 'detached' });
  });

  it('removes on B a decision deleted on A', async () => {
    const doomed = await run<string>(
      a,
      'createDecision',
      { title: 'Temporary decision' },
      {
        pageKey: 'jira:acme.atlassian.net:ACME-7',
        url: JIRA,
        pageTitle: 'ACME-7',
        site: 'jira',
        selectors: null,
      },
    );
    await sync(a);
    await sync(b);
    const frameB = await sidebarFrame(pageB);
    const back = frameB.getByRole('button', { name: /All decisions on this page/ });
    if (await back.isVisible()) await back.click();
    await frameB.getByText('Temporary decision').waitFor();
    await run(a, 'deleteDecision', doomed);
    await sync(a);
    await sync(b);
    await frameB.getByText('Temporary decision').waitFor({ state: 'detached' });
  });

  it('creates no duplicates when the server is killed in the middle of a sync', async () => {
    // The server dies exactly mid-sync: right after the push carrying the new decisions commits,
    // before it replies (src/server/fault.ts), so A never hears that it was applied.
    await server.stop();
    await server.start(undefined, 'after-push-commit:1');
    for (let i = 0; i < 40; i++) await run(a, 'createDecision', { title: `Crash test ${i}` });
    const pass = sync(a).catch(() => {});
    await server.exited();
    await pass;
    const { openPgliteStore } = await import('../../src/server/store/pglite');
    const store = await openPgliteStore(server.dataDir);
    const stored = await store.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM records WHERE tbl = 'decisions' AND data->>'title' LIKE 'Crash test %'",
    );
    await store.close();
    // The server kept what it committed, and A still holds it unacknowledged: the retry must
    // not apply it twice.
    expect(stored[0]?.n).toBeGreaterThan(0);
    const waiting = await a.worker.evaluate(() =>
      (globalThis as unknown as Debug).decidedly.db().outbox.toArray(),
    );
    expect(waiting.some((e) => e.mutationId !== undefined)).toBe(true);

    await server.start();
    await sync(a);
    await sync(a);
    await sync(b);
    const titles = (
      await b.worker.evaluate(() => (globalThis as unknown as Debug).decidedly.db().decisions.toArray())
    )
      .map((d) => String(d.title))
      .filter((t) => t.startsWith('Crash test '));
    expect(titles).toHaveLength(40);
    expect(new Set(titles).size).toBe(40);
  });

  it('keeps the quote of a "do not sync quotes" site off the server', async () => {
    const options = await a.openExtensionPage('options');
    await options.getByLabel('Site whose quotes stay private').fill('github.com');
    await options.getByRole('button', { name: 'Keep its quotes private' }).click();
    await options.close();
    const gh = await a.context.newPage();
    await gh.goto('https://github.com/acme/checkout/pull/42');
    const phrase = 'We decided against a memory fallback';
    await dragSelect(gh, phrase);
    await clickLogDecision(gh);
    const frame = await sidebarFrame(gh);
    await frame.getByLabel('Decision', { exact: true }).fill('Private quote decision');
    await frame.getByLabel('Decision', { exact: true }).press('Enter');
    await frame.getByRole('heading', { name: 'Private quote decision' }).waitFor();
    await sync(a);
    await server.stop();
    const { openPgliteStore } = await import('../../src/server/store/pglite');
    const store = await openPgliteStore(server.dataDir);
    const rows = await store.query<{ data: unknown }>("SELECT data FROM records WHERE tbl = 'anchors'");
    await store.close();
    const anchors = rows.map((r) => JSON.stringify(r.data));
    expect(anchors.some((t) => t.includes('"quotePrivate":true'))).toBe(true);
    expect(anchors.some((t) => t.includes(phrase.slice(0, 30)))).toBe(false);
    expect(anchors.some((t) => t.includes(QUOTE.slice(0, 30)))).toBe(true);
    await server.start();
  });
});
