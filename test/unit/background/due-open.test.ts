// "Open": focus the tab that shows the decision's page or open it, flash the highlight once the
// page session answers, and show the decision in the sidebar.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDecision } from '../../../src/background/due-open';
import { TAB_STATE_KEY, type TabState } from '../../../src/background/tab-state';
import { addAnchor } from '../../../src/storage/anchors';
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
const PR = 'https://github.com/acme/checkout/pull/42';
const PR_KEY = 'github:acme/checkout#42';

let s: Seeded;
beforeEach(async () => {
  fake.current = createFakeBrowser();
  const db = database();
  await db.open();
  await Promise.all(db.tables.map((t) => t.clear()));
  s = await seed(db);
});
afterEach(() => vi.restoreAllMocks());

async function decisionOn(url: string, pageKey: string) {
  const id = await s.decision('Move sessions to Redis');
  await addAnchor(s.ctx, id, {
    pageKey,
    url,
    pageTitle: 'ACME-7 · Fix the login timeout',
    site: 'jira',
    selectors: null,
  });
  return id;
}

/** A tab's state as the background writes it (it is validated on read). */
const session = (tabId: number, url: string): TabState => ({
  tabId,
  url,
  title: 'ACME-7',
  pageKey: JIRA_KEY,
  site: 'jira',
  canHighlight: true,
  sidebarOpen: false,
  capture: null,
  focusDecisionId: null,
  missingAnchors: [],
  reattachAnchorId: null,
});
const names = () => fake.current.sent.map((m) => (m.message as { name: string; payload: unknown }).name);

describe('openDecision', () => {
  it('focuses the tab already showing the page, even under another URL of the same page', async () => {
    const id = await decisionOn(JIRA, JIRA_KEY);
    await fake.current.api.tabs.create({ url: `${JIRA}?focusedCommentId=10042` });
    await fake.current.api.tabs.create({ url: 'https://example.com/' });
    const tabId = fake.current.tabList[0]?.id as number;
    await fake.current.api.storage.session.set({ [TAB_STATE_KEY(tabId)]: session(tabId, JIRA) });
    expect(await openDecision(id)).toEqual({ ok: true, tabId });
    expect(fake.current.tabList.map((t) => t.active)).toEqual([true, false]);
    expect(names()).toEqual(['highlight:focus', 'sidebar:toggle']);
    expect(fake.current.sent[1]?.message).toMatchObject({ payload: { open: true } });
    const state = (await fake.current.api.storage.session.get(TAB_STATE_KEY(tabId)))[
      TAB_STATE_KEY(tabId)
    ] as TabState;
    expect(state).toMatchObject({ focusDecisionId: id, sidebarOpen: true });
  });

  it('opens the page in a new tab when none shows it, and waits for it to load', async () => {
    const id = await decisionOn(JIRA, JIRA_KEY);
    const create = fake.current.api.tabs.create;
    vi.spyOn(fake.current.api.tabs, 'create').mockImplementation(async (options) => {
      const tab = await create(options);
      const stored = fake.current.tabList.find((t) => t.id === tab.id);
      if (stored) stored.status = 'loading';
      return { ...tab, status: 'loading' };
    });
    const opened = openDecision(id);
    await vi.waitFor(() => expect(fake.current.tabList).toHaveLength(1));
    expect(fake.current.sent).toEqual([]);
    const tab = fake.current.tabList[0] as (typeof fake.current.tabList)[number];
    tab.status = 'complete';
    await fake.current.api.tabs.onUpdated.fire(tab.id, { status: 'complete' });
    expect(await opened).toEqual({ ok: true, tabId: tab.id });
    expect(tab.url).toBe(JIRA);
    expect(names()).toEqual(['highlight:focus', 'sidebar:toggle']);
  });

  it('retries until the content script answers', async () => {
    const id = await decisionOn(JIRA, JIRA_KEY);
    let calls = 0;
    fake.current.contentScript = () => {
      calls++;
      if (calls < 3) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: true };
    };
    expect((await openDecision(id)).ok).toBe(true);
    expect(calls).toBeGreaterThanOrEqual(3);
  });

  it('opens the page afresh when the tab its session named has moved on to a page we cannot reach', async () => {
    const id = await decisionOn(JIRA, JIRA_KEY);
    const stale = await fake.current.api.tabs.create({ url: 'https://news.example/' });
    await fake.current.api.storage.session.set({
      [TAB_STATE_KEY(stale.id)]: session(stale.id, JIRA),
    });
    fake.current.contentScript = (tabId) => {
      if (tabId === stale.id)
        throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: true };
    };
    // Without the "tabs" permission the browser hides the tab's URL: only the session speaks.
    const get = fake.current.api.tabs.get;
    vi.spyOn(fake.current.api.tabs, 'get').mockImplementation(async (tabId) => ({
      ...(await get(tabId)),
      url: '',
    }));
    vi.spyOn(fake.current.api.scripting, 'executeScript').mockRejectedValue(
      new Error('Cannot access contents of the page. Extension manifest must request permission.'),
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const result = await openDecision(id);
    expect(warn).toHaveBeenCalledOnce();
    expect(fake.current.tabList.map((t) => t.url)).toEqual(['https://news.example/', JIRA]);
    expect(result).toEqual({ ok: true, tabId: fake.current.tabList[1]?.id });
  });

  it('prefers the anchor asked for, and a page already open among several', async () => {
    const id = await decisionOn(JIRA, JIRA_KEY);
    const prAnchor = await addAnchor(s.ctx, id, {
      pageKey: PR_KEY,
      url: PR,
      pageTitle: 'PR',
      site: 'github',
      selectors: null,
    });
    expect((await openDecision(id, prAnchor)).ok).toBe(true);
    expect(fake.current.tabList.map((t) => t.url)).toEqual([PR]);
    await openDecision(id);
    expect(fake.current.tabList.map((t) => t.url)).toEqual([PR]);
  });

  it('opens the decision log, searched for it, for a decision logged on no page', async () => {
    const id = await s.decision('Hand-logged');
    await openDecision(id);
    expect(fake.current.tabList.map((t) => t.url)).toEqual([
      'chrome-extension://ext/src/log/index.html?q=Hand-logged',
    ]);
  });

  it.each([
    'javascript:alert(document.domain)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'chrome://settings',
  ])('never opens an anchor whose URL is %s: the decision log shows it instead', async (url) => {
    // Stored before the URL rule existed (the write path itself does not parse rows).
    const id = await decisionOn(url, 'url:hostile');
    expect(await openDecision(id)).toMatchObject({ ok: true });
    expect(fake.current.tabList.map((t) => t.url)).toEqual([
      'chrome-extension://ext/src/log/index.html?q=Move+sessions+to+Redis',
    ]);
  });
});
