// "Post to this page" and "Copy" in real Chromium, by keyboard (issue 20): on a GitHub pull request
// the summary fills the comment textarea and nothing is submitted; when the comment then shows up
// on the page, the decision records the share and anchors to it. On a Jira issue the summary is
// pasted into the comment editor as formatted text. "Copy" puts Markdown, and HTML with its plain
// text, on the clipboard.
import type { Frame, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageKeyFor } from '../../src/sites/index';
import {
  githubPrWithCommentBox,
  jiraIssueWithCommentEditor,
  linearIssueWithComposer,
} from '../fixtures/pages/comment-boxes';
import { type Harness, launch, seriousViolations, sidebarFrame, toggleSidebarViaCommand } from './harness';

const PR = 'https://github.com/acme/checkout/pull/42';
const JIRA = 'https://acme.atlassian.net/browse/ACME-7';
const LINEAR = 'https://linear.app/acme/issue/ENG-123/move-session-storage-to-redis';
// The Confluence fixture shows its comments but no comment editor or placeholder.
const CONFLUENCE = 'https://acme.atlassian.net/wiki/spaces/ENG/pages/98765/Session+storage+decision+record';
const TITLE = 'Keep no in-memory session fallback';

/** A decided decision with a rationale, a trade-off, a rejected option, A/R/C and a next step, anchored to `url`. */
async function seed(h: Harness, page: { url: string; pageKey: string; site: string; title: string }) {
  return h.worker.evaluate(
    async ({ page, title }) => {
      type Fn = (ctx: unknown, ...args: unknown[]) => Promise<string>;
      type Names =
        | 'createDecision'
        | 'createStakeholder'
        | 'addRole'
        | 'updateRole'
        | 'addFollowUp'
        | 'setStatus';
      type Repo = Record<Names, Fn>;
      const d = (
        globalThis as unknown as {
          decidedly: { writeContext(): Promise<unknown>; repo: Repo; notifyDataChanged(): Promise<void> };
        }
      ).decidedly;
      const ctx = await d.writeContext();
      const id = await d.repo.createDecision(
        ctx,
        {
          title,
          rationale: 'A memory fallback brings back split-brain sessions. <img src=x onerror=alert(1)>',
          tradeoffs: [
            {
              id: 't1',
              gain: 'One source of truth',
              cost: 'Read-only checkout if Redis is down',
              bornBy: 'Support',
            },
          ],
          options: [
            { id: 'o1', title: 'Redis only', pros: '', cons: '', chosen: true },
            {
              id: 'o2',
              title: 'In-memory fallback',
              pros: 'Stays up',
              cons: 'Split-brain sessions',
              chosen: false,
            },
          ],
        },
        { pageKey: page.pageKey, url: page.url, pageTitle: page.title, site: page.site, selectors: null },
      );
      const marco = await d.repo.createStakeholder(ctx, { name: 'Marco Bianchi' });
      const priya = await d.repo.createStakeholder(ctx, { name: 'Priya Raman' });
      const dana = await d.repo.createStakeholder(ctx, { name: 'Dana Okafor' });
      await d.repo.addRole(ctx, id, marco, 'A');
      const r = await d.repo.addRole(ctx, id, priya, 'R');
      await d.repo.updateRole(ctx, r, { stance: 'committed', note: 'I would keep a fallback' });
      const c = await d.repo.addRole(ctx, id, dana, 'C');
      await d.repo.updateRole(ctx, c, { stance: 'supports' });
      await d.repo.addFollowUp(ctx, id, {
        title: 'Write the failover runbook',
        ownerId: marco,
        dueAt: '2030-06-03T17:00:00.000Z',
      });
      await d.repo.setStatus(ctx, id, 'decided');
      await d.notifyDataChanged();
      return id;
    },
    { page, title: TITLE },
  );
}

/** Opens the sidebar on the page and the decision's record in it. */
async function openRecord(h: Harness, page: Page): Promise<Frame> {
  await toggleSidebarViaCommand(h, page);
  const frame = await sidebarFrame(page);
  const card = frame.getByRole('button', { name: new RegExp(TITLE) });
  await card.focus();
  await card.press('Enter');
  await frame.getByRole('heading', { name: TITLE, exact: true }).waitFor();
  return frame;
}

const anchorsOf = (h: Harness, id: string) =>
  h.worker.evaluate(async (id) => {
    const d = (
      globalThis as unknown as { decidedly: { db(): { anchors: { toArray(): Promise<unknown[]> } } } }
    ).decidedly;
    return (
      (await d.db().anchors.toArray()) as {
        decisionId: string;
        selectors: { quote: { exact: string } } | null;
      }[]
    )
      .filter((a) => a.decisionId === id)
      .map((a) => a.selectors?.quote.exact ?? null);
  }, id);

describe('posting and copying a decision in real Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
    h.serve(PR, githubPrWithCommentBox());
    h.serve(JIRA, jiraIssueWithCommentEditor());
    h.serve(LINEAR, linearIssueWithComposer());
  });
  afterAll(async () => h?.close());

  it('fills the GitHub comment textarea, submits nothing, and records the share once posted', async () => {
    const id = await seed(h, { url: PR, pageKey: 'github:acme/checkout#42', site: 'github', title: 'PR 42' });
    const page = await h.context.newPage();
    const sent: Request[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET' || r.url().includes('/comment')) sent.push(r);
    });
    await page.goto(PR);
    await page.evaluate(() => {
      const w = window as unknown as { submits: number };
      w.submits = 0;
      document.addEventListener('submit', () => w.submits++, true);
    });
    const frame = await openRecord(h, page);
    expect(await seriousViolations(frame)).toEqual([]);

    const post = frame.getByRole('button', { name: 'Post to this page' });
    await post.focus();
    await post.press('Enter');
    await frame.getByText('The summary is in the page’s comment box.').waitFor();

    const box = page.locator('#new_comment_field');
    const value = await box.inputValue();
    expect(value.startsWith(`### Decision: ${TITLE}\n`)).toBe(true);
    for (const part of [
      '#### Why',
      'A memory fallback brings back split-brain sessions. &lt;img src=x onerror=alert(1)>',
      '- We gain One source of truth; we give up Read-only checkout if Redis is down — borne by **Support**',
      '- In-memory fallback — Split-brain sessions',
      '- **Accountable:** Marco Bianchi — stance not heard yet',
      '- **Responsible:** Priya Raman — disagree and commit: “I would keep a fallback”',
      '- **Consulted:** Dana Okafor — supports',
      '**Next step:** Write the failover runbook — Marco Bianchi, due 3 June 2030',
    ])
      expect(value).toContain(part);
    expect(value).toMatch(/\*\*Decided on \d{1,2} \w+ \d{4}\*\*/);
    // Focused for the person to read and submit; nothing was submitted or sent.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('new_comment_field');
    expect(await page.evaluate(() => (window as unknown as { submits: number }).submits)).toBe(0);
    expect(sent.map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
    expect(page.url()).toBe(PR);

    // The person presses Comment; GitHub renders the comment into the conversation.
    await page.evaluate((title) => {
      const comment = document.createElement('div');
      comment.className = 'timeline-comment';
      comment.innerHTML = `<div class="timeline-comment-header"><strong>dana-okafor</strong> commented now</div>
        <div class="markdown-body"><h3>Decision: ${title}</h3><p><strong>Decided</strong></p></div>`;
      document.querySelector('#new_comment_form')?.before(comment);
      (document.querySelector('#new_comment_field') as HTMLTextAreaElement).value = '';
    }, TITLE);
    await expect.poll(() => anchorsOf(h, id)).toContain(`Decision: ${TITLE}`);
    await frame.getByText(/Shared to “.*” as a comment/).waitFor();
    await page.close();
  });

  it('pastes into the Jira comment editor as formatted text', async () => {
    await seed(h, { url: JIRA, pageKey: 'jira:acme.atlassian.net:ACME-7', site: 'jira', title: 'ACME-7' });
    const page = await h.context.newPage();
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET') sent.push(`${r.method()} ${r.url()}`);
    });
    await page.goto(JIRA);
    const frame = await openRecord(h, page);
    const post = frame.getByRole('button', { name: 'Post to this page' });
    await post.focus();
    await post.press('Enter');
    await frame.getByText(/The summary is pasted into the page’s comment editor/).waitFor();
    const editor = page.locator('#ak-editor-textarea');
    await expect.poll(() => editor.locator('h3').textContent()).toBe(`Decision: ${TITLE}`);
    expect(await editor.locator('h4').allTextContents()).toEqual([
      'Why',
      'Trade-offs',
      'Alternatives rejected',
      'Who',
    ]);
    expect(await editor.locator('ul > li').count()).toBe(2 + 3);
    expect(await editor.locator('img, script').count()).toBe(0);
    expect(await editor.textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ak-editor-textarea');
    expect(sent).toEqual([]);
    await page.close();
  });

  it('hands an editor that reads the paste event HTML and Markdown (Linear)', async () => {
    await seed(h, { url: LINEAR, pageKey: pageKeyFor(LINEAR), site: 'linear', title: 'ENG-123' });
    const page = await h.context.newPage();
    await page.goto(LINEAR);
    const frame = await openRecord(h, page);
    await frame.getByRole('button', { name: 'Post to this page' }).press('Enter');
    await frame.getByText('The summary is pasted into the page’s comment editor.').waitFor();
    const pasted = (await page.evaluate(() => (window as unknown as { pasted: unknown }).pasted)) as {
      html: string;
      text: string;
    };
    expect(pasted.html.startsWith(`<h3>Decision: ${TITLE}</h3>`)).toBe(true);
    // Compact Markdown for Linear's small comments, as the plain-text part.
    expect(pasted.text.startsWith(`**Decision: ${TITLE}**\n`)).toBe(true);
    const composer = page.locator('#composer');
    expect(await composer.locator('h3').textContent()).toBe(`Decision: ${TITLE}`);
    expect(await composer.locator('li').count()).toBe(5);
    // The description, which Linear saves as you type, is untouched.
    expect(await page.locator('[data-testid="issue-view"] .ProseMirror').textContent()).not.toContain(
      'Decision:',
    );
    await page.close();
  });

  it('copies the summary instead where the page has no comment box', async () => {
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: 'https://acme.atlassian.net',
    });
    await seed(h, {
      url: CONFLUENCE,
      pageKey: pageKeyFor(CONFLUENCE),
      site: 'confluence',
      title: 'Session storage',
    });
    const page = await h.context.newPage();
    await page.goto(CONFLUENCE);
    const frame = await openRecord(h, page);
    await frame.getByRole('button', { name: 'Post to this page' }).press('Enter');
    await frame.getByText(/No comment box found on this page, so the summary was copied instead/).waitFor();
    await page.bringToFront();
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return item
        ? {
            html: await (await item.getType('text/html')).text(),
            text: await (await item.getType('text/plain')).text(),
          }
        : null;
    });
    expect(copied?.html).toContain(`<h3>Decision: ${TITLE}</h3>`);
    expect(copied?.text.startsWith(`### Decision: ${TITLE}\n`)).toBe(true);
    await page.close();
  });

  it('copies Markdown and rich text (HTML with its plain text) to the clipboard', async () => {
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://github.com' });
    const page = await h.context.newPage();
    await page.goto(PR);
    const frame = await openRecord(h, page);
    const menu = frame.getByText('Copy', { exact: true });
    await menu.focus();
    await menu.press('Enter');
    await frame.getByRole('button', { name: /^Markdown/ }).press('Enter');
    await frame.getByText('Copied the summary as markdown.').waitFor();
    // The menu closed and the keyboard is back on its toggle.
    expect(await frame.evaluate(() => document.activeElement?.textContent)).toBe('Copy');
    await page.bringToFront();
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown.startsWith(`### Decision: ${TITLE}\n`)).toBe(true);
    expect(markdown).toContain('#### Who');

    await menu.press('Enter');
    await frame.getByRole('button', { name: /^Rich text/ }).press('Enter');
    await frame.getByText('Copied the summary as rich text.').waitFor();
    const rich = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      if (!item) return null;
      return {
        types: [...item.types].sort(),
        html: await (await item.getType('text/html')).text(),
        text: await (await item.getType('text/plain')).text(),
      };
    });
    expect(rich?.types).toEqual(['text/html', 'text/plain']);
    expect(rich?.html).toContain(`<h3>Decision: ${TITLE}</h3>`);
    expect(rich?.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(rich?.text.startsWith(`Decision: ${TITLE}\n`)).toBe(true);
    await page.close();
  });
});
