// "Post to this page" in real Firefox (issue 20): the summary fills GitHub's comment textarea and
// is pasted into Jira's comment editor as formatted text; nothing is submitted, and the add-on
// logs no error.
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { githubPrWithCommentBox, jiraIssueWithCommentEditor } from '../fixtures/pages/comment-boxes';
import { type FirefoxHarness, inBackground, launchFirefox } from './harness';
import { bodyText, sidebarFrame, until } from './page-helpers';

const PR = 'https://github.com/acme/checkout/pull/42';
const JIRA = 'https://acme.atlassian.net/browse/ACME-7';
const TITLE = 'Keep no in-memory session fallback';

describe('posting a decision in real Firefox', () => {
  let h: FirefoxHarness;
  let ext: Page;

  beforeAll(async () => {
    h = await launchFirefox();
    h.proxy.serve(PR, githubPrWithCommentBox());
    h.proxy.serve(JIRA, jiraIssueWithCommentEditor());
    ext = await h.openExtensionPage('options', '#host-input');
  });
  afterAll(async () => h?.close());
  afterEach(() => {
    expect(h.takeAddonErrors()).toEqual([]);
  });

  const seed = (page: { url: string; pageKey: string; site: string }) =>
    inBackground(
      ext,
      async (d, a: { url: string; pageKey: string; site: string; title: string }) => {
        type Fn = (ctx: unknown, ...args: unknown[]) => Promise<string>;
        const repo = d.repo as unknown as Record<'createDecision' | 'createStakeholder' | 'addRole', Fn>;
        const ctx = await d.writeContext();
        const id = await repo.createDecision(
          ctx,
          { title: a.title, rationale: 'Split-brain sessions come back with a fallback.' },
          { pageKey: a.pageKey, url: a.url, pageTitle: 'Page', site: a.site, selectors: null },
        );
        await repo.addRole(ctx, id, await repo.createStakeholder(ctx, { name: 'Marco Bianchi' }), 'A');
        await repo.addRole(ctx, id, await repo.createStakeholder(ctx, { name: 'Priya Raman' }), 'R');
        await d.notifyDataChanged();
        return id;
      },
      { ...page, title: TITLE },
    );

  async function post(page: Page): Promise<Frame> {
    await page.bringToFront();
    await inBackground(ext, async (d) => d.onCommand('toggle-sidebar'));
    const sidebar = await sidebarFrame(page);
    const card = await until(
      () => sidebar.$('button.card'),
      (b) => b !== null,
      'the decision card',
    );
    await card?.focus();
    await page.keyboard.press('Enter');
    const button = await until(
      () => sidebar.$('.share-actions > button'),
      (b) => b !== null,
      'Post to this page',
    );
    await button?.focus();
    await page.keyboard.press('Enter');
    return sidebar;
  }

  it('fills the GitHub comment textarea and submits nothing', async () => {
    await seed({ url: PR, pageKey: 'github:acme/checkout#42', site: 'github' });
    const page = await h.open(PR);
    await page.evaluate(() => {
      const w = window as unknown as { submits: number };
      w.submits = 0;
      document.addEventListener('submit', () => w.submits++, true);
    });
    const sidebar = await post(page);
    await until(
      () => bodyText(sidebar),
      (t) => t.includes('The summary is in the page’s comment box.'),
      'the posted message',
    );
    const value = await page.$eval('#new_comment_field', (el) => (el as HTMLTextAreaElement).value);
    expect(value.startsWith(`### Decision: ${TITLE}\n`)).toBe(true);
    expect(value).toContain('- **Accountable:** Marco Bianchi');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('new_comment_field');
    expect(await page.evaluate(() => (window as unknown as { submits: number }).submits)).toBe(0);
    expect(page.url()).toBe(PR);
    await page.close();
  });

  it('pastes into the Jira comment editor as formatted text', async () => {
    await seed({ url: JIRA, pageKey: 'jira:acme.atlassian.net:ACME-7', site: 'jira' });
    const page = await h.open(JIRA);
    const sidebar = await post(page);
    await until(
      () => bodyText(sidebar),
      (t) => t.includes('The summary is pasted into the page’s comment editor.'),
      'the pasted message',
    );
    const editor = await page.$eval('#ak-editor-textarea', (el) => ({
      h3: el.querySelector('h3')?.textContent ?? null,
      items: el.querySelectorAll('ul > li').length,
    }));
    expect(editor).toEqual({ h3: `Decision: ${TITLE}`, items: 2 });
    await page.close();
  });
});
