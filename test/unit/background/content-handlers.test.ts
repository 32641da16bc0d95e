// The background believes the browser about where a content script is (sender.url, sender.tab),
// never the payload, and lets a tab speak only about what it was given: the anchors sent to it,
// and the one anchor its sidebar asked it to re-attach.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contentHandlers } from '../../../src/background/content-handlers';
import { frameCallHandlers } from '../../../src/background/frame-calls';
import { pageHandlers } from '../../../src/background/page-handlers';
import { isOwnContentScript } from '../../../src/background/senders';
import { TAB_STATE_KEY, type TabState } from '../../../src/background/tab-state';
import type { MessageSender } from '../../../src/messaging/browser-api';
import { contentToBackground } from '../../../src/messaging/maps';
import { dispatch } from '../../../src/messaging/protocol';
import { database } from '../../../src/storage/db';
import { createFakeBrowser } from './fake-browser';
import { type Seeded, seed } from './seed';

const fake = vi.hoisted(() => ({ current: undefined as unknown as ReturnType<typeof createFakeBrowser> }));
vi.mock('../../../src/messaging/browser-api', () => ({
  get api() {
    return fake.current.api;
  },
}));

const JIRA = 'https://acme.atlassian.net/browse/ACME-7';
const JIRA_KEY = 'jira:acme.atlassian.net:ACME-7';
const OTHER = 'https://acme.atlassian.net/browse/HR-1';
const OTHER_KEY = 'jira:acme.atlassian.net:HR-1';
const QUOTE = { quote: { exact: 'new words', prefix: '', suffix: '' }, position: { start: 0, end: 9 } };

let s: Seeded;
beforeEach(async () => {
  fake.current = createFakeBrowser();
  const db = database();
  await db.open();
  await Promise.all(db.tables.map((t) => t.clear()));
  s = await seed(db);
});

const sender = (tabId: number, url: string): MessageSender => ({
  id: 'ext',
  tab: { id: tabId, index: 0, windowId: 1, highlighted: true, active: true, pinned: false, incognito: false },
  frameId: 0,
  url,
});
const send = (name: string, payload: unknown, from: MessageSender) =>
  dispatch(
    'contentToBackground',
    contentToBackground,
    contentHandlers,
    { dir: 'contentToBackground', name, payload },
    from,
    isOwnContentScript,
  );
const stateOf = async (tabId: number) =>
  (await fake.current.api.storage.session.get(TAB_STATE_KEY(tabId)))[TAB_STATE_KEY(tabId)] as TabState;

async function anchored(key: string, url: string, title: string) {
  const id = await s.decision(title, { key, title });
  const anchor = await s.db.anchors.where('decisionId').equals(id).first();
  await s.db.anchors.update(anchor?.id ?? '', { url });
  return { decisionId: id, anchorId: anchor?.id ?? '' };
}

describe('content script messages', () => {
  it('answers the anchors of the page the browser says the tab shows', async () => {
    const mine = await anchored(JIRA_KEY, JIRA, 'Sessions move to Redis');
    await anchored(OTHER_KEY, OTHER, 'Salary bands are private');
    const reply = (await send('session:start', { title: 'ACME-7' }, sender(7, JIRA))) as {
      pageKey: string;
      anchors: { anchorId: string }[];
    };
    expect(reply.pageKey).toBe(JIRA_KEY);
    expect(reply.anchors.map((a) => a.anchorId)).toEqual([mine.anchorId]);
    expect(await stateOf(7)).toMatchObject({ url: JIRA, pageKey: JIRA_KEY, sentAnchorIds: [mine.anchorId] });
  });

  it('believes the sender, not a payload that names a page on another site', async () => {
    const elsewhere = 'https://hr.atlassian.net/browse/HR-1';
    await anchored('jira:hr.atlassian.net:HR-1', elsewhere, 'Salary bands are private');
    const reply = await send('session:start', { url: elsewhere, title: 'HR-1' }, sender(7, JIRA));
    expect(reply).toMatchObject({ pageKey: JIRA_KEY, anchors: [] });
    expect((await stateOf(7)).pageKey).toBe(JIRA_KEY);
  });

  it('takes a capture’s page from the sender', async () => {
    await send('session:start', { title: 'ACME-7' }, sender(7, JIRA));
    expect(await send('capture:start', { title: 'ACME-7', selectors: QUOTE }, sender(7, JIRA))).toEqual({
      ok: true,
    });
    expect((await stateOf(7)).capture).toMatchObject({ url: JIRA, pageKey: JIRA_KEY });
  });

  it('opens only a decision that was sent to this tab', async () => {
    const mine = await anchored(JIRA_KEY, JIRA, 'Sessions move to Redis');
    const other = await anchored(OTHER_KEY, OTHER, 'Salary bands are private');
    await send('session:start', { title: 'ACME-7' }, sender(7, JIRA));
    expect(await send('highlight:clicked', { decisionId: other.decisionId }, sender(7, JIRA))).toMatchObject({
      error: { code: 'forbidden' },
    });
    expect((await stateOf(7)).focusDecisionId).toBeNull();
    expect(await send('highlight:clicked', { decisionId: mine.decisionId }, sender(7, JIRA))).toEqual({
      ok: true,
    });
    expect((await stateOf(7)).focusDecisionId).toBe(mine.decisionId);
  });

  it('records as missing only anchors this tab was given', async () => {
    const mine = await anchored(JIRA_KEY, JIRA, 'Sessions move to Redis');
    const other = await anchored(OTHER_KEY, OTHER, 'Salary bands are private');
    await send('session:start', { title: 'ACME-7' }, sender(7, JIRA));
    await send('anchors:status', { missing: [mine.anchorId, other.anchorId], found: [] }, sender(7, JIRA));
    expect((await stateOf(7)).missingAnchors).toEqual([mine.anchorId]);
  });

  it('re-attaches only the anchor this tab was asked to, at the sender’s URL', async () => {
    const mine = await anchored(JIRA_KEY, JIRA, 'Sessions move to Redis');
    const other = await anchored(OTHER_KEY, OTHER, 'Salary bands are private');
    await send('session:start', { title: 'ACME-7' }, sender(7, JIRA));
    // Unasked: refused, whichever anchor.
    for (const anchorId of [mine.anchorId, other.anchorId])
      expect(await send('anchor:reattach', { anchorId, selectors: QUOTE }, sender(7, JIRA))).toMatchObject({
        error: { code: 'forbidden' },
      });
    // Asked by our sidebar to re-attach this tab's anchor; another tab cannot answer for it.
    await pageHandlers['tab:reattach']({ tabId: 7, anchorId: mine.anchorId }, {});
    expect(
      await send('anchor:reattach', { anchorId: mine.anchorId, selectors: QUOTE }, sender(8, JIRA)),
    ).toMatchObject({ error: { code: 'forbidden' } });
    expect(
      await send('anchor:reattach', { anchorId: mine.anchorId, selectors: QUOTE }, sender(7, `${JIRA}?x=1`)),
    ).toEqual({ ok: true });
    const stored = await s.db.anchors.get(mine.anchorId);
    expect(stored?.selectors).toEqual(QUOTE);
    expect(stored?.url).toBe(`${JIRA}?x=1`);
    expect((await s.db.anchors.get(other.anchorId))?.selectors).toBeNull();
    expect((await stateOf(7)).reattachAnchorId).toBeNull();
    // Once done, not again.
    expect(
      await send('anchor:reattach', { anchorId: mine.anchorId, selectors: QUOTE }, sender(7, JIRA)),
    ).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('posts a summary for the tab’s site, and takes a share report only for that decision on that page', async () => {
    const mine = await anchored(JIRA_KEY, JIRA, 'Sessions move to Redis');
    const other = await anchored(JIRA_KEY, JIRA, 'Salary bands are private');
    await send('session:start', { title: 'ACME-7' }, sender(7, JIRA));
    // Unasked: refused.
    expect(
      await send('post:shared', { decisionId: mine.decisionId, selectors: QUOTE }, sender(7, JIRA)),
    ).toMatchObject({
      error: { code: 'forbidden' },
    });
    fake.current.contentScript = () => ({ ok: true, how: 'paste' });
    expect(await frameCallHandlers['tab:post'](7, mine.decisionId)).toEqual({ ok: true, how: 'paste' });
    const [message] = fake.current.sent.map(
      (m) => m.message as { name: string; payload: Record<string, string> },
    );
    expect(message?.name).toBe('page:post');
    // Jira gets rich text, with Markdown as its plain text, and the line that finds the posted comment.
    expect(message?.payload.html).toContain('<h3>Decision: Sessions move to Redis</h3>');
    expect(message?.payload.text).toMatch(/^### Decision: Sessions move to Redis\n/);
    expect(message?.payload.marker).toBe('Decision: Sessions move to Redis');
    // Another decision, another tab or another page of the tab: refused.
    for (const [decisionId, from] of [
      [other.decisionId, sender(7, JIRA)],
      [mine.decisionId, sender(8, JIRA)],
      [mine.decisionId, sender(7, OTHER)],
    ] as const)
      expect(await send('post:shared', { decisionId, selectors: QUOTE }, from)).toMatchObject({
        error: { code: 'forbidden' },
      });
    expect(
      await send('post:shared', { decisionId: mine.decisionId, selectors: QUOTE }, sender(7, JIRA)),
    ).toEqual({
      ok: true,
    });
    const anchors = await s.db.anchors.where('decisionId').equals(mine.decisionId).toArray();
    expect(anchors.map((a) => a.selectors?.quote.exact ?? null).sort()).toEqual(['new words', null].sort());
    expect(anchors.find((a) => a.selectors)).toMatchObject({ pageKey: JIRA_KEY, url: JIRA, site: 'jira' });
    const events = await s.db.events.where('decisionId').equals(mine.decisionId).toArray();
    expect(events.filter((e) => e.kind === 'anchored' && e.detail.shared)).toHaveLength(1);
    // Once recorded, not again.
    expect(
      await send('post:shared', { decisionId: mine.decisionId, selectors: QUOTE }, sender(7, JIRA)),
    ).toMatchObject({
      error: { code: 'forbidden' },
    });
  });

  it('refuses our script in a sub-frame and on a non-web page', async () => {
    const sub = { ...sender(7, 'https://ads.example/x'), frameId: 2 };
    expect(await send('session:start', { title: 'x' }, sub)).toMatchObject({ error: { code: 'forbidden' } });
    expect(await send('session:start', { title: 'x' }, sender(7, 'file:///etc/passwd'))).toMatchObject({
      error: { code: 'forbidden' },
    });
  });
});
