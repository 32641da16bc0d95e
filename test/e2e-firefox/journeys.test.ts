// The core journeys in real Firefox, on the add-on built for it: a decision is highlighted and
// stays so after a reload, the popup lists what is due, Options adds a site (the permission
// asked in the click, the content script registered by path) and connects to a sync server.
// Any error the add-on prints fails the test that caused it.
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, serverProcess } from '../e2e/server-process';
import { readFixture } from '../fixtures/pages/index';
import { type FirefoxHarness, inBackground, launchFirefox } from './harness';

const JIRA = 'https://acme.atlassian.net/browse/ACME-7';
const QUOTE = 'We decided to move session storage to Redis, with a 30-minute sliding expiry.';
const SELF_HOSTED = 'https://jira.corp.example/browse/OPS-12';

/** The text each highlight of the page covers, by highlight name (as the page's CSS sees it). */
const highlighted = (page: Page) =>
  page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights.entries())
      out[name] = [...highlight].map((r) => (r as Range).toString().replace(/\s+/g, ' ').trim());
    return out;
  });
const openHighlights = async (page: Page) => (await highlighted(page))['decidedly-open'] ?? [];

/** Polls until `read` gives what `ok` wants (the add-on works asynchronously). */
async function until<T>(
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  what: string,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read().catch(() => undefined);
    if (last !== undefined && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`Timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
}

const textOf = (page: Page, selector: string) =>
  page.$$eval(selector, (nodes) => nodes.map((n) => n.textContent?.replace(/\s+/g, ' ').trim() ?? ''));

describe('Decidedly in real Firefox', () => {
  let h: FirefoxHarness;
  /** An extension page kept open to reach the background page. */
  let ext: Page;

  beforeAll(async () => {
    h = await launchFirefox();
    ext = await h.openExtensionPage('options', '#host-input');
  });
  afterAll(async () => h?.close());
  afterEach(() => {
    expect(h.takeAddonErrors()).toEqual([]);
  });

  it('highlights a saved decision on its page, and again after a reload', async () => {
    await inBackground(
      ext,
      async (d, a: { url: string; quote: string }) => {
        const ctx = await d.writeContext();
        const id = await d.repo.createDecision(
          ctx,
          { title: 'Move sessions to Redis' },
          {
            pageKey: 'jira:acme.atlassian.net:ACME-7',
            url: a.url,
            pageTitle: 'ACME-7 · Fix the login timeout during checkout',
            site: 'jira',
            selectors: {
              quote: { exact: a.quote, prefix: '2 days ago', suffix: ' Sticky sessions' },
              position: { start: 0, end: 0 },
            },
          },
        );
        await d.repo.addFollowUp(ctx, id, {
          title: 'Send the migration plan',
          dueAt: new Date(Date.now() - 3_600_000).toISOString(),
        });
        await d.notifyDataChanged();
        return id;
      },
      { url: JIRA, quote: QUOTE },
    );
    const page = await h.open(JIRA);
    await until(
      () => openHighlights(page),
      (t) => t.length === 1 && t[0] === QUOTE,
      'the highlight',
    );
    await page.reload();
    await until(
      () => openHighlights(page),
      (t) => t.length === 1 && t[0] === QUOTE,
      'the highlight after reload',
    );
    await page.close();
  });

  it('the popup lists the due follow-up', async () => {
    const popup = await h.openExtensionPage('popup', '.due-overdue article');
    expect(await textOf(popup, '.due-overdue article h3, .due-overdue article [id]')).toEqual(
      expect.arrayContaining([expect.stringContaining('Send the migration plan')]),
    );
    await popup.close();
  });

  it('Options → Add site asks for the host in the click and runs Decidedly there', async () => {
    h.proxy.serve(SELF_HOSTED, readFixture('jira-issue.html'));
    const before = await h.open(SELF_HOSTED);
    expect(await before.$$eval('decidedly-adder', (n) => n.length)).toBe(0);
    await before.close();

    const options = await h.openExtensionPage('options', '#host-input');
    await options.type('#host-input', SELF_HOSTED);
    await options.select('#host-site', 'jira');
    await options.click('form[aria-label="Add a site"] button[type="submit"]');
    await until(
      () => textOf(options, '[role="status"]'),
      (t) => t.some((s) => s.includes('Decidedly now runs on jira.corp.example')),
      'the site to be added',
    );
    await options.close();

    const page = await h.open(SELF_HOSTED);
    await until(
      () => page.$$eval('decidedly-adder', (n) => n.length),
      (n) => n === 1,
      'the content script',
    );
    await page.close();
  });

  describe('with a sync server', () => {
    let server: ServerProcess;
    let token: string;
    beforeAll(async () => {
      server = await serverProcess();
      token = server.cli<{ token: string }>('workspace', 'create', 'Acme', '--admin-name', 'Avery').token;
      await server.start();
    });
    afterAll(async () => server?.dispose());

    it('Options → Team sync connects with an invite token and syncs', async () => {
      const options = await h.openExtensionPage('options', '#sync-url');
      await options.type('#sync-url', server.url);
      await options.type('#sync-token', token);
      await options.click('form[aria-label="Connect to a sync server"] button[type="submit"]');
      await until(
        () => textOf(options, '[role="status"]'),
        (t) => t.some((s) => /Connected to Acme as Avery/.test(s)),
        'the connection',
      );
      await until(
        () => options.evaluate(() => document.body.textContent ?? ''),
        (t) => /Synced \d+ s ago/.test(t),
        'the first sync',
        30_000,
      );
      await options.close();
    });
  });
});
