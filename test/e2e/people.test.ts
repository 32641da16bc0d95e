// People on the page in real Chromium: on the GitHub PR and Jira fixtures the RACI editor lists
// the people the page names with their suggested roles; one key press adds one, "Add everyone as
// suggested" adds the rest; on a second page the same GitHub login is recognised, not duplicated.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageKeyFor, siteFor } from '../../src/sites/index';
import { type Harness, launch, seriousViolations, sidebarFrame, toggleSidebarViaCommand } from './harness';

type Handle = {
  decidedly: {
    writeContext: () => Promise<unknown>;
    notifyDataChanged: () => Promise<void>;
    db: () => {
      stakeholders: { toArray: () => Promise<{ name: string; handle?: string | null; deleted: boolean }[]> };
    };
    repo: { createDecision: (ctx: unknown, f: { title: string }, a: unknown) => Promise<string> };
  };
};

async function seed(h: Harness, title: string, anchor: { pageKey: string; url: string; site: string }) {
  await h.worker.evaluate(
    async ({ title, anchor }) => {
      const d = (globalThis as unknown as Handle).decidedly;
      await d.repo.createDecision(
        await d.writeContext(),
        { title },
        { ...anchor, pageTitle: title, selectors: null },
      );
      await d.notifyDataChanged();
    },
    { title, anchor },
  );
}

/** The directory as stored: "name handle" per live stakeholder, sorted. */
const directory = (h: Harness) =>
  h.worker.evaluate(async () => {
    const rows = await (globalThis as unknown as Handle).decidedly.db().stakeholders.toArray();
    return rows
      .filter((r) => !r.deleted)
      .map((r) => `${r.name} ${r.handle ?? '-'}`)
      .sort();
  });

/** Opens the page, the sidebar and the decision's record. */
async function openRecord(h: Harness, url: string, title: string): Promise<{ page: Page; frame: Frame }> {
  const page = await h.context.newPage();
  await page.goto(url);
  await toggleSidebarViaCommand(h, page);
  const frame = await sidebarFrame(page);
  await frame.getByRole('button', { name: new RegExp(title) }).click();
  await frame.getByRole('heading', { name: title, exact: true }).waitFor();
  return { page, frame };
}

/** Each suggestion as "name: its button's text". */
const suggestions = (frame: Frame) =>
  frame
    .getByRole('list', { name: 'People on this page' })
    .getByRole('listitem')
    .evaluateAll((items) =>
      items.map(
        // The button's text without the name only screen readers hear: what a sighted person sees.
        (li) =>
          `${li.querySelector('strong')?.textContent}: ${li.querySelector('button')?.textContent?.replace(/^Add .* as /, 'Add as ')}`,
      ),
    );

const roleOf = (frame: Frame, name: string) => frame.getByLabel(`Role of ${name}`).inputValue();

describe('people on the page in real Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => h?.close());

  it('GitHub PR: suggests approver A, author R, reviewer C, mention I; Enter adds them one by one, "Add everyone" the rest', async () => {
    await seed(h, 'Drop the in-memory session fallback', {
      pageKey: 'github:acme/checkout#42',
      url: 'https://github.com/acme/checkout/pull/42',
      site: 'github',
    });
    const { page, frame } = await openRecord(
      h,
      'https://github.com/acme/checkout/pull/42',
      'Drop the in-memory session fallback',
    );
    await expect
      .poll(() => suggestions(frame))
      .toEqual([
        'dana-okafor: Add as Accountable (A)',
        'marco-bianchi: Add as Responsible (R)',
        'priya-raman: Add as Consulted (C)',
        'lena-vogel: Add as Informed (I)',
      ]);
    expect(await seriousViolations(frame)).toEqual([]);

    // Keyboard alone: Enter adds one, and the keyboard moves on to the next suggestion.
    await frame.getByRole('button', { name: 'Add dana-okafor as Accountable' }).press('Enter');
    await expect.poll(() => roleOf(frame, 'dana-okafor')).toBe('A');
    await expect
      .poll(() => frame.evaluate(() => document.activeElement?.textContent))
      .toBe('Add marco-bianchi as Responsible (R)');
    await page.keyboard.press('Enter');
    await expect.poll(() => suggestions(frame)).toHaveLength(2);
    await expect.poll(() => roleOf(frame, 'marco-bianchi')).toBe('R');

    await frame.getByRole('button', { name: 'Add everyone as suggested' }).click();
    await expect.poll(() => roleOf(frame, 'lena-vogel')).toBe('I');
    expect(await roleOf(frame, 'priya-raman')).toBe('C');
    expect(await frame.getByRole('list', { name: 'People on this page' }).count()).toBe(0);
    expect(await directory(h)).toEqual([
      'dana-okafor github:dana-okafor',
      'lena-vogel github:lena-vogel',
      'marco-bianchi github:marco-bianchi',
      'priya-raman github:priya-raman',
    ]);
    await page.close();
  });

  it('on another GitHub page the same logins are recognised by handle, not added twice', async () => {
    await seed(h, 'Rotate session ids on login', {
      pageKey: 'github:acme/checkout#12',
      url: 'https://github.com/acme/checkout/issues/12',
      site: 'github',
    });
    const { page, frame } = await openRecord(
      h,
      'https://github.com/acme/checkout/issues/12',
      'Rotate session ids on login',
    );
    await expect
      .poll(() => suggestions(frame))
      .toEqual([
        'priya-raman: Add as Consulted (C)',
        'dana-okafor: Add as Informed (I)',
        'marco-bianchi: Add as Informed (I)',
      ]);
    // Recognised: no "same name" question, no new entry.
    expect(await frame.getByText(/Same name as/).count()).toBe(0);
    await frame.getByRole('button', { name: 'Add everyone as suggested' }).click();
    await expect.poll(() => roleOf(frame, 'marco-bianchi')).toBe('I');
    expect(await roleOf(frame, 'priya-raman')).toBe('C');
    expect(await directory(h)).toHaveLength(4);
    await page.close();
  });

  it('Jira: Approvers field A, assignee R, reporter C, watcher I; one click adds one, then everyone', async () => {
    await seed(h, 'Move sessions to Redis', {
      pageKey: 'jira:acme.atlassian.net:ACME-7',
      url: 'https://acme.atlassian.net/browse/ACME-7',
      site: 'jira',
    });
    const { page, frame } = await openRecord(
      h,
      'https://acme.atlassian.net/browse/ACME-7',
      'Move sessions to Redis',
    );
    await expect
      .poll(() => suggestions(frame))
      .toEqual([
        'Dana Okafor: Add as Accountable (A)',
        'Marco Bianchi: Add as Responsible (R)',
        'Priya Raman: Add as Consulted (C)',
        'Lena Vogel: Add as Informed (I)',
      ]);
    await frame.getByRole('button', { name: 'Add Marco Bianchi as Responsible' }).click();
    await expect.poll(() => roleOf(frame, 'Marco Bianchi')).toBe('R');
    await frame.getByRole('button', { name: 'Add everyone as suggested' }).click();
    await expect.poll(() => roleOf(frame, 'Lena Vogel')).toBe('I');
    expect(await roleOf(frame, 'Dana Okafor')).toBe('A');
    expect(await roleOf(frame, 'Priya Raman')).toBe('C');
    const people = await directory(h);
    expect(people).toContain('Priya Raman atlassian:557058:0f7a2c1e-4b3d-4e6f-9a8b-1c2d3e4f5a6b');
    expect(people).toHaveLength(8);
    // Nothing of the workspace went into the page: the names the page showed are all it has.
    expect(await page.locator('body').evaluate((b) => b.innerHTML.includes('Add as'))).toBe(false);
    await page.close();
  });

  // The other site fixtures: the first suggestion (the strongest) is one click from the RACI.
  // They run after the Jira test, so its people are in the directory by then.
  it.each([
    [
      'GitLab MR',
      'https://gitlab.com/acme/platform/checkout/-/merge_requests/7',
      'Dana Okafor',
      'Accountable',
      'A',
    ],
    [
      'Confluence page',
      'https://acme.atlassian.net/wiki/spaces/ENG/pages/98765',
      'Marco Bianchi',
      'Responsible',
      'R',
    ],
    ['Linear issue', 'https://linear.app/acme/issue/ENG-123', 'Marco Bianchi', 'Responsible', 'R'],
    [
      'Notion page',
      'https://www.notion.so/acme/Session-storage-decision-0f3c2b7a9d4e4c1b8a6f5e2d1c0b9a87',
      'Tomas Ferreira',
      'Accountable',
      'A',
    ],
  ])(
    '%s: the strongest suggestion comes first and one click adds it',
    async (_site, url, name, label, letter) => {
      const title = `Decision on ${new URL(url).host}`;
      await seed(h, title, { pageKey: pageKeyFor(url), url, site: siteFor(url).id });
      const { page, frame } = await openRecord(h, url, title);
      await expect
        .poll(async () => (await suggestions(frame))[0])
        .toBe(`${name}: Add as ${label} (${letter})`);
      await frame.getByRole('button', { name: `Add ${name} as ${label}` }).click();
      await expect.poll(() => roleOf(frame, name)).toBe(letter);
      // Named on an earlier page (Jira) by the same name or Atlassian account: one entry, with
      // this site's handle added, never a second person of that name.
      expect((await directory(h)).filter((d) => d.startsWith(`${name} `))).toHaveLength(1);
      await page.close();
    },
  );
});
