// The due list journey in real Chromium: follow-ups seeded through the service worker land under
// the right headings, the badge counts overdue + today, Done and review actions update both, Open
// focuses or opens the page with the decision in its sidebar, "mine" follows the identity chosen in
// the options, and a follow-up due in two seconds produces a notification through the real alarm.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launch, seriousViolations, sidebarFrame } from './harness';

const JIRA = 'https://acme.atlassian.net/browse/ACME-7';

/** An Etc/GMT zone where it is now about noon, so "today" has room either side (and TZ is honoured). */
function zoneAtNoon(): string {
  const offset = 12 - new Date().getUTCHours(); // −11 … +12
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

interface Debug {
  writeContext(): Promise<unknown>;
  notifyDataChanged(): Promise<void>;
  repo: {
    createDecision(ctx: unknown, fields: { title: string }, anchor?: unknown): Promise<string>;
    addFollowUp(
      ctx: unknown,
      id: string,
      f: { title: string; dueAt: string; ownerId?: string },
    ): Promise<string>;
    createStakeholder(ctx: unknown, fields: { name: string }): Promise<string>;
    addRole(ctx: unknown, decisionId: string, stakeholderId: string, raci: string): Promise<string>;
    setStatus(ctx: unknown, id: string, status: string): Promise<void>;
    updateDecision(ctx: unknown, id: string, fields: { reviewAt: string }): Promise<void>;
  };
}
interface Chrome {
  action: { getBadgeText(d: object): Promise<string> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
}
interface Seed {
  title: string;
  followUps: { title: string; inHours: number; owner?: string }[];
  accountable?: string;
  reviewInHours?: number;
}

describe('the popup’s due list in real Chromium', () => {
  let h: Harness;
  const zone = zoneAtNoon();

  /** Creates stakeholders, a decision anchored on the Jira issue and its follow-ups; returns ids. */
  const seed = (s: Seed) =>
    h.worker.evaluate(
      async ({ s, jira }) => {
        const d = (globalThis as unknown as { decidedly: Debug }).decidedly;
        const ctx = await d.writeContext();
        const quote = 'We decided to move session storage to Redis, with a 30-minute sliding expiry.';
        const id = await d.repo.createDecision(
          ctx,
          { title: s.title },
          {
            pageKey: 'jira:acme.atlassian.net:ACME-7',
            url: jira,
            pageTitle: 'ACME-7 · Fix the login timeout during checkout',
            site: 'jira',
            selectors: {
              quote: { exact: quote, prefix: '2 days ago', suffix: ' Sticky sessions' },
              position: { start: 0, end: 0 },
            },
          },
        );
        const people: Record<string, string> = {};
        for (const name of new Set([
          ...s.followUps.flatMap((f) => (f.owner ? [f.owner] : [])),
          s.accountable ?? '',
        ])) {
          if (name) people[name] = await d.repo.createStakeholder(ctx, { name });
        }
        const followUps: { id: string; dueAt: string }[] = [];
        for (const f of s.followUps) {
          const dueAt = new Date(Date.now() + f.inHours * 3_600_000).toISOString();
          const owner = f.owner ? people[f.owner] : undefined;
          const fid = await d.repo.addFollowUp(ctx, id, {
            title: f.title,
            dueAt,
            ...(owner ? { ownerId: owner } : {}),
          });
          followUps.push({ id: fid, dueAt });
        }
        if (s.accountable && s.reviewInHours !== undefined) {
          await d.repo.addRole(ctx, id, people[s.accountable] as string, 'A');
          await d.repo.setStatus(ctx, id, 'decided');
          await d.repo.updateDecision(ctx, id, {
            reviewAt: new Date(Date.now() + s.reviewInHours * 3_600_000).toISOString(),
          });
        }
        await d.notifyDataChanged();
        return { id, people, followUps };
      },
      { s, jira: JIRA },
    );

  const badge = () =>
    h.worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({}));
  const notifications = () =>
    h.worker.evaluate(async () =>
      Object.keys(await (globalThis as unknown as { chrome: Chrome }).chrome.notifications.getAll()),
    );
  /** The page key of the active tab, as its page session reported it (tab URLs are hidden from us). */
  const activePageKey = () =>
    h.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: Chrome }).chrome;
      const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
      const key = `tab:${tab?.id}`;
      return ((await c.storage.session.get(key))[key] as { pageKey?: string } | undefined)?.pageKey ?? null;
    });
  const dueAlarm = () =>
    h.worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.alarms.get('decidedly:due'));
  const group = (popup: Page, name: string) => popup.getByRole('region', { name, exact: true });
  const item = (popup: Page, title: string) => popup.getByRole('article', { name: title });

  beforeAll(async () => {
    const before = process.env.TZ;
    process.env.TZ = zone; // inherited by Chromium: the worker and pages live in this zone
    try {
      h = await launch();
    } finally {
      process.env.TZ = before;
      if (before === undefined) delete process.env.TZ;
    }
  });
  afterAll(async () => h?.close());

  it('runs in the chosen zone, far from UTC when the clock says so', async () => {
    expect(await h.worker.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(zone);
  });

  it('lists yesterday’s, today’s and in-three-days’ follow-ups under their headings, with the badge', async () => {
    await seed({
      title: 'Move sessions to Redis',
      followUps: [
        { title: 'Send the migration plan', inHours: -24, owner: 'Dana Okafor' },
        { title: 'Review the Redis config', inHours: 2, owner: 'Marco Bianchi' },
        { title: 'Load-test the session store', inHours: 72 },
      ],
    });
    const popup = await h.openExtensionPage('popup');
    const overdue = item(popup, 'Send the migration plan');
    await group(popup, 'Overdue').getByRole('article', { name: 'Send the migration plan' }).waitFor();
    await group(popup, 'Today').getByRole('article', { name: 'Review the Redis config' }).waitFor();
    await group(popup, 'This week').getByRole('article', { name: 'Load-test the session store' }).waitFor();
    await expect.poll(() => overdue.textContent()).toContain('yesterday');
    const text = await overdue.textContent();
    expect(text).toContain('Decision: Move sessions to Redis');
    expect(text).toContain('Owner: Dana Okafor');
    expect(text).toContain('Jira · ACME-7 · Fix the login timeout during checkout');
    expect(await item(popup, 'Load-test the session store').textContent()).toContain('in 3 days');
    expect(await popup.getByRole('heading', { name: 'Later' }).count()).toBe(1);
    await expect.poll(badge).toBe('2');
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();

    // Opened again, it reads the first screen the worker keeps, the same list as its live query.
    const again = await h.openExtensionPage('popup');
    await group(again, 'Overdue').getByRole('article', { name: 'Send the migration plan' }).waitFor();
    await expect
      .poll(() => again.evaluate(() => performance.getEntriesByName('decidedly:due-snapshot').length))
      .toBe(1);
    const kept = await again.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: Chrome }).chrome;
      const { dueSnapshot } = await c.storage.session.get('dueSnapshot');
      const s = dueSnapshot as { list: Record<string, { entries: { title: string }[] }> } | undefined;
      return ['overdue', 'today', 'thisWeek'].flatMap((g) => s?.list[g]?.entries.map((e) => e.title) ?? []);
    });
    expect(kept).toEqual([
      'Send the migration plan',
      'Review the Redis config',
      'Load-test the session store',
    ]);
    await again.close();
  });

  it('Done takes an item off the list and the badge, and Undo brings it back', async () => {
    const popup = await h.openExtensionPage('popup');
    const today = item(popup, 'Review the Redis config');
    await today.getByRole('button', { name: 'Done' }).click();
    await today.waitFor({ state: 'detached' });
    await expect.poll(badge).toBe('1');
    await popup.getByRole('status').getByText('Done: Review the Redis config').waitFor();
    await popup.getByRole('button', { name: 'Undo' }).click();
    await today.waitFor();
    await expect.poll(badge).toBe('2');
    await today.getByRole('button', { name: 'Done' }).click();
    await expect.poll(badge).toBe('1');
    await popup.close();
  });

  it('Open opens the page with the decision in the sidebar, then focuses the tab it opened', async () => {
    const popup = await h.openExtensionPage('popup');
    const opened = h.context.waitForEvent('page');
    await item(popup, 'Send the migration plan').getByRole('button', { name: 'Open' }).click();
    const page = await opened;
    await page.waitForURL(JIRA);
    const frame = await sidebarFrame(page);
    await frame.getByRole('heading', { name: 'Move sessions to Redis' }).waitFor();

    // Another decision on the same page, opened from another tab: the same tab comes to the front.
    await seed({
      title: 'Turn sticky sessions off',
      followUps: [{ title: 'Remove the sticky cookie', inHours: 30 }],
    });
    const again = await h.openExtensionPage('popup');
    await again.bringToFront();
    await expect.poll(activePageKey).toBeNull();
    await item(again, 'Remove the sticky cookie').getByRole('button', { name: 'Open' }).click();
    await expect.poll(activePageKey).toBe('jira:acme.atlassian.net:ACME-7');
    await frame.getByRole('heading', { name: 'Turn sticky sessions off' }).waitFor();
    expect(h.context.pages().filter((p) => p.url().startsWith(JIRA))).toHaveLength(1);
    await page.close();
    await popup.close().catch(() => {});
    await again.close().catch(() => {});
  });

  it('asks "Still valid?" on review day: Keep moves the review, Revisit reopens the decision', async () => {
    await seed({
      title: 'Use Postgres for sync',
      followUps: [],
      accountable: 'Priya Raman',
      reviewInHours: 1,
    });
    await seed({ title: 'Drop IE11 support', followUps: [], accountable: 'Priya Raman', reviewInHours: -30 });
    const popup = await h.openExtensionPage('popup');
    const keep = group(popup, 'Today').getByRole('article', { name: 'Still valid? Use Postgres for sync' });
    expect(await keep.textContent()).toContain('Accountable: Priya Raman');
    await keep.getByRole('button', { name: 'Keep' }).click();
    await keep.getByRole('button', { name: /^In a month/ }).click();
    await keep.waitFor({ state: 'detached' });
    await popup.getByText(/^Kept; next review/).waitFor();
    const stale = group(popup, 'Overdue').getByRole('article', { name: 'Still valid? Drop IE11 support' });
    await stale.getByRole('button', { name: 'Revisit' }).click();
    await stale.waitFor({ state: 'detached' });
    await expect.poll(badge).toBe('1');
    await popup.close();
  });

  it('shows only my items once I say who I am in the options, with a switch to everyone’s', async () => {
    await seed({ title: 'Keep the audit log', followUps: [{ title: 'Update the runbook', inHours: -3 }] });
    await expect.poll(badge).toBe('2');
    const options = await h.openExtensionPage('options');
    await options.getByLabel('I am').selectOption({ label: 'Dana Okafor' });
    await options.getByText('Saved: you are Dana Okafor.').waitFor();
    expect(await seriousViolations(options)).toEqual([]);
    await expect.poll(badge).toBe('1');
    const popup = await h.openExtensionPage('popup');
    expect(await popup.getByRole('radio', { name: 'Mine (Dana Okafor)' }).isChecked()).toBe(true);
    await item(popup, 'Send the migration plan').waitFor();
    expect(await item(popup, 'Load-test the session store').count()).toBe(0);
    await popup.getByRole('radio', { name: 'Everyone' }).check();
    await item(popup, 'Load-test the session store').waitFor();
    await options.getByLabel('I am').selectOption({ label: 'Nobody in particular — show everyone’s items' });
    await expect.poll(badge).toBe('2');
    await options.close();
    await popup.close();
  });

  it('notifies a follow-up falling due seconds from now, through the real alarm', async () => {
    const { followUps } = await seed({
      title: 'Rotate session ids on login',
      followUps: [{ title: 'Ship the rotation', inHours: 4 / 3600 }],
    });
    const [{ id, dueAt }] = followUps as [{ id: string; dueAt: string }];
    // Nothing yet: the alarm is set for the moment it falls due, and only the alarm will notify.
    expect((await dueAlarm())?.scheduledTime).toBe(Date.parse(dueAt));
    expect((await notifications()).some((n) => n.endsWith(`|${id}`))).toBe(false);
    await expect
      .poll(async () => (await notifications()).some((n) => n.endsWith(`|${id}`)), {
        timeout: 60_000,
        interval: 250,
      })
      .toBe(true);
  });

  it('holds a reminder back in quiet hours, and clears the alarm when reminders are off', async () => {
    const options = await h.openExtensionPage('options');
    // Quiet from an hour ago to two hours ahead, on the local clock of the chosen zone.
    const { start, end, endsAt } = await options.evaluate(() => {
      const pad = (n: number) => String((n + 24) % 24).padStart(2, '0');
      const hour = new Date().getHours();
      const endsAt = new Date();
      endsAt.setHours(hour + 2, 0, 0, 0);
      return { start: `${pad(hour - 1)}:00`, end: `${pad(hour + 2)}:00`, endsAt: endsAt.getTime() };
    });
    await options.getByLabel(/Hold reminders back/).check();
    await options.getByLabel('Quiet from').fill(start);
    await options.getByLabel('until', { exact: true }).fill(end);
    await expect.poll(dueAlarm).toBeDefined();
    const { followUps } = await seed({
      title: 'Quiet decision',
      followUps: [{ title: 'Ping during quiet hours', inHours: 3 / 3600 }],
    });
    const [{ id, dueAt }] = followUps as [{ id: string; dueAt: string }];
    expect((await dueAlarm())?.scheduledTime).toBe(Date.parse(dueAt));
    // The alarm fires at the due time, finds quiet hours, and sets the next one for their end.
    await expect.poll(async () => (await dueAlarm())?.scheduledTime, { timeout: 60_000 }).toBe(endsAt);
    expect((await notifications()).some((n) => n.endsWith(`|${id}`))).toBe(false);
    await options.getByLabel(/Notify me when/).uncheck();
    await expect.poll(dueAlarm).toBeUndefined();
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
  });
});
