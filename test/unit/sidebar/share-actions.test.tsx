// @vitest-environment happy-dom
// "Post to this page" and "Copy" in the sidebar: what each choice puts on the clipboard, what the
// sidebar says after a post, and the copy it makes instead when the page has no comment box.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bundleDecisions, type DecisionBundle } from '../../../src/core/export';
import { renderSummary } from '../../../src/core/summary';
import type { PostResult } from '../../../src/messaging/maps';
import { sampleTables } from '../core/export/records';
import { button, click, mountUi, unmountUi } from './helpers';

const calls = vi.hoisted(() => ({
  post: [] as unknown[][],
  reply: null as unknown,
  copied: [] as unknown[],
}));
vi.mock('../../../src/sidebar/api', () => ({
  call: async (...args: unknown[]) => {
    calls.post.push(args);
    return calls.reply;
  },
}));
vi.mock('../../../src/ui/clipboard', () => ({
  copyToClipboard: async (parts: unknown) => {
    calls.copied.push(parts);
  },
}));
const { ShareActions } = await import('../../../src/sidebar/ShareActions');

const input = bundleDecisions(sampleTables())[0] as DecisionBundle;
const tz = { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
const status = (root: HTMLElement) => root.querySelector('[role="status"]')?.textContent ?? '';
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  calls.post = [];
  calls.copied = [];
  calls.reply = null;
});
afterEach(unmountUi);

describe('ShareActions', () => {
  it('copies Markdown, rich text with plain text, plain text and Slack', async () => {
    const root = await mountUi(<ShareActions input={input} tabId={3} />);
    await click(button(root, /^Markdown/));
    await settle();
    expect(calls.copied.at(-1)).toEqual({ text: renderSummary(input, 'markdown', tz) });
    expect(status(root)).toBe('Copied the summary as markdown.');
    await click(button(root, /^Rich text/));
    await settle();
    expect(calls.copied.at(-1)).toEqual({
      text: renderSummary(input, 'text', tz),
      html: renderSummary(input, 'html', tz),
    });
    await click(button(root, /^Plain text/));
    await settle();
    expect(calls.copied.at(-1)).toEqual({ text: renderSummary(input, 'text', tz) });
    await click(button(root, /^Slack/));
    await settle();
    expect(calls.copied.at(-1)).toEqual({ text: renderSummary(input, 'slack', tz) });
  });

  it('posts through the background and says to check and submit on the site', async () => {
    calls.reply = { ok: true, how: 'textarea' } satisfies PostResult;
    const root = await mountUi(<ShareActions input={input} tabId={3} />);
    await click(button(root, 'Post to this page'));
    await settle();
    expect(calls.post).toEqual([['tab:post', input.decision.id]]);
    expect(status(root)).toContain('press the site’s Comment button');
    expect(calls.copied).toEqual([]);
  });

  it('copies rich text with Markdown instead when the page has no comment box', async () => {
    calls.reply = { ok: false, reason: 'no-box' } satisfies PostResult;
    const root = await mountUi(<ShareActions input={input} tabId={3} />);
    await click(button(root, 'Post to this page'));
    await settle();
    expect(calls.copied).toEqual([
      { text: renderSummary(input, 'markdown', tz), html: renderSummary(input, 'html', tz) },
    ]);
    expect(status(root)).toContain('No comment box found on this page, so the summary was copied instead.');
  });

  it('offers only Copy without a tab to post to', async () => {
    const root = await mountUi(<ShareActions input={input} tabId={undefined} />);
    expect(() => button(root, 'Post to this page')).toThrow();
    expect(root.querySelector('summary')?.textContent).toBe('Copy');
  });
});
