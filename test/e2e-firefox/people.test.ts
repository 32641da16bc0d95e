// People on the page in real Firefox: on the Jira fixture the RACI editor suggests the issue's
// people with their roles, and "Add everyone as suggested" puts them on the decision with the
// Atlassian account id recorded on each new stakeholder.
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxHarness, inBackground, launchFirefox } from './harness';
import { sidebarFrame, until } from './page-helpers';

const JIRA = 'https://acme.atlassian.net/browse/ACME-7';
const TITLE = 'Move sessions to Redis';

/** Each suggestion as "name: the button's visible text". */
const suggestions = (frame: Frame) =>
  frame.$$eval('[aria-label="People on this page"] li', (items) =>
    items.map(
      (li) =>
        `${li.querySelector('strong')?.textContent}: ${li.querySelector('button')?.textContent?.replace(/^Add .* as /, 'Add as ')}`,
    ),
  );

const roles = (frame: Frame) =>
  frame.$$eval('select[id^="role-"][id$="-raci"]', (selects) =>
    selects.map(
      (s) => `${s.closest('li')?.querySelector('strong')?.textContent}:${(s as HTMLSelectElement).value}`,
    ),
  );

describe('people on the page in real Firefox', () => {
  let h: FirefoxHarness;
  let ext: Page;
  beforeAll(async () => {
    h = await launchFirefox();
    ext = await h.openExtensionPage('options', '#host-input');
  });
  afterAll(async () => h?.close());
  afterEach(() => {
    expect(h.takeAddonErrors()).toEqual([]);
  });

  it('suggests the Jira issue people with their roles and adds everyone as suggested', async () => {
    await inBackground(
      ext,
      async (d, a: { url: string; title: string }) => {
        await d.repo.createDecision(
          await d.writeContext(),
          { title: a.title },
          {
            pageKey: 'jira:acme.atlassian.net:ACME-7',
            url: a.url,
            pageTitle: a.title,
            site: 'jira',
            selectors: null,
          },
        );
        await d.notifyDataChanged();
      },
      { url: JIRA, title: TITLE },
    );
    const page = await h.open(JIRA);
    await page.bringToFront();
    await inBackground(ext, async (d) => d.onCommand('toggle-sidebar'));
    const frame = await sidebarFrame(page);
    const card = await until(
      () => frame.$('button.card'),
      (c) => c !== null,
      'the decision card',
    );
    await card?.click();
    await until(
      () => suggestions(frame),
      (s) => s.length === 4,
      'the page people',
    );
    expect(await suggestions(frame)).toEqual([
      'Dana Okafor: Add as Accountable (A)',
      'Marco Bianchi: Add as Responsible (R)',
      'Priya Raman: Add as Consulted (C)',
      'Lena Vogel: Add as Informed (I)',
    ]);
    const addAll = await frame.$('xpath/.//button[normalize-space()="Add everyone as suggested"]');
    await addAll?.click();
    const added = await until(
      () => roles(frame),
      (r) => r.length === 4,
      'the four roles',
    );
    expect(added.sort()).toEqual(['Dana Okafor:A', 'Lena Vogel:I', 'Marco Bianchi:R', 'Priya Raman:C']);
    await page.close();
  });
});
