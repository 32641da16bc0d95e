// Driving pages in Firefox as a person does (mouse selection, the sidebar's frame) and reading
// what they show (highlights, text), for the journeys in journeys.test.ts.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { readFixture } from '../fixtures/pages/index';

/** The text each highlight of the page covers, by highlight name (as the page's CSS sees it). */
export const highlighted = (page: Page) =>
  page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights.entries())
      out[name] = [...highlight].map((r) => (r as Range).toString().replace(/\s+/g, ' ').trim());
    return out;
  });
/** Every highlighted text, whatever the layer: the names are random per page session. */
export const openHighlights = async (page: Page) => [
  ...new Set(Object.values(await highlighted(page)).flat()),
];

/** Polls until `read` gives what `ok` wants (the add-on works asynchronously). */
export async function until<T>(
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  what: string,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read().catch(() => undefined);
    if (last !== undefined && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`Timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
}

/** Selects a phrase with a mouse drag from its first to its last character, as a person does. */
export async function dragSelect(page: Page, phrase: string) {
  const box = await page.evaluate((text: string) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(text) ?? -1;
      if (at < 0) continue;
      node.parentElement?.scrollIntoView({ block: 'center' });
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
  if (!box) throw new Error(`Phrase not on the page: ${phrase}`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
  expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toContain(phrase.slice(0, 20));
}

/**
 * The sidebar's frame on a page, once it is there. Its host's shadow root is closed, and over BiDi
 * a frame's `url()` can still say about:blank after it loaded: each frame is asked where it is.
 */
export async function sidebarFrame(page: Page): Promise<Frame> {
  const find = async () => {
    for (const f of page.frames()) {
      if (f === page.mainFrame()) continue;
      const path = await f.evaluate(() => location.pathname).catch(() => '');
      if (path.includes('/src/sidebar/')) return f;
    }
    return null;
  };
  return (await until(find, (f) => f !== null, 'the sidebar frame')) as Frame;
}

/** The middle of the "Log decision" button, once shown: its host is sized to it. */
export const adderCenter = (page: Page) =>
  page.evaluate(() => {
    const r = document.querySelector('decidedly-adder')?.getBoundingClientRect();
    return r && r.width > 0 && r.height > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
  });

export const bodyText = (frame: Frame | Page) => frame.evaluate(() => document.body?.textContent ?? '');

/** The generic fixture article on a free loopback port (loopback never goes through the proxy). */
export async function localPage() {
  const html = readFixture('generic-article.html');
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, port: (server.address() as AddressInfo).port };
}

export const textOf = (page: Page | Frame, selector: string) =>
  page.$$eval(selector, (nodes) => nodes.map((n) => n.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
