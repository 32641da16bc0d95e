// @vitest-environment happy-dom
// The list: open first, then decided, the rest collapsed; each card's Accountable, next follow-up
// (overdue in red), alignment and "Source changed"; filters by status and stakeholder; search over
// titles, quotes and rationale.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { database } from '../../../src/storage/db';
import { createDecision, setStatus, updateDecision } from '../../../src/storage/decisions';
import { addFollowUp } from '../../../src/storage/follow-ups';
import { addRole, createStakeholder, updateRole } from '../../../src/storage/people';
import type { WriteContext } from '../../../src/storage/write';
import { byLabel, choose, click, freshDb, mountUi, type, unmountUi } from './helpers';
import { connectSidebar } from './loopback';

vi.mock('../../../src/messaging/browser-api', () => import('./fake-api'));
const { DecisionList } = await import('../../../src/sidebar/DecisionList');
const { NO_FILTER } = await import('../../../src/sidebar/list-model');
const { summaryFromWire } = await import('../../../src/sidebar/page-summary');
const { pageSummaryWire } = await import('../../../src/background/frame-queries');
type ListFilter = import('../../../src/sidebar/list-model').ListFilter;

const PAGE = 'jira:acme.atlassian.net:ACME-7';
const anchor = (exact: string | null) => ({
  pageKey: PAGE,
  url: 'https://acme.atlassian.net/browse/ACME-7',
  pageTitle: 'ACME-7',
  site: 'jira',
  selectors: exact
    ? { quote: { exact, prefix: '', suffix: '' }, position: { start: 0, end: exact.length } }
    : null,
});

let ctx: WriteContext;
const ids: Record<string, string> = {};
let dana: string;
beforeEach(async () => {
  await connectSidebar();
  ctx = await freshDb();
  dana = await createStakeholder(ctx, { name: 'Dana' });
  const fox = await createStakeholder(ctx, { name: 'Fox' });
  ids.redis = await createDecision(
    ctx,
    { title: 'Move sessions to Redis' },
    anchor('sticky sessions go away'),
  );
  await addRole(ctx, ids.redis, dana, 'A');
  const r = await addRole(ctx, ids.redis, fox, 'C');
  await updateRole(ctx, r, { stance: 'opposes' });
  await addFollowUp(ctx, ids.redis, { title: 'Provision', ownerId: dana, dueAt: '2020-01-03T16:00:00.000Z' });
  await addFollowUp(ctx, ids.redis, { title: 'Announce', ownerId: dana, dueAt: '2099-01-03T16:00:00.000Z' });
  ids.cookies = await createDecision(ctx, { title: 'Keep signed cookies' }, anchor(null));
  await updateDecision(ctx, ids.cookies, { rationale: 'Fits in 4 KB today' });
  await addRole(ctx, ids.cookies, fox, 'A');
  await setStatus(ctx, ids.cookies, 'decided');
  ids.sticky = await createDecision(ctx, { title: 'Longer sticky sessions' }, anchor(null));
  await setStatus(ctx, ids.sticky, 'rejected');
  ids.elsewhere = await createDecision(ctx, { title: 'On another page' });
});
afterEach(unmountUi);

async function showList(filter: ListFilter = NO_FILTER, missing = new Set<string>()) {
  const summary = summaryFromWire(await pageSummaryWire(database(), PAGE));
  const onFilter = vi.fn();
  const onOpen = vi.fn();
  const el = await mountUi(
    <DecisionList summary={summary} missing={missing} filter={filter} onFilter={onFilter} onOpen={onOpen} />,
  );
  const titles = (selector: string) =>
    [...el.querySelectorAll(`${selector} .card-title`)].map((t) => t.textContent);
  return { el, onFilter, onOpen, titles };
}

describe('DecisionList', () => {
  it('lists the page’s open decisions first, then decided, the rest collapsed', async () => {
    const { el, titles } = await showList();
    expect(titles('ul[aria-label="Decisions on this page"]')).toEqual([
      'Move sessions to Redis',
      'Keep signed cookies',
    ]);
    expect(titles('details')).toEqual(['Longer sticky sessions']);
    expect(el.querySelector('details')?.open).toBe(false);
    expect(el.textContent).not.toContain('On another page');
  });

  it('shows the Accountable, the next follow-up overdue in red, alignment and Source changed', async () => {
    const { el } = await showList(NO_FILTER, new Set([ids.redis as string]));
    const card = el.querySelector(`[data-decision-id="${ids.redis}"]`) as HTMLElement;
    expect(card.textContent).toContain('Accountable: Dana');
    expect(card.querySelector('.overdue')?.textContent).toContain('(overdue)');
    expect(card.textContent).toContain('Next: Provision');
    expect(card.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe(
      'Alignment: 1 oppose, 1 unknown',
    );
    expect(card.querySelector('.source-changed')?.textContent).toBe('Source changed');
    const other = el.querySelector(`[data-decision-id="${ids.cookies}"]`) as HTMLElement;
    expect(other.querySelector('.source-changed')).toBeNull();
  });

  it('opens a decision from its card', async () => {
    const { el, onOpen } = await showList();
    await click(el.querySelector(`[data-decision-id="${ids.cookies}"]`) as HTMLElement);
    expect(onOpen).toHaveBeenCalledWith(ids.cookies);
  });

  it('filters by status and by stakeholder, and says how many are shown', async () => {
    let view = await showList({ ...NO_FILTER, status: 'decided' });
    expect(view.titles('.cards')).toEqual(['Keep signed cookies']);
    expect(view.el.textContent).toContain('1 of 3 shown');
    await unmountUi();
    view = await showList({ ...NO_FILTER, stakeholderId: dana });
    expect(view.titles('.cards')).toEqual(['Move sessions to Redis']);
    await choose(byLabel<HTMLSelectElement>(view.el, 'Status'), 'rejected');
    expect(view.onFilter).toHaveBeenCalledWith({ ...NO_FILTER, stakeholderId: dana, status: 'rejected' });
  });

  it.each([
    ['sticky sessions', ['Move sessions to Redis', 'Longer sticky sessions']],
    ['sticky sessions go', ['Move sessions to Redis']],
    ['4 kb', ['Keep signed cookies']],
    ['redis sessions', ['Move sessions to Redis']],
    ['nothing like this', []],
  ])('searches titles, quotes and rationale: “%s”', async (query, expected) => {
    const { el, titles } = await showList({ ...NO_FILTER, query });
    expect(titles('.cards')).toEqual(expected);
    if (!expected.length) expect(el.textContent).toContain('No decision matches these filters.');
  });

  it('reports what is typed in the search box', async () => {
    const { el, onFilter } = await showList();
    await type(byLabel(el, 'Search decisions'), 'redis');
    expect(onFilter).toHaveBeenCalledWith({ ...NO_FILTER, query: 'redis' });
  });
});
