// Page identity in real Chromium: a decision follows the ticket across URL shapes and SPA
// navigation; Google Docs logs page decisions; a self-hosted host added in options runs Decidedly.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '../fixtures/pages/index';
import { grantHostAccess, type Harness, launch, sidebarFrame, toggleSidebarViaCommand } from './harness';

type Handle = {
  decidedly: {
    writeContext: () => Promise<unknown>;
    notifyDataChanged: () => Promise<void>;
    repo: { createDecision: (ctx: unknown, f: { title: string }, a: unknown) => Promise<string> };
  };
};

async function seed(h: Harness, title: string, anchor: { pageKey: string; url: string; site: string }) {
  return h.worker.evaluate(
    async ({ title, anchor }) => {
      const d = (globalThis as unknown as Handle).decidedly;
      const id = await d.repo.createDecision(
        await d.writeContext(),
        { title },
        { ...anchor, pageTitle: title, selectors: null },
      );
      await d.notifyDataChanged();
      return id;
    },
    { title, anchor },
  );
}

async function openSidebarFrame(page: Page) {
  const frame = await sidebarFrame(page);
  await frame.locator('main').waitFor();
  return frame;
}

describe('sites in real Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => h?.close());

  it('shows a Jira decision on the board view of the same issue', async () => {
    await seed(h, 'Rotate session ids on login', {
      pageKey: 'jira:acme.atlassian.net:ACME-7',
      url: 'https://acme.atlassian.net/browse/ACME-7',
      site: 'jira',
    });
    const page = await h.context.newPage();
    await page.goto('https://acme.atlassian.net/jira/software/projects/ACME/boards/1?selectedIssue=ACME-7');
    await toggleSidebarViaCommand(h, page);
    const frame = await openSidebarFrame(page);
    await frame.getByText('Rotate session ids on login').waitFor();
    await page.close();
  });

  it('shows a decision logged on a PR conversation on its files tab', async () => {
    await seed(h, 'Ship the checkout behind a flag', {
      pageKey: 'github:acme/checkout#42',
      url: 'https://github.com/acme/checkout/pull/42',
      site: 'github',
    });
    const page = await h.context.newPage();
    await page.goto('https://github.com/acme/checkout/pull/42/files');
    await toggleSidebarViaCommand(h, page);
    const frame = await openSidebarFrame(page);
    await frame.getByText('Ship the checkout behind a flag').waitFor();
    await page.close();
  });

  it('swaps the sidebar list on client-side navigation between GitHub issues', async () => {
    await seed(h, 'Issue twelve decision', {
      pageKey: 'github:acme/checkout#12',
      url: 'https://github.com/acme/checkout/issues/12',
      site: 'github',
    });
    await seed(h, 'Issue fifteen decision', {
      pageKey: 'github:acme/checkout#15',
      url: 'https://github.com/acme/checkout/issues/15',
      site: 'github',
    });
    const page = await h.context.newPage();
    await page.goto('https://github.com/acme/checkout/issues/12');
    await toggleSidebarViaCommand(h, page);
    const frame = await openSidebarFrame(page);
    await frame.getByText('Issue twelve decision').waitFor();
    const loads: string[] = [];
    page.on('load', () => loads.push(page.url()));
    await page.locator('a[href$="/issues/15"]').first().click();
    await expect.poll(() => page.url()).toBe('https://github.com/acme/checkout/issues/15');
    await frame.getByText('Issue fifteen decision').waitFor();
    expect(await frame.getByText('Issue twelve decision').count()).toBe(0);
    // The app retitles the page after pushState: the header follows, not the previous page's title.
    await expect
      .poll(() => frame.locator('header .page-title').textContent())
      .toMatch(/#15 · Decide how long guest carts keep their session/);
    expect(loads).toEqual([]);
    await page.close();
  });

  it('logs a page decision on Google Docs and says why there is no highlight', async () => {
    const page = await h.context.newPage();
    await page.goto('https://docs.google.com/document/d/1aBcD3fGhIjKlMnOpQrStUvWxYz0123456789AbCdEf/edit');
    await h.worker.evaluate(() =>
      (
        globalThis as unknown as { decidedly: { onCommand: (c: string) => Promise<void> } }
      ).decidedly.onCommand('log-decision'),
    );
    const frame = await sidebarFrame(page);
    await frame.getByText(/draws its text on a canvas/).waitFor();
    const field = frame.getByLabel('Decision', { exact: true });
    await field.fill('Keep the design doc as the source of truth');
    await field.press('Enter');
    await frame.getByRole('heading', { name: 'Keep the design doc as the source of truth' }).waitFor();
    const anchors = await h.worker.evaluate(async () => {
      const d = (
        globalThis as unknown as {
          decidedly: {
            db: () => { anchors: { toArray: () => Promise<{ pageKey: string; selectors: unknown }[]> } };
          };
        }
      ).decidedly;
      return (await d.db().anchors.toArray()).filter((a) => a.pageKey.startsWith('gdocs:'));
    });
    expect(anchors).toEqual([
      expect.objectContaining({
        pageKey: 'gdocs:1aBcD3fGhIjKlMnOpQrStUvWxYz0123456789AbCdEf',
        selectors: null,
      }),
    ]);
    await page.close();
  });

  it('runs on a self-hosted Jira once it is added in options', async () => {
    const SELF_HOSTED = 'https://jira.corp.example/browse/OPS-12';
    h.serve(SELF_HOSTED, readFixture('jira-issue.html'));
    const before = await h.context.newPage();
    await before.goto(SELF_HOSTED);
    expect(await before.locator('decidedly-adder').count()).toBe(0);
    await before.close();

    // Automation cannot answer the browser's permission prompt, so the site is allowed the way
    // a person does from the browser's extension settings; options then skips the prompt.
    await grantHostAccess(h, 'https://jira.corp.example/*', 'http://jira.corp.example/*');

    const options = await h.openExtensionPage('options');
    await options.getByRole('textbox', { name: 'Host' }).fill('https://jira.corp.example/browse/OPS-12');
    await options.getByRole('combobox', { name: 'Site type' }).selectOption('jira');
    await options.getByRole('button', { name: 'Add site' }).click();
    await options.getByText('Decidedly now runs on jira.corp.example').waitFor();

    const page = await h.context.newPage();
    await page.goto(SELF_HOSTED);
    await expect.poll(() => page.locator('decidedly-adder').count()).toBe(1);
    await toggleSidebarViaCommand(h, page);
    const frame = await sidebarFrame(page);
    await frame.getByText('No decisions on this page yet.').waitFor();
    const key = await h.worker.evaluate(async () => {
      const all = await chrome.storage.session.get(null);
      return Object.values(all).map((v) => (v as { pageKey?: string }).pageKey);
    });
    expect(key).toContain('jira:jira.corp.example:OPS-12');
  });
});
