// The tags field of the record in real Chromium: adding a tag (by leaving the field with a click
// elsewhere, or with Enter) and removing one with the pointer move nothing under the pointer.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launch, seriousViolations, sidebarFrame, toggleSidebarViaCommand } from './harness';

const JIRA = 'https://acme.atlassian.net/browse/ACME-7';

type Debug = {
  decidedly: {
    writeContext(): Promise<unknown>;
    notifyDataChanged(): Promise<void>;
    repo: { createDecision(ctx: unknown, fields: object, anchor: object): Promise<string> };
  };
};

/** Where an element is on the page, rounded to the pixel. */
const box = async (frame: Frame, selector: string) => {
  const b = await frame.locator(selector).boundingBox();
  if (!b) throw new Error(`${selector} is not shown`);
  return { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) };
};

describe('tags field in real Chromium', () => {
  let h: Harness;
  let page: Page;
  let frame: Frame;

  beforeAll(async () => {
    h = await launch();
    await h.worker.evaluate(async (url) => {
      const d = (globalThis as unknown as Debug).decidedly;
      const ctx = await d.writeContext();
      const quote = 'We decided to move session storage to Redis';
      await d.repo.createDecision(
        ctx,
        { title: 'Move sessions to Redis' },
        {
          pageKey: 'jira:acme.atlassian.net:ACME-7',
          url,
          pageTitle: 'ACME-7',
          site: 'jira',
          selectors: {
            quote: { exact: quote, prefix: '', suffix: '' },
            position: { start: 0, end: quote.length },
          },
        },
      );
      await d.notifyDataChanged();
    }, JIRA);
    page = await h.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(JIRA);
    await page.locator('decidedly-adder').waitFor({ state: 'attached' });
    await toggleSidebarViaCommand(h, page);
    frame = await sidebarFrame(page);
    await frame.getByRole('button', { name: /Move sessions to Redis/ }).click();
    await frame.locator('#tags-input').waitFor();
  });
  afterAll(async () => h?.close());

  it('adds a tag when a click elsewhere leaves the field, and the clicked field stays put', async () => {
    const target = frame.locator('#review-date');
    await target.scrollIntoViewIfNeeded();
    const before = await target.boundingBox();
    if (!before) throw new Error('No review date field');
    await frame.locator('#tags-input').fill('backend');
    // A person's click: press, a moment, release — the field's blur comes on the press.
    await page.mouse.move(before.x + 10, before.y + before.height / 2);
    await page.mouse.down();
    await frame.getByRole('button', { name: 'Remove tag backend' }).waitFor();
    await page.mouse.up();
    expect.soft(await target.boundingBox()).toEqual(before);
    expect(await target.evaluate((el) => el === document.activeElement)).toBe(true);

    await frame.locator('#tags-input').fill('frontend');
    await frame.locator('#tags-input').press('Enter');
    await frame.getByRole('button', { name: 'Remove tag frontend' }).waitFor();
    expect(await target.boundingBox()).toEqual(before);
    expect(await seriousViolations(frame)).toEqual([]);
  });

  it('removing a tag with the pointer leaves nothing clickable under it until the pointer moves away', async () => {
    await frame.locator('#tags-input').fill('api, security');
    await frame.locator('#tags-input').press('Enter');
    await frame.getByRole('button', { name: 'Remove tag security' }).waitFor();
    const first = await frame.getByRole('button', { name: 'Remove tag backend' }).boundingBox();
    if (!first) throw new Error('No chip');
    const field = await box(frame, '.field:has(#tags-input)');
    const x = first.x + first.width / 2;
    const y = first.y + first.height / 2;
    await page.mouse.click(x, y);
    await expect.poll(() => frame.getByRole('button', { name: 'Remove tag backend' }).count()).toBe(0);
    // What a second click on the same spot (a double click) would hit: no other chip's ×.
    const offset = await (await frame.frameElement()).boundingBox();
    const hit = await frame.evaluate(
      ([fx, fy]) =>
        document
          .elementFromPoint(fx as number, fy as number)
          ?.closest('button')
          ?.getAttribute('aria-label') ?? null,
      [x - (offset?.x ?? 0), y - (offset?.y ?? 0)],
    );
    expect(hit).toBeNull();
    expect(await box(frame, '.field:has(#tags-input)')).toEqual(field);
    // Once the pointer has left the box, the stand-in goes.
    await page.mouse.move(x, y + 200);
    await expect.poll(() => frame.locator('.tag.ghost').count()).toBe(0);
    expect(await frame.locator('.field:has(#tags-input) .tag').allTextContents()).toEqual([
      '#frontend ×',
      '#api ×',
      '#security ×',
    ]);
  });
});
