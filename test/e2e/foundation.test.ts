// The foundation journey: the extension loads, the content script runs on a Jira page, the
// sidebar toggles through the background path, the pages render and follow the database live.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpackedExtensionId } from '../../scripts/browser.mjs';
import {
  DIST,
  type Harness,
  launch,
  seriousViolations,
  sidebarFrame,
  toggleSidebarViaCommand,
} from './harness';

const JIRA = 'https://acme.atlassian.net/browse/ACME-7';

describe('foundation in real Chromium', () => {
  let h: Harness;
  let page: Page;

  beforeAll(async () => {
    h = await launch();
    page = await h.context.newPage();
    await page.goto(JIRA);
  });
  afterAll(async () => h?.close());

  it('starts the service worker with the manifest it was built from', async () => {
    expect(h.extensionId).toMatch(/^[a-p]{32}$/);
    // npm start pins the extension by this id in its profile: it must be the one Chromium gives.
    expect(unpackedExtensionId(DIST)).toBe(h.extensionId);
    const manifest = await h.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(Object.keys(manifest.commands ?? {})).toEqual(
      expect.arrayContaining(['toggle-sidebar', 'log-decision']),
    );
  });

  it('toggles the sidebar open and closed through the command path', async () => {
    await expect.poll(() => page.locator('decidedly-adder').count()).toBe(1);
    await toggleSidebarViaCommand(h, page);
    const frame = await sidebarFrame(page);
    // The host's shadow root is closed: the frame's own element says whether it shows.
    const shown = () =>
      frame.frameElement().then(
        (el) => el.isVisible(),
        () => false,
      );
    await expect.poll(shown).toBe(true);
    await frame.getByText('No decisions on this page yet.').waitFor();
    await toggleSidebarViaCommand(h, page);
    await expect.poll(shown).toBe(false);
  });

  it('shows a record written through the background in the open popup without reload', async () => {
    const popup = await h.openExtensionPage('popup');
    await popup.getByText('Decisions you log').waitFor();
    const options = await h.openExtensionPage('options');
    const reply = await options.evaluate(() =>
      chrome.runtime.sendMessage({
        dir: 'pageToBackground',
        name: 'decision:create',
        payload: { title: 'Keep sessions in Redis' },
      }),
    );
    expect(reply).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    await popup.getByText('Keep sessions in Redis').waitFor();
    const malformed = await options.evaluate(() =>
      chrome.runtime.sendMessage({
        dir: 'pageToBackground',
        name: 'decision:create',
        payload: { title: 42 },
      }),
    );
    expect(malformed).toMatchObject({
      error: { code: 'bad-request', message: expect.stringContaining('title') },
    });
    await popup.close();
    await options.close();
  });

  it('pushes a 1,024 px page aside rather than covering it, and remembers a resized width', async () => {
    const narrow = await h.context.newPage();
    await narrow.setViewportSize({ width: 1024, height: 768 });
    await narrow.goto(JIRA);
    await expect.poll(() => narrow.locator('decidedly-adder').count()).toBe(1);
    await toggleSidebarViaCommand(h, narrow);
    const frame = await sidebarFrame(narrow);
    const pushed = () =>
      narrow.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).marginRight));
    await expect.poll(pushed).toBeGreaterThanOrEqual(300);
    // In a closed shadow root: reached from the frame's element, as no page script can.
    const grip = (
      await (
        await frame.frameElement()
      ).evaluateHandle((f) => (f.getRootNode() as ShadowRoot).querySelector('[role="separator"]'))
    ).asElement();
    if (!grip) throw new Error('No resize grip beside the sidebar.');
    const before = Number(await grip.getAttribute('aria-valuenow'));
    await grip.press('ArrowLeft');
    await expect.poll(pushed).toBe(before + 24);
    await narrow.reload();
    await expect.poll(() => narrow.locator('decidedly-adder').count()).toBe(1);
    await toggleSidebarViaCommand(h, narrow);
    await expect.poll(pushed).toBe(before + 24);
    await narrow.close();
  });

  it('has no serious accessibility violations on popup, options and sidebar', async () => {
    // What each page shows once it has rendered (not `networkidle`, which a loaded machine can
    // keep from coming within the timeout): the popup's first list, the options' title. Opened
    // unframed, the sidebar gets no data and renders nothing: its load event is all there is
    // (sidebar.test.ts checks it framed, with data).
    const ready: Record<string, (p: Page) => Promise<unknown>> = {
      popup: (p) =>
        p.waitForFunction(() => performance.getEntriesByName('decidedly:due-rendered').length > 0),
      options: (p) => p.locator('#options-title').waitFor(),
      sidebar: async () => {},
    };
    for (const name of ['popup', 'options', 'sidebar']) {
      const p = await h.openExtensionPage(name);
      await ready[name]?.(p);
      await p.waitForLoadState('load');
      expect(await seriousViolations(p), name).toEqual([]);
      await p.close();
    }
  });
});
