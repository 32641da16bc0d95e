// The core journeys in real Firefox, on the add-on built for it: a decision is highlighted and
// stays so after a reload, the popup lists what is due, Options adds a site (the permission
// asked in the click, the content script registered by path) and connects to a sync server.
// Any error the add-on prints fails the test that caused it.
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, serverProcess } from '../e2e/server-process';
import { readFixture } from '../fixtures/pages/index';
import { type FirefoxHarness, inBackground, launchFirefox } from './harness';
import {
  adderCenter,
  bodyText,
  dragSelect,
  localPage,
  openHighlights,
  sidebarFrame,
  textOf,
  until,
} from './page-helpers';

const JIRA = 'https://acme.atlassian.net/browse/ACME-7';
const QUOTE = 'We decided to move session storage to Redis, with a 30-minute sliding expiry.';
const SELF_HOSTED = 'https://jira.corp.example/browse/OPS-12';
const BLOG = 'https://blog.example.com/2024/05/why-we-moved-sessions-to-redis';
const CAPTURED = 'Trade-off accepted: one more piece of infrastructure for the platform team to run';

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

  it('logs a decision from a mouse selection; it stays highlighted after a reload and the sidebar lists it', async () => {
    const page = await h.open(JIRA);
    await dragSelect(page, CAPTURED);
    // The "Log decision" button next to the selection, clicked with the mouse.
    const adder = await until(
      () => adderCenter(page),
      (box) => box !== null,
      'the Log decision button',
    );
    await page.mouse.click(adder?.x ?? 0, adder?.y ?? 0);
    const sidebar = await sidebarFrame(page);
    await sidebar.waitForSelector('#capture-title', { timeout: 15_000 });
    await sidebar.type('#capture-title', 'Platform team runs Redis');
    await page.keyboard.press('Enter');
    await until(
      () => bodyText(sidebar),
      (t) => t.includes('Platform team runs Redis'),
      'the saved decision',
    );
    await until(
      () => openHighlights(page),
      (t) => t.includes(CAPTURED),
      'the new highlight',
    );

    await page.reload();
    await until(
      () => openHighlights(page),
      (t) => t.includes(CAPTURED),
      'the highlight after reload',
    );
    await page.bringToFront();
    await inBackground(ext, async (d) => d.onCommand('toggle-sidebar'));
    const again = await sidebarFrame(page);
    await until(
      () => bodyText(again),
      (t) => t.includes('Platform team runs Redis'),
      'the sidebar list',
    );
    await page.close();
  });

  it('opens the sidebar on a page the content script is injected into on demand', async () => {
    // Decidedly does not run on the blog by default: allow it (in a click, as a person does),
    // then toggle; the background injects the script and messages it at once.
    await ext.evaluate(() => {
      const b = (globalThis as unknown as { browser: typeof import('webextension-polyfill') }).browser;
      document.body.addEventListener(
        'click',
        () => void b.permissions.request({ origins: ['https://blog.example.com/*'] }),
        { once: true },
      );
    });
    await ext.click('h1');
    const page = await h.open(BLOG);
    expect(await page.$$eval('decidedly-adder', (n) => n.length)).toBe(0);
    await page.bringToFront();
    await inBackground(ext, async (d) => d.onCommand('toggle-sidebar'));
    const sidebar = await sidebarFrame(page);
    await until(
      () => bodyText(sidebar),
      (t) => t.includes('No decisions on this page yet.'),
      'the sidebar',
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

  it('a site added with a port runs Decidedly on that port only', async () => {
    // Two local servers of the same page: Firefox's pattern for 127.0.0.1 covers both ports.
    const servers = await Promise.all([localPage(), localPage()]);
    try {
      const [added, other] = servers.map((s) => `http://127.0.0.1:${s.port}/notes`);
      const options = await h.openExtensionPage('options', '#host-input');
      await options.type('#host-input', added ?? '');
      await options.select('#host-site', 'generic');
      await options.click('form[aria-label="Add a site"] button[type="submit"]');
      await until(
        () => textOf(options, '[role="status"]'),
        (t) => t.some((s) => s.includes(`Decidedly now runs on 127.0.0.1:${servers[0]?.port}`)),
        'the site to be added',
      );
      await options.close();

      const yes = await h.open(added ?? '');
      await until(
        () => yes.$$eval('decidedly-adder', (n) => n.length),
        (n) => n === 1,
        'the content script',
      );
      const no = await h.open(other ?? '');
      // The script is injected there too: it answers when asked (twice, so its start-up, which
      // began before its listener, has run) but starts nothing by itself.
      for (let i = 0; i < 2; i++) {
        const reply = await ext.evaluate(async (url: string) => {
          const b = (globalThis as unknown as { browser: typeof import('webextension-polyfill') }).browser;
          // Not tabs.query({ url }): that takes a match pattern, and Firefox's have no port.
          const tab = (await b.tabs.query({})).find((t) => t.url === url);
          const message = { dir: 'backgroundToContent', name: 'sidebar:toggle', payload: { open: false } };
          return tab?.id === undefined ? null : b.tabs.sendMessage(tab.id, message, { frameId: 0 });
        }, other ?? '');
        expect(reply).toEqual({ open: false });
      }
      expect(await no.$$eval('decidedly-adder', (n) => n.length)).toBe(0);
      await yes.close();
      await no.close();
    } finally {
      for (const s of servers) s.server.close();
    }
  });

  describe('with a sync server', () => {
    let server: ServerProcess;
    let token: string;
    beforeAll(async () => {
      server = await serverProcess();
      token = server.cli<{ token: string }>('workspace', 'create', 'Acme', '--admin-name', 'Avery').token;
      await server.start(120_000);
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
