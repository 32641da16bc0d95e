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

type Cdp = Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>;
/** Per page: a debugger session and the button's node, found once (the adder lives as long as the page). */
const adders = new WeakMap<Page, { cdp: Cdp; button?: number; misses: number }>();

/** Finds the Log decision button ahead of time, so the click after a selection is quick. */
export async function prepareLogDecision(page: Page) {
  let adder = adders.get(page);
  if (!adder) {
    adder = { cdp: await page.context().newCDPSession(page), misses: 0 };
    adders.set(page, adder);
  }
  if (adder.button === undefined) {
    const { root } = (await adder.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: DomNode;
    };
    adder.button = findAdderButton(root)?.backendNodeId;
  }
  return adder;
}

/** Whether the Log decision button is drawn (a box to click), seen through the debugger protocol. */
export async function adderShown(page: Page): Promise<boolean> {
  const adder = await prepareLogDecision(page);
  if (adder.button === undefined) return false;
  const box = (await adder.cdp
    .send('DOM.getBoxModel', { backendNodeId: adder.button })
    .catch(() => null)) as {
    model: { width: number; height: number };
  } | null;
  return (box?.model.width ?? 0) > 0 && (box?.model.height ?? 0) > 0;
}

/**
 * Clicks "Log decision" as a person does. The button is in a closed shadow root the page (and so
 * Playwright's locators) cannot reach; the debugger protocol can, so the test finds where it is
 * drawn and clicks there with the mouse — a trusted click, as the button requires. Quickly: an
 * editor that re-renders may drop the selection a moment later.
 */
export async function clickLogDecision(page: Page): Promise<void> {
  const adder = await prepareLogDecision(page);
  const { cdp } = adder;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (adder.button === undefined) {
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
      adder.button = findAdderButton(root)?.backendNodeId;
    }
    // Not drawn yet (it shows a moment after the selection settles), or a new page: no box model.
    const box =
      adder.button === undefined
        ? null
        : ((await cdp.send('DOM.getBoxModel', { backendNodeId: adder.button }).catch(() => {
            // Hidden, most likely; now and then look again in case the page was replaced.
            adder.misses += 1;
            if (adder.misses % 30 === 0) adder.button = undefined;
            return null;
          })) as { model: { content: number[] } } | null);
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = box?.model.content ?? [];
    if (x3 - x1 > 0 && y3 - y1 > 0) {
      await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
      return;
    }
    if (Date.now() > deadline) throw new Error('The Log decision button did not show.');
    await new Promise((r) => setTimeout(r, 16));
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
      // Scrolled here, in the same task as measuring: an editor that re-renders its blocks would
      // detach an element found in an earlier step.
      node.parentElement?.scrollIntoView({ block: 'nearest' });
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
