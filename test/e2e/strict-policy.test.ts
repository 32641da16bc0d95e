// The sidebar under the strictest storage policy a Chromium applies to an extension frame in a
// web page: Playwright's default flags (third-party cookies blocked, storage partitioning off),
// where a frame that opened IndexedDB itself got "The user denied permission to access the
// database" (issue 13). The sidebar owns no storage, so logging, highlighting, listing and the
// popup work the same, on a listed site and on a site granted only through activeTab. A page
// that frames the sidebar or the tooltip itself gets an empty frame (DESIGN §6).
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '../fixtures/pages/index';
import {
  clickAction,
  type Harness,
  launch,
  runCommand,
  sidebarFrame,
  toggleSidebarViaCommand,
} from './harness';
import { allHighlighted, clickLogDecision, dragSelect, highlightedTexts, phraseBox } from './select';

const JIRA = 'https://acme.atlassian.net/browse/ACME-7';
const JIRA_QUOTE = 'We decided to move session storage to Redis, with a 30-minute sliding expiry.';
// Not in the manifest's host list: Decidedly reaches it only when a person invokes it there.
const ELSEWHERE = 'https://wiki.intranet.example/engineering/sessions';
const ELSEWHERE_QUOTE = 'or move sessions to a shared store';
const today = () => new Date().toISOString().slice(0, 10);

/** Select → Log decision → a quick-add line with a follow-up due today → Enter. */
async function logDecision(page: Page, quote: string, title: string, start: () => Promise<void>) {
  expect(await dragSelect(page, quote)).toContain(quote.slice(0, 20));
  await start();
  const frame = await sidebarFrame(page);
  const field = frame.getByLabel('Decision', { exact: true });
  await field.waitFor();
  await field.fill(`${title} @Dana due:${today()}`);
  await field.press('Enter');
  await frame.getByRole('heading', { name: title }).waitFor();
  // Saved, and no "Not saved" banner: the background stored it.
  expect(await frame.getByRole('alert').count()).toBe(0);
}

const highlighted = async (page: Page) => allHighlighted(await highlightedTexts(page));

async function popupLists(h: Harness, decisionTitle: string) {
  const popup = await h.openExtensionPage('popup');
  const step = popup
    .getByRole('article', { name: 'Reach a decision' })
    .filter({ hasText: `Decision: ${decisionTitle}` });
  await step.waitFor();
  await popup.close();
}

async function sidebarLists(h: Harness, page: Page, title: string): Promise<Frame> {
  await toggleSidebarViaCommand(h, page);
  const frame = await sidebarFrame(page);
  await frame.getByRole('button', { name: new RegExp(title) }).waitFor();
  return frame;
}

describe('Chromium with Playwright’s default storage policy', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => h?.close());

  it('logs a decision on a listed site, keeps it highlighted, lists it in the sidebar and the popup', async () => {
    const page = await h.context.newPage();
    await page.goto(JIRA);
    await expect.poll(() => page.locator('decidedly-adder').count()).toBe(1);
    // A person's click: the button sits in a closed shadow root the page (and a locator) cannot reach.
    await logDecision(page, JIRA_QUOTE, 'Keep sessions in Redis', () => clickLogDecision(page));
    await expect.poll(() => highlighted(page)).toEqual([JIRA_QUOTE]);
    await page.reload();
    await expect.poll(() => highlighted(page)).toEqual([JIRA_QUOTE]);
    // The hover tip, another frame in the page, shows the title it asked the background for.
    const box = await phraseBox(page, 'move session storage to Redis');
    if (!box) throw new Error('The quote is not on the page.');
    await page.mouse.move(box.x1 + 4, box.y1);
    await page.mouse.move(box.x1 + 12, box.y1, { steps: 3 });
    await expect
      .poll(async () => {
        const tip = page.frames().find((f) => f.url().includes('/src/tooltip/index.html'));
        return tip ? tip.evaluate(() => document.body.textContent ?? '') : '';
      })
      .toContain('Keep sessions in Redis');
    await sidebarLists(h, page, 'Keep sessions in Redis');
    await popupLists(h, 'Keep sessions in Redis');
    await page.close();
  });

  it('does the same on a site granted only through activeTab (the toolbar action)', async () => {
    h.serve(ELSEWHERE, readFixture('generic-article.html'));
    const page = await h.context.newPage();
    await page.goto(ELSEWHERE);
    // Not injected until the person invokes Decidedly on this tab.
    expect(await page.locator('decidedly-adder').count()).toBe(0);
    await logDecision(page, ELSEWHERE_QUOTE, 'Use a shared session store', async () => {
      // The action's click grants activeTab; then the command injects and captures.
      await clickAction(h, page);
      await runCommand(h, page, 'log-decision');
    });
    await expect.poll(() => highlighted(page)).toEqual([ELSEWHERE_QUOTE]);
    // A reload ends the grant: the next click on the action brings Decidedly back, highlight too.
    await page.reload();
    expect(await page.locator('decidedly-adder').count()).toBe(0);
    await clickAction(h, page);
    await runCommand(h, page, 'toggle-sidebar');
    const frame = await sidebarFrame(page);
    await frame.getByRole('button', { name: /Use a shared session store/ }).waitFor();
    await expect.poll(() => highlighted(page)).toEqual([ELSEWHERE_QUOTE]);
    await popupLists(h, 'Use a shared session store');
    await page.close();
  });

  it('gives a page that frames the sidebar or the tooltip itself no data', async () => {
    // The workspace has a decision on a page of this site, so there is something to leak.
    const EVIL = 'https://acme.atlassian.net/browse/EVIL-1';
    h.serve(EVIL, '<!doctype html><title>Evil</title><p>Nothing to see.</p>');
    const page = await h.context.newPage();
    await page.goto(EVIL);
    // The page frames our pages by the addresses it can know, and waits until both have loaded
    // (an error page loads too).
    await page.evaluate(
      async (urls) =>
        Promise.all(
          urls.map(
            (src) =>
              new Promise<void>((done) => {
                const frame = document.createElement('iframe');
                frame.addEventListener('load', () => done(), { once: true });
                frame.src = src;
                document.body.append(frame);
              }),
          ),
        ),
      [h.extensionUrl('sidebar'), `${h.extensionUrl('tooltip')}#00000000-0000-4000-8000-000000000000`],
    );
    // With use_dynamic_url the static addresses are refused outright. Should a frame of ours load
    // anyway, it is refused by the handshake: fed a made-up secret, it stays empty.
    const ours = page.frames().filter((f) => f.url().startsWith('chrome-extension://'));
    await page.evaluate(() => {
      for (const frame of document.querySelectorAll('iframe'))
        frame.contentWindow?.postMessage({ type: 'decidedly:frame-secret', secret: 'f'.repeat(64) }, '*');
    });
    for (const frame of ours) {
      await frame.waitForFunction(() => document.body.dataset.frame === 'denied');
      expect(await frame.evaluate(() => document.getElementById('app')?.childElementCount)).toBe(0);
    }
    for (const frame of page.frames()) {
      const text = await frame.evaluate(() => document.body?.textContent ?? '').catch(() => '');
      expect(text).not.toContain('Keep sessions in Redis');
    }
    await page.close();
  });

  // Last: it stops the worker the harness's handle points at.
  it('keeps working when the service worker is stopped: the sidebar reconnects and saves', async () => {
    const page = await h.context.newPage();
    await page.goto(JIRA);
    const frame = await sidebarLists(h, page, 'Keep sessions in Redis');
    // A mark on the running worker's global: a restarted worker does not have it.
    await h.worker.evaluate(() => {
      (globalThis as { restartMark?: boolean }).restartMark = true;
    });
    // Stopped from one of our pages: the DevTools protocol stops workers of the page's origin.
    const ours = await h.openExtensionPage('options');
    const cdp = await h.context.newCDPSession(ours);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await ours.close();
    const marked = () =>
      Promise.all(
        h.context
          .serviceWorkers()
          .map((w) =>
            w
              .evaluate(() => (globalThis as { restartMark?: boolean }).restartMark === true)
              .catch(() => false),
          ),
      );
    await expect.poll(marked).not.toContain(true);
    // MV3 stops the worker at any time; the sidebar's port drops and it connects again.
    await frame.getByRole('button', { name: 'Log a page decision' }).click();
    const field = frame.getByLabel('Decision', { exact: true });
    await field.fill('Sessions survive a worker restart');
    await field.press('Enter');
    await frame.getByRole('heading', { name: 'Sessions survive a worker restart' }).waitFor();
    await frame.getByRole('button', { name: /All decisions on this page/ }).click();
    await frame.getByRole('button', { name: /Keep sessions in Redis/ }).waitFor();
    await frame.getByRole('button', { name: /Sessions survive a worker restart/ }).waitFor();
    await page.close();
  });
});
