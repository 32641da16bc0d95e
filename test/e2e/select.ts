// Selecting page text the way a person does: a mouse drag from the first to the last character
// of a phrase (located through a Range so the test does not depend on layout).
import type { Page } from 'playwright-core';

type DomNode = {
  backendNodeId: number;
  nodeName: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
};

function findAdderButton(node: DomNode, inAdder = false): DomNode | null {
  if (inAdder && node.nodeName === 'BUTTON') return node;
  const here = inAdder || node.nodeName === 'DECIDEDLY-ADDER';
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const hit = findAdderButton(child, here);
    if (hit) return hit;
  }
  return null;
}

/**
 * Clicks "Log decision" as a person does. The button is in a closed shadow root the page (and so
 * Playwright's locators) cannot reach; the debugger protocol can, so the test finds where it is
 * drawn and clicks there with the mouse — a trusted click, as the button requires.
 */
export async function clickLogDecision(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const deadline = Date.now() + 10_000;
    let button: DomNode | null = null;
    for (;;) {
      if (!button) {
        const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
          root: DomNode;
        };
        button = findAdderButton(root);
      }
      // Not drawn yet (it shows a moment after the selection settles): no box model.
      const box = button
        ? ((await cdp.send('DOM.getBoxModel', { backendNodeId: button.backendNodeId }).catch(() => null)) as {
            model: { content: number[] };
          } | null)
        : null;
      const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = box?.model.content ?? [];
      if (x3 - x1 > 0 && y3 - y1 > 0) {
        await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
        return;
      }
      if (Date.now() > deadline) throw new Error('The Log decision button did not show.');
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    await cdp.detach();
  }
}

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
  const locator = page.getByText(phrase, { exact: false }).first();
  await locator.scrollIntoViewIfNeeded();
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

/**
 * The text of each painted layer, lowest priority first: [every decision, focused, flash]. The
 * names are random per page session (they must tell the page nothing), so layers go by priority.
 */
export async function highlightLayers(page: Page): Promise<string[][]> {
  return page.evaluate(() =>
    [...CSS.highlights.values()]
      .sort((a, b) => a.priority - b.priority)
      .map((highlight) => [...highlight].map((r) => r.toString().replace(/\s+/g, ' ').trim())),
  );
}
