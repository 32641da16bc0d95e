// The built add-on in real Firefox (Debian's firefox-esr) over WebDriver BiDi with puppeteer-core:
// installed as a temporary add-on with a fixed moz-extension UUID, fixture pages at their real
// URLs through a local proxy (proxy.ts), and every error the add-on logs collected so a test
// can fail on it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { type FixtureProxy, startFixtureProxy } from './proxy';

export const DIST_FIREFOX =
  process.env.DECIDEDLY_DIST_FIREFOX ?? resolve(import.meta.dirname, '../../dist-firefox');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const HOW_TO_INSTALL_FIREFOX = `No Firefox at ${FIREFOX}: apt-get install -y firefox-esr (or set FIREFOX_PATH).`;
/** The add-on's id (vite.config.ts) and the moz-extension UUID it gets here. */
export const ADDON_ID = 'decidedly@decidedly.dev';
export const UUID = '5d0c7a51-3f8e-4b9a-9c61-0d2a4e6f8b13';

// Firefox's own chrome also logs errors to stdout (the remote agent, actors of closing tabs, its
// remote-settings loader finding no network). Those are not the add-on's; any other error is.
const BROWSER_NOISE = [
  /chrome:\/\/|resource:\/\//,
  /JSWindowActor(Child|Parent)/,
  /Storage Access API on behalf/,
  /^console\.error: RSLoader:/,
];

export interface FirefoxHarness {
  browser: Browser;
  proxy: FixtureProxy;
  /** moz-extension URL of an extension page: 'popup' | 'options' | 'sidebar' | 'log'. */
  extensionUrl(page: string): string;
  /** A web page at a (fixture) URL, loaded. */
  open(url: string): Promise<Page>;
  /**
   * An extension page, once `ready` (a selector) is there: such navigations never report that
   * they finished, so the page's own content is what is waited for.
   */
  openExtensionPage(page: string, ready: string): Promise<Page>;
  /** Errors the add-on printed since the harness started or since the last call. */
  takeAddonErrors(): string[];
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<FirefoxHarness> {
  if (!existsSync(FIREFOX)) throw new Error(HOW_TO_INSTALL_FIREFOX);
  if (!existsSync(resolve(DIST_FIREFOX, 'manifest.json')))
    throw new Error(`No Firefox build in ${DIST_FIREFOX}: run npm run build:firefox first.`);
  const proxy = await startFixtureProxy();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    defaultViewport: { width: 1400, height: 900 },
    // Lets BiDi script extension (moz-extension:) pages, not only web pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      // Fixed before install, so extension URLs are known in advance.
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
      // permissions.request grants without the doorhanger automation cannot click.
      'extensions.webextOptionalPermissionPrompts': false,
      'devtools.console.stdout.content': true,
      'devtools.console.stdout.chrome': true,
    },
  });
  const errors: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      const isError = /^(console\.error:|JavaScript error:)/.test(line) || /Uncaught|unhandled/i.test(line);
      const ours = line.includes(`moz-extension://${UUID}`);
      if ((isError && !BROWSER_NOISE.some((n) => n.test(line))) || (ours && /error/i.test(line)))
        errors.push(line);
    }
  };
  browser.process()?.stdout?.on('data', collect);
  browser.process()?.stderr?.on('data', collect);
  const installed = await browser.installExtension(DIST_FIREFOX);
  if (installed !== ADDON_ID) throw new Error(`Installed ${installed}, expected ${ADDON_ID}`);

  const extensionUrl = (page: string) => `moz-extension://${UUID}/src/${page}/index.html`;
  return {
    browser,
    proxy,
    extensionUrl,
    async open(url) {
      const page = await browser.newPage();
      await page.goto(url);
      return page;
    },
    async openExtensionPage(name, ready) {
      const page = await browser.newPage();
      void page.goto(extensionUrl(name)).catch(() => {});
      // Polled rather than waitForSelector: while the tab leaves about:blank, BiDi can fail an
      // evaluation outright instead of waiting.
      const deadline = Date.now() + 15_000;
      while (!(await page.$(ready).catch(() => null))) {
        if (Date.now() > deadline) throw new Error(`${name}: ${ready} did not appear`);
        await new Promise((r) => setTimeout(r, 150));
      }
      return page;
    },
    takeAddonErrors: () => errors.splice(0),
    async close() {
      await browser.close();
      await proxy.close();
    },
  };
}

/**
 * Runs `fn` in the add-on's background page (Firefox's MV3 background is an event page, reached
 * from any extension page), with `decidedly`, its test handle (src/background/main.ts). `args`
 * crosses as JSON and is parsed in the background's own realm, so its objects are native there.
 */
export async function inBackground<T>(
  extensionPage: Page,
  fn: (decidedly: Decidedly, args: never) => Promise<T>,
  args: unknown = null,
): Promise<T> {
  // One expression puppeteer evaluates as it is (extension pages' CSP forbids eval in the page).
  const expression = `(async () => {
    const bg = await browser.runtime.getBackgroundPage();
    const result = await (${fn.toString()})(bg.decidedly, bg.JSON.parse(${JSON.stringify(JSON.stringify(args))}));
    return JSON.parse(JSON.stringify(result ?? null));
  })()`;
  return extensionPage.evaluate(expression) as Promise<T>;
}

export interface Decidedly {
  writeContext(): Promise<unknown>;
  notifyDataChanged(): Promise<void>;
  onCommand(command: string): Promise<void>;
  runSync(reason: string): Promise<void>;
  db(): Record<
    string,
    { toArray(): Promise<Record<string, unknown>[]>; put(row: unknown): Promise<unknown> }
  >;
  repo: {
    createDecision(
      ctx: unknown,
      fields: { title: string; rationale?: string },
      anchor?: unknown,
    ): Promise<string>;
    addFollowUp(ctx: unknown, id: string, f: { title: string; dueAt?: string }): Promise<string>;
    createStakeholder(ctx: unknown, fields: { name: string }): Promise<string>;
    addRole(ctx: unknown, decisionId: string, stakeholderId: string, raci: string): Promise<string>;
    setStatus(ctx: unknown, decisionId: string, status: string): Promise<void>;
  };
}

/** Clicks the element at `selector` (in the page or an open shadow root) with a real mouse click. */
export async function clickAt(page: Page, box: { x: number; y: number } | null) {
  if (!box) throw new Error('Nothing to click');
  await page.mouse.click(box.x, box.y);
}
