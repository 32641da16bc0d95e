// @vitest-environment happy-dom
// The popup as a user meets it, in a far-off zone (Kiritimati, UTC+14): the groups, the empty
// state, Done with Undo, Snooze by keyboard, Open, the review actions, mine/everyone and "Later".
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { snooze } from '../../../src/core/due';
import { setMetaValue } from '../../../src/storage/context';
import { database } from '../../../src/storage/db';
import { ME_KEY } from '../../../src/storage/due-query';
import { createFakeBrowser } from '../background/fake-browser';
import { type Seeded, seed } from '../background/seed';

const TZ = 'Pacific/Kiritimati';
const fake = vi.hoisted(() => ({ current: undefined as unknown as ReturnType<typeof createFakeBrowser> }));
vi.mock('../../../src/messaging/browser-api', () => ({
  get api() {
    return fake.current.api;
  },
}));
vi.mock('../../../src/core/due-popup', async (load) => ({
  ...(await load<typeof import('../../../src/core/due-popup')>()),
  localTimeZone: () => TZ,
}));
// As the page's main does before it mounts: this page reads and writes the local database.
const { setDataSource } = await import('../../../src/ui/data-source');
setDataSource((await import('../../../src/ui/local-data')).localData);
const { App } = await import('../../../src/popup/App');

// 12:00 on 24 November in Kiritimati; still 23 November in UTC.
const NOW = new Date('2026-11-23T22:00:00.000Z');
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000).toISOString();

let s: Seeded;
let root: HTMLDivElement;
let messages: { name: string; payload: unknown }[];

beforeEach(async () => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  fake.current = createFakeBrowser();
  messages = [];
  fake.current.api.runtime.sendMessage = async (m: unknown) => {
    messages.push(m as { name: string; payload: unknown });
    return { ok: true };
  };
  vi.spyOn(window, 'close').mockImplementation(() => {});
  const db = database();
  await db.open();
  await Promise.all(db.tables.map((t) => t.clear()));
  s = await seed(db);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function mount() {
  root = document.createElement('div');
  document.body.append(root);
  render(<App />, root);
}
const region = (name: string) =>
  [...root.querySelectorAll('section')].find((el) => el.querySelector('h2')?.textContent === name);
const article = (title: string) =>
  [...root.querySelectorAll('article')].find((a) => a.querySelector('h3')?.textContent === title);
const button = (within: Element | undefined, name: RegExp | string) =>
  [...(within?.querySelectorAll('button') ?? [])].find((b) =>
    typeof name === 'string' ? b.textContent?.trim() === name : name.test(b.textContent ?? ''),
  ) as HTMLButtonElement;
const items = (group: string) => [...(region(group)?.querySelectorAll('h3') ?? [])].map((h) => h.textContent);

async function seedJira() {
  const dana = await s.person('Dana Okafor');
  const d = await s.decision('Move sessions to Redis', {
    key: 'jira:acme:ACME-7',
    title: 'ACME-7 · Fix the login timeout',
  });
  await s.followUp(d, 'Send the migration plan', hours(-24), dana);
  await s.followUp(d, 'Review the Redis config', hours(3));
  await s.followUp(d, 'Load-test the session store', hours(72));
  await s.followUp(d, 'Retire the old pods', hours(24 * 20));
  return { d, dana };
}

describe('the popup', () => {
  it('says what will appear here when nothing is due', async () => {
    mount();
    await vi.waitFor(() => expect(root.textContent).toContain('Nothing is due this week.'));
    expect(root.textContent).toContain(
      'Follow-ups with a due date and decisions with a review date appear here',
    );
    expect(region('Overdue')).toBeUndefined();
  });

  it('lists items under their headings with decision, owner, when and page', async () => {
    await seedJira();
    mount();
    await vi.waitFor(() => expect(items('Overdue')).toEqual(['Send the migration plan']));
    expect(items('Today')).toEqual(['Review the Redis config']);
    expect(items('This week')).toEqual(['Load-test the session store']);
    const text = article('Send the migration plan')?.textContent;
    expect(text).toContain('yesterday');
    expect(text).toContain('Decision: Move sessions to Redis · Owner: Dana Okafor');
    expect(text).toContain('Jira · ACME-7 · Fix the login timeout');
    expect(article('Review the Redis config')?.textContent).toContain('No owner yet');
    expect(region('Later')?.querySelector('details')?.open).toBe(false);
  });

  it('Done takes the item away, says so and offers Undo with the focus on it', async () => {
    await seedJira();
    mount();
    await vi.waitFor(() => expect(article('Review the Redis config')).toBeDefined());
    button(article('Review the Redis config'), 'Done').click();
    await vi.waitFor(() => expect(article('Review the Redis config')).toBeUndefined());
    const undo = button(root.querySelector('[role=status]') ?? undefined, 'Undo');
    expect(root.querySelector('[role=status]')?.textContent).toContain('Done: Review the Redis config');
    expect(document.activeElement).toBe(undo);
    expect(messages.map((m) => m.name)).toContain('data:changed');
    undo.click();
    await vi.waitFor(() => expect(article('Review the Redis config')).toBeDefined());
  });

  it('snoozes to 09:00 tomorrow local, from a menu the keyboard can leave with Esc', async () => {
    await seedJira();
    mount();
    await vi.waitFor(() => expect(article('Review the Redis config')).toBeDefined());
    const toggle = button(article('Review the Redis config'), /Snooze/);
    toggle.click();
    await vi.waitFor(() => expect(document.activeElement?.textContent).toMatch(/^Tomorrow/));
    expect(document.activeElement?.textContent).toContain('Wed 25 Nov, 09:00');
    document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await vi.waitFor(() => expect(document.activeElement).toBe(toggle));
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await vi.waitFor(() => expect(button(article('Review the Redis config'), /^Tomorrow/)).toBeDefined());
    button(article('Review the Redis config'), /^Tomorrow/).click();
    await vi.waitFor(() => expect(items('This week')).toContain('Review the Redis config'));
    const row = (await s.db.followUps.toArray()).find((f) => f.title === 'Review the Redis config');
    expect(row?.snoozedUntil).toBe(snooze('tomorrow', NOW, TZ).toISOString());
  });

  it('snoozes to a day typed in words, shown as every other date is', async () => {
    await seedJira();
    mount();
    await vi.waitFor(() => expect(article('Review the Redis config')).toBeDefined());
    button(article('Review the Redis config'), /Snooze/).click();
    const field = await vi.waitFor(() => {
      const el = article('Review the Redis config')?.querySelector('input[type=text]');
      if (!el) throw new Error('no day field');
      return el as HTMLInputElement;
    });
    expect(article('Review the Redis config')?.querySelector('input[type=date]')).toBeNull();
    field.value = '3 dec';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() =>
      expect(article('Review the Redis config')?.textContent).toContain('→ Thu 3 Dec, 09:00'),
    );
    button(article('Review the Redis config'), 'Set').click();
    await vi.waitFor(async () => {
      const row = (await s.db.followUps.toArray()).find((f) => f.title === 'Review the Redis config');
      expect(row?.snoozedUntil).toBe('2026-12-02T19:00:00.000Z'); // 09:00 on 3 Dec in UTC+14
    });
  });

  it('Open asks the background to show the decision at its anchor', async () => {
    const { d } = await seedJira();
    mount();
    await vi.waitFor(() => expect(article('Send the migration plan')).toBeDefined());
    button(article('Send the migration plan'), 'Open').click();
    await vi.waitFor(() => expect(messages.map((m) => m.name)).toContain('decision:open'));
    const anchor = (await s.db.anchors.toArray())[0];
    expect(messages.find((m) => m.name === 'decision:open')?.payload).toEqual({
      decisionId: d,
      anchorId: anchor?.id,
    });
    await vi.waitFor(() => expect(window.close).toHaveBeenCalled());
  });

  it('asks "Still valid?": Keep moves the review a month on, Revisit reopens the decision', async () => {
    const priya = await s.person('Priya Raman');
    const keep = await s.decision('Use Postgres for sync');
    const stale = await s.decision('Drop IE11 support');
    await s.review(keep, priya, hours(2));
    await s.review(stale, priya, hours(-30));
    mount();
    await vi.waitFor(() => expect(items('Today')).toEqual(['Still valid? Use Postgres for sync']));
    expect(article('Still valid? Use Postgres for sync')?.textContent).toContain('Accountable: Priya Raman');
    button(article('Still valid? Use Postgres for sync'), /Keep/).click();
    await vi.waitFor(() =>
      expect(button(article('Still valid? Use Postgres for sync'), /^In a month/)).toBeDefined(),
    );
    button(article('Still valid? Use Postgres for sync'), /^In a month/).click();
    await vi.waitFor(() => expect(region('Today')).toBeUndefined());
    expect((await s.db.decisions.get(keep))?.reviewAt).toBe('2026-12-23T22:00:00.000Z');
    button(article('Still valid? Drop IE11 support'), 'Revisit').click();
    await vi.waitFor(() => expect(region('Overdue')).toBeUndefined());
    expect((await s.db.decisions.get(stale))?.status).toBe('revisiting');
  });

  it('shows my items first once I am set, and everyone’s on the switch', async () => {
    const { dana } = await seedJira();
    await setMetaValue(s.db, ME_KEY, dana);
    mount();
    await vi.waitFor(() => expect(items('Overdue')).toEqual(['Send the migration plan']));
    expect(region('Today')).toBeUndefined();
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.map((r) => [r.parentElement?.textContent, r.checked])).toEqual([
      ['Mine (Dana Okafor)', true],
      ['Everyone', false],
    ]);
    radios[1]?.click();
    await vi.waitFor(() => expect(items('Today')).toEqual(['Review the Redis config']));
  });

  it('shows the first few of a long group and more on request', async () => {
    const d = await s.decision('D');
    for (let i = 1; i <= 7; i++) await s.followUp(d, `Overdue ${i}`, hours(-i));
    mount();
    await vi.waitFor(() => expect(items('Overdue')).toHaveLength(5));
    expect(items('Overdue')[0]).toBe('Overdue 7');
    expect(region('Overdue')?.querySelector('.count')?.textContent).toBe('7 items');
    button(region('Overdue'), 'Show 2 more of 7').click();
    await vi.waitFor(() => expect(items('Overdue')).toHaveLength(7));
    expect(button(region('Overdue'), /more of/)).toBeUndefined();
  });

  it('keeps "Later" closed and unread until opened', async () => {
    await seedJira();
    mount();
    await vi.waitFor(() => expect(region('Later')).toBeDefined());
    const details = region('Later')?.querySelector('details') as HTMLDetailsElement;
    expect(region('Later')?.textContent).not.toContain('Retire the old pods');
    // Not a bare heading: it says what opening it shows.
    expect(region('Later')?.querySelector('summary')?.textContent).toBe('Laterdue after this week — show');
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    await vi.waitFor(() => expect(items('Later')).toEqual(['Retire the old pods']));
    expect(article('Retire the old pods')?.textContent).toContain('in 2 weeks');
  });
});
