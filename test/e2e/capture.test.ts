// Capture in real Chromium: select text with the mouse, log a decision, and the highlight
// survives reloads, edits elsewhere, re-rendering editors; a deleted quote shows "Source
// changed" and can be re-attached; highlights and the sidebar lead to each other.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launch, sidebarFrame } from './harness';
import { clickLogDecision, dragSelect, highlightLayers, phraseBox, prepareLogDecision } from './select';

const JIRA = 'https://acme.atlassian.net/browse/ACME-7';
const NOTION = 'https://www.notion.so/acme/Session-storage-decision-0f3c2b7a9d4e4c1b8a6f5e2d1c0b9a87';
const QUOTE = 'We decided to move session storage to Redis, with a 30-minute sliding expiry.';

async function logDecision(page: Page, phrase: string, title: string) {
  await expect.poll(async () => (await prepareLogDecision(page)).button).toBeDefined();
  expect(await dragSelect(page, phrase)).toContain(phrase.slice(0, 20));
  await clickLogDecision(page);
  const frame = await sidebarFrame(page);
  const field = frame.getByLabel('Decision', { exact: true });
  await field.waitFor();
  await field.fill(title);
  await field.press('Enter');
  await frame.getByRole('heading', { name: title }).waitFor();
  return frame;
}

const openTexts = async (page: Page) => (await highlightLayers(page))[0] ?? [];

describe('capture in real Chromium', () => {
  let h: Harness;
  let page: Page;

  beforeAll(async () => {
    h = await launch();
    page = await h.context.newPage();
  });
  afterAll(async () => h?.close());

  it('logs a decision from a mouse selection and keeps it highlighted through reloads and edits', async () => {
    await page.goto(JIRA);
    await logDecision(page, QUOTE, 'Move sessions to Redis');
    await expect.poll(() => openTexts(page)).toEqual([QUOTE]);

    await page.reload();
    await expect.poll(() => openTexts(page)).toEqual([QUOTE]);

    // An edit elsewhere in the page's text moves every offset after it.
    await page.evaluate(() => {
      const first = document.querySelector('.ak-renderer-document p');
      first?.prepend('Update from the incident review: this is now our top support driver. ');
    });
    await page.reload();
    await page.evaluate(() => {
      document.querySelector('.ak-renderer-document p')?.prepend('Edited: ');
    });
    await expect.poll(() => openTexts(page)).toEqual([QUOTE]);
  });

  it('clicking a highlight opens its decision; clicking the decision scrolls to the highlight', async () => {
    await page.goto(JIRA);
    await expect.poll(() => openTexts(page)).toEqual([QUOTE]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByText('sliding expiry', { exact: false }).first().scrollIntoViewIfNeeded();
    const box = await page.evaluate((q) => {
      for (const [, hl] of CSS.highlights.entries()) {
        for (const r of hl)
          if ((r as Range).toString().includes(q.slice(0, 20))) {
            const rect = (r as Range).getClientRects()[0];
            return rect ? { x: rect.left + 5, y: rect.top + rect.height / 2 } : null;
          }
      }
      return null;
    }, QUOTE);
    expect(box).not.toBeNull();
    await page.mouse.click(box?.x ?? 0, box?.y ?? 0);
    const sidebar = await sidebarFrame(page);
    await sidebar.getByRole('heading', { name: 'Move sessions to Redis' }).waitFor();

    await sidebar.getByRole('button', { name: /All decisions on this page/ }).click();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.evaluate(() => window.scrollTo(0, 0));
    await sidebar.getByRole('button', { name: /Move sessions to Redis/ }).click();
    await expect.poll(async () => (await highlightLayers(page))[1] ?? []).toEqual([QUOTE]);
    await expect
      .poll(() =>
        page.evaluate(
          (q) => {
            const node = [...document.querySelectorAll('p')].find((p) => p.textContent?.includes(q));
            const rect = node?.getBoundingClientRect();
            return !!rect && rect.top >= 0 && rect.bottom <= window.innerHeight;
          },
          QUOTE.slice(0, 30),
        ),
      )
      .toBe(true);
  });

  it('marks a deleted quote "Source changed" and re-attaches it to new text', async () => {
    await page.goto(JIRA);
    await expect.poll(() => openTexts(page)).toEqual([QUOTE]);
    await page.evaluate(
      (q) => {
        const p = [...document.querySelectorAll('p')].find((el) => el.textContent?.includes(q));
        if (p) p.textContent = 'We are moving sessions into a shared Redis cluster with sliding expiry.';
      },
      QUOTE.slice(0, 40),
    );
    await expect.poll(() => openTexts(page)).toEqual([]);
    const NEW = 'moving sessions into a shared Redis cluster';
    await h.worker.evaluate(() =>
      (
        globalThis as unknown as { decidedly: { onCommand: (c: string) => Promise<void> } }
      ).decidedly.onCommand('toggle-sidebar'),
    );
    const sidebar = await sidebarFrame(page);
    await sidebar.getByText('Source changed').first().waitFor();
    // An unrelated edit repaints the page (notifyDataChanged waits for it): still missing.
    const stillMissing = await h.worker.evaluate(async () => {
      type D = {
        writeContext(): Promise<unknown>;
        notifyDataChanged(): Promise<void>;
        db(): { decisions: { toArray(): Promise<{ id: string }[]> } };
        repo: { updateDecision(ctx: unknown, id: string, f: object): Promise<void> };
      };
      const d = (globalThis as unknown as { decidedly: D }).decidedly;
      const [decision] = await d.db().decisions.toArray();
      await d.repo.updateDecision(await d.writeContext(), decision?.id ?? '', {
        context: 'Edited elsewhere',
      });
      await d.notifyDataChanged();
      const all = await chrome.storage.session.get(null);
      return Object.values(all).flatMap((v) => (v as { missingAnchors?: string[] }).missingAnchors ?? []);
    });
    expect(stillMissing).toHaveLength(1);
    await sidebar.getByRole('button', { name: /Move sessions to Redis/ }).click();
    expect(await dragSelect(page, NEW)).toContain(NEW);
    await sidebar.getByRole('button', { name: 'Re-attach' }).click();
    await expect.poll(() => openTexts(page)).toEqual([NEW]);
    await expect.poll(() => sidebar.getByText('Source changed').count()).toBe(0);
  });

  it('keeps highlights on an editor that re-renders its blocks every second', async () => {
    await page.goto(NOTION);
    const phrase = 'A shared store removes the cause instead of hiding it';
    await logDecision(page, phrase, 'Notion decision');
    const renders = Number(await page.evaluate(() => document.documentElement.dataset.renders ?? 0));
    await expect
      .poll(() => page.evaluate(() => Number(document.documentElement.dataset.renders ?? 0)))
      .toBeGreaterThan(renders + 2);
    await expect.poll(() => openTexts(page)).toEqual([phrase]);
  });

  it('puts Log decision clear of the words after the selection, with the page on scroll, next in tab order', async () => {
    const url = 'https://acme.atlassian.net/browse/ACME-99';
    h.serve(
      url,
      `<!doctype html><html><head><title>ACME-99 Adder</title></head><body style="font:16px/1.4 sans-serif">
      <div style="height:300px"></div>
      <p style="width:600px">Alpha bravo charlie delta. We agreed to ship the adder above the line today and
      then <a href="#next">a link after it</a> with more words after that.</p>
      <div style="height:2400px"></div></body></html>`,
    );
    await page.goto(url);
    await expect.poll(() => page.locator('decidedly-adder').count()).toBe(1);
    const phrase = 'agreed to ship the adder';
    expect(await dragSelect(page, phrase)).toBe(phrase);
    const adder = page.locator('decidedly-adder');
    await expect.poll(async () => (await adder.boundingBox())?.width ?? 0).toBeGreaterThan(20);
    const box = (await adder.boundingBox()) as { x: number; y: number; width: number; height: number };
    const covered = await page.evaluate(
      ({ b, words }) => {
        const text = [...document.querySelectorAll('p')].map((p) => p.firstChild).find(Boolean) as Text;
        const rectsOf = (w: string) => {
          const at = text.data.indexOf(w);
          const r = document.createRange();
          r.setStart(text, at);
          r.setEnd(text, at + w.length);
          return [...r.getClientRects()];
        };
        return words.filter((w) =>
          rectsOf(w).some(
            (r) => r.left < b.x + b.width && b.x < r.right && r.top < b.y + b.height && b.y < r.bottom,
          ),
        );
      },
      { b: box, words: ['agreed to ship the adder', 'above the line'] },
    );
    expect(covered).toEqual([]);

    // Next in the tab order after the selection, before the page's link that follows it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('decidedly-adder');

    // The page scrolls 120 px: the button goes with the selection.
    await page.mouse.wheel(0, 120);
    await expect
      .poll(async () => Math.round((await adder.boundingBox())?.y ?? 0))
      .toBe(Math.round(box.y - 120));

    await page.keyboard.press('Enter');
    const frame = await sidebarFrame(page);
    await frame.getByLabel('Decision', { exact: true }).waitFor();
  });

  it('shows a long title whole in the hover tip, and drops the tip when scrolling moves the text away', async () => {
    const url = 'https://acme.atlassian.net/browse/ACME-98';
    h.serve(
      url,
      `<!doctype html><html><head><title>ACME-98 Tip</title></head><body style="font:16px/1.4 sans-serif">
      <div style="height:200px"></div>
      <p>Context first. We will keep one session store per region for latency. Then other words.</p>
      <div style="height:2400px"></div></body></html>`,
    );
    await page.goto(url);
    const phrase = 'keep one session store per region';
    const title =
      'Keep one session store per region, replicated asynchronously, so that logins stay fast everywhere and a regional outage only logs out that region';
    await logDecision(page, phrase, title);
    await expect.poll(() => openTexts(page)).toEqual([phrase]);
    const at = (await phraseBox(page, phrase)) as { x1: number; y1: number };
    await page.mouse.move(at.x1 + 10, at.y1);
    const tipFrame = async () => page.frames().find((f) => f.url().includes('/src/tooltip/'));
    await expect
      .poll(async () => (await (await tipFrame())?.locator('.tip').textContent()) ?? '')
      .toContain(title);
    const frame = (await tipFrame()) as NonNullable<Awaited<ReturnType<typeof tipFrame>>>;
    // Not cut: the whole tip lies inside its frame and its text inside the tip.
    const fits = await frame.locator('.tip').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return (
        r.right <= window.innerWidth &&
        r.bottom <= window.innerHeight &&
        el.scrollWidth <= el.clientWidth &&
        el.scrollHeight <= el.clientHeight
      );
    });
    expect(fits).toBe(true);
    const shown = () =>
      frame.frameElement().then((el) => el.evaluate((f) => (f as HTMLElement).style.display));
    expect(await shown()).toBe('block');
    await page.mouse.wheel(0, 120);
    await expect.poll(shown).toBe('none');
  });
});
