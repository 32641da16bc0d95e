// Selecting page text the way a person does: a mouse drag from the first to the last character
// of a phrase (located through a Range so the test does not depend on layout).
import type { Page } from 'playwright-core';

export async function phraseBox(page: Page, phrase: string) {
  return page.evaluate((text) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(text) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const rects = [...range.getClientRects()];
      const first = rects[0];
      const last = rects[rects.length - 1];
      if (!first || !last) return null;
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2,
      };
    }
    return null;
  }, phrase);
}

export async function dragSelect(page: Page, phrase: string) {
  // Scrolled in one step in the page: a locator can go stale between finding and scrolling on a
  // page that re-renders its blocks (the Notion fixture does every second).
  await page.evaluate((text) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.textContent?.includes(text)) return node.parentElement?.scrollIntoView({ block: 'center' });
    }
  }, phrase);
  const box = await phraseBox(page, phrase);
  if (!box) throw new Error(`Phrase not on the page: ${phrase}`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  return selected;
}

/** The text each Decidedly highlight covers, by highlight name. */
export async function highlightedTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights.entries()) {
      out[name] = [...highlight].map((r) => r.toString().replace(/\s+/g, ' ').trim());
    }
    return out;
  });
}

export const allHighlighted = (h: Record<string, string[]>) => Object.values(h).flat();
