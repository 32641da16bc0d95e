// The real-browser harness: the built extension loaded into the system Chromium through
// playwright-core, fixture pages served at the real sites' URLs by request interception (no
// traffic leaves the machine), and helpers for the extension's pages and service worker.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from 'axe-core';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { fixtureFor, readFixture } from '../fixtures/pages/index';

// DECIDEDLY_DIST lets several builds coexist (e.g. two engineers testing at once).
export const DIST = process.env.DECIDEDLY_DIST ?? resolve(import.meta.dirname, '../../dist');
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export interface Harness {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Serves `html` at `url` (overrides the fixture map) until changed again. */
  serve(url: string, html: string): void;
  /** An extension page: 'popup' | 'options' | 'sidebar' | 'log'. */
  extensionUrl(page: string): string;
  openExtensionPage(page: string): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  profile?: string;
}

export async function launch(options: LaunchOptions = {}): Promise<Harness> {
  if (!existsSync(join(DIST, 'manifest.json')))
    throw new Error(`No build in ${DIST}: run npm run build first.`);
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'decidedly-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    // Playwright's default flags, untouched: third-party cookies blocked and third-party storage
    // partitioning off, the strictest policy a Chromium applies to an extension frame in a page
    // (enterprise policy can set it too). Nothing of ours may depend on a looser one (issue 13).
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-extensions-except=${DIST}`,
      `--load-extension=${DIST}`,
    ],
  });
  const overrides = new Map<string, string>();
  await context.route(/^https?:\/\//, async (route) => {
    const url = route.request().url();
    const html =
      overrides.get(url.split('#')[0] ?? url) ??
      (fixtureFor(url) ? readFixture(fixtureFor(url)?.file ?? '') : null);
    if (html !== null && route.request().resourceType() === 'document') {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    }
    // Loopback is ours (a test's sync server); nothing else may leave the machine.
    if (/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url)) return route.continue();
    return route.fulfill({ status: 404, body: '' });
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const extensionUrl = (page: string) => `chrome-extension://${extensionId}/src/${page}/index.html`;
  return {
    context,
    worker,
    extensionId,
    serve: (url, html) => overrides.set(url, html),
    extensionUrl,
    async openExtensionPage(page) {
      const p = await context.newPage();
      await p.goto(extensionUrl(page));
      return p;
    },
    async close() {
      await context.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Runs axe on a page (or a frame) and returns the serious and critical violations. */
export async function seriousViolations(page: Page | import('playwright-core').Frame) {
  // Evaluated through the debugger protocol: extension pages' CSP forbids inline script tags.
  await page.evaluate(AxeBuilder.source);
  const result = (await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            ctx?: unknown,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return axe.run(document);
  })) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * The sidebar's frame on a page, once it is attached. Its iframe is in a closed shadow root, out
 * of reach of locators; the browser still lists it among the page's frames.
 */
export async function sidebarFrame(page: Page) {
  const isSidebar = (f: import('playwright-core').Frame) =>
    f !== page.mainFrame() && f.url().startsWith('chrome-extension://') && f.url().includes('/src/sidebar/');
  const navigated = page.waitForEvent('framenavigated', { predicate: isSidebar, timeout: 10_000 });
  const frame = page.frames().find(isSidebar) ?? (await navigated);
  navigated.catch(() => {});
  await frame.waitForLoadState('domcontentloaded');
  return frame;
}

/** Toggles the sidebar of the page's tab through the background, as the command does. */
export async function toggleSidebarViaCommand(h: Harness, page: Page) {
  await page.bringToFront();
  await h.worker.evaluate(async () => {
    const api = (globalThis as unknown as { decidedly: { onCommand: (c: string) => Promise<void> } })
      .decidedly;
    await api.onCommand('toggle-sidebar');
  });
}

/**
 * Clicks the extension's toolbar action on the page's tab (through the DevTools protocol, since
 * automation cannot reach the toolbar), which grants `activeTab` there as a person's click does.
 */
export async function clickAction(h: Harness, page: Page) {
  const browser = h.context.browser();
  if (!browser) throw new Error('No browser to talk to.');
  const session = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await session.send('Target.getTargets', {
      filter: [{ type: 'tab' }],
    } as never)) as {
      targetInfos: { targetId: string; url: string }[];
    };
    const tab = targetInfos.find((t) => t.url === page.url());
    if (!tab) throw new Error(`No tab shows ${page.url()}.`);
    await session.send(
      'Extensions.triggerAction' as never,
      { id: h.extensionId, targetId: tab.targetId } as never,
    );
  } finally {
    await session.detach();
  }
}

/** Runs one of the extension's keyboard commands on the page's tab, as its shortcut does. */
export async function runCommand(h: Harness, page: Page, name: 'toggle-sidebar' | 'log-decision') {
  await page.bringToFront();
  await h.worker.evaluate(async (c) => {
    const api = (globalThis as unknown as { decidedly: { onCommand: (c: string) => Promise<void> } })
      .decidedly;
    await api.onCommand(c);
  }, name);
}

/**
 * Grants the extension host access to `patterns` from its page in chrome://extensions, as a
 * person can in the browser's settings: automation cannot answer the permission prompt.
 */
export async function grantHostAccess(h: Harness, ...patterns: string[]) {
  const settings = await h.context.newPage();
  await settings.goto(`chrome://extensions/?id=${h.extensionId}`);
  await settings.evaluate(
    async ({ id, patterns }) => {
      const { developerPrivate } = (
        globalThis as unknown as {
          chrome: { developerPrivate: { addHostPermission(i: string, o: string): Promise<void> } };
        }
      ).chrome;
      for (const pattern of patterns) await developerPrivate.addHostPermission(id, pattern);
    },
    { id: h.extensionId, patterns },
  );
  await settings.close();
}
