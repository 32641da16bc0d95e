// The sidebar's journey in real Chromium, keyboard only: log a decision from a selection, fill in
// its record, align three stakeholders, add a follow-up in plain words, mark it decided past the
// clarity check, supersede it, read the history — and find it all again after closing the sidebar
// and reloading the page. axe checks each state.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launch, seriousViolations, sidebarFrame, toggleSidebarViaCommand } from './harness';

const JIRA = 'https://acme.atlassian.net/browse/ACME-7';
const OLD = 'Move sessions to Redis';
const NEW = 'Move sessions to Redis with a 60-minute expiry';

async function selectText(page: Page, text: string) {
  await page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not on the page`);
  }, text);
}

async function command(h: Harness, page: Page, name: string) {
  await page.bringToFront();
  await h.worker.evaluate(async (c) => {
    const api = (globalThis as unknown as { decidedly: { onCommand: (c: string) => Promise<void> } })
      .decidedly;
    await api.onCommand(c);
  }, name);
}

/** The element with keyboard focus inside the sidebar frame, described for assertions. */
const focused = (frame: Frame) =>
  frame.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return `${el?.tagName.toLowerCase()}#${el?.id ?? ''}:${el?.textContent?.trim().slice(0, 40) ?? ''}`;
  });

const noSerious = async (frame: Frame, state: string) =>
  expect(await seriousViolations(frame), state).toEqual([]);

describe('sidebar in real Chromium, keyboard only', () => {
  let h: Harness;
  let page: Page;

  beforeAll(async () => {
    h = await launch();
    page = await h.context.newPage();
    await page.goto(JIRA);
  });
  afterAll(async () => h?.close());

  it('logs, fills, aligns, decides, supersedes and keeps a decision', async () => {
    await expect.poll(() => page.locator('decidedly-adder').count()).toBe(1);
    await selectText(page, 'We decided to move session storage to Redis');
    await command(h, page, 'log-decision');
    let frame = await sidebarFrame(page);
    const title = frame.getByLabel('Decision', { exact: true });
    await title.waitFor();
    await noSerious(frame, 'capture form');
    await title.pressSequentially(OLD);
    await title.press('Enter');

    // The record opens with the keyboard on its title.
    const heading = frame.getByRole('heading', { name: OLD, exact: true });
    await heading.waitFor();
    await expect.poll(() => focused(frame)).toContain('h2#decision-title');
    await frame.getByLabel('Why this path?').pressSequentially('Deploys stop logging **people** out.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('212 support tickets <script>alert(1)</script> last month.');
    // A pointer click straight from a written field lands where it was aimed: leaving the field
    // moves nothing under the pointer.
    await frame.getByRole('button', { name: 'Add option' }).click();
    await expect.poll(() => focused(frame)).toContain('input#option-title-');
    await page.keyboard.type('Redis session store');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Survives deploys');
    await page.keyboard.press('Tab');
    await page.keyboard.type('One more service to run');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    // Escape shows a field as text: Markdown renders as elements, HTML in user text stays text.
    await frame.getByLabel('Why this path?').press('Escape');
    await frame.getByLabel('Context').press('Escape');
    await frame.locator('.md-view strong', { hasText: 'people' }).waitFor();
    await frame.getByText('<script>alert(1)</script>', { exact: false }).waitFor();
    expect(await frame.locator('.md-view script').count()).toBe(0);
    await frame.getByRole('button', { name: 'Add trade-off' }).press('Enter');
    await expect.poll(() => focused(frame)).toContain('input#tradeoff-gain-');
    await page.keyboard.type('Sessions survive deploys');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2 ms per request');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Operations');
    await page.keyboard.press('Tab');

    // Three stakeholders: the first is Accountable by default, then Consulted, then Informed.
    const person = frame.getByRole('combobox', { name: 'Add a stakeholder' });
    await person.pressSequentially('Dana Okafor');
    await person.press('Enter');
    await frame.getByLabel('Stance of Dana Okafor').waitFor();
    await person.pressSequentially('Priya Raman');
    await person.press('Enter');
    await frame.getByLabel('Stance of Priya Raman').waitFor();
    await frame.getByLabel('As', { exact: true }).press('ArrowDown');
    await person.pressSequentially('Marco Bianchi');
    await person.press('Enter');
    await frame.getByLabel('Stance of Marco Bianchi').waitFor();
    expect(await frame.getByLabel('Role of Dana Okafor').inputValue()).toBe('A');
    expect(await frame.getByLabel('Role of Priya Raman').inputValue()).toBe('C');
    expect(await frame.getByLabel('Role of Marco Bianchi').inputValue()).toBe('I');
    await frame.getByLabel('Stance of Dana Okafor').press('ArrowDown');
    await frame.getByLabel('Stance of Priya Raman').press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => frame.getByLabel('Stance of Priya Raman').inputValue()).toBe('concerns');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Only if Redis stays private to the VPC.');
    await page.keyboard.press('Tab');

    const followUp = frame.getByLabel('New follow-up');
    await followUp.pressSequentially('Provision Redis in the VPC');
    await page.keyboard.press('Tab'); // owner: the Accountable by default
    await page.keyboard.press('Tab');
    await page.keyboard.type('next friday');
    await frame.getByText(/→ Fri \d+ \w+/).waitFor();
    await page.keyboard.press('Enter');
    const step = frame
      .getByRole('listitem')
      .filter({ has: frame.getByRole('checkbox', { name: /Provision Redis/ }) });
    await step.waitFor();
    expect(await step.textContent()).toMatch(/Dana Okafor · due Fri \d+ \w+/);
    await noSerious(frame, 'filled record');

    // Mark decided: the clarity check names what is still missing first.
    await frame.getByRole('button', { name: 'Mark decided' }).press('Enter');
    const confirm = frame.getByRole('alertdialog', { name: 'Mark decided with gaps?' });
    await confirm.getByText('Consequences').waitFor();
    expect(await confirm.getByRole('listitem').allTextContents()).toEqual(['Consequences']);
    await noSerious(frame, 'clarity confirmation');
    await expect.poll(() => focused(frame)).toContain('Mark decided anyway');
    await page.keyboard.press('Enter');
    await frame.locator('.badge.status-decided').first().waitFor();
    await frame.getByText('Locked after the decision was made').waitFor();
    expect(await frame.getByLabel('What was decided').count()).toBe(0);

    // Supersede it: the new decision opens, linked both ways.
    await frame.getByRole('button', { name: 'Supersede…' }).press('Enter');
    await expect.poll(() => focused(frame)).toContain('input#supersede-title');
    await page.keyboard.type(NEW);
    await page.keyboard.press('Enter');
    await frame.getByRole('heading', { name: NEW }).waitFor();
    const back = frame.getByRole('button', { name: OLD });
    await frame.locator('.link-line', { hasText: 'Supersedes' }).waitFor();
    await frame.getByLabel('Consequences').pressSequentially('Platform runs Redis.');
    await back.press('Enter');
    await heading.waitFor();
    await frame
      .locator('.link-line', { hasText: 'Superseded by' })
      .getByRole('button', { name: NEW })
      .waitFor();
    const history = frame.getByRole('list', { name: 'History, newest first' });
    for (const line of [
      `Superseded by “${NEW}”`,
      'Status: decided → superseded',
      'Status: proposed → decided',
      'Dana Okafor: Unknown → Supports',
      'Marco Bianchi added as Informed',
      'Follow-up added: “Provision Redis in the VPC”',
      `Logged “${OLD}”`,
      /^Priya Raman: (Unknown|Supports) → Has concerns$/,
    ])
      await history.getByText(line, { exact: true }).waitFor();
    await noSerious(frame, 'superseded record with history');

    // The palette jumps to a decision.
    await page.keyboard.press('Control+k');
    const palette = frame.getByRole('combobox', { name: 'Type a command' });
    await palette.waitFor();
    await noSerious(frame, 'command palette');
    await page.keyboard.type('go to 60-minute');
    await page.keyboard.press('Enter');
    await frame.getByRole('heading', { name: NEW }).waitFor();
    expect(await frame.getByText('Platform runs Redis.').count()).toBe(1);

    // Close and reopen, then reload the page: everything is still there.
    await toggleSidebarViaCommand(h, page);
    await toggleSidebarViaCommand(h, page);
    await page.reload();
    await expect.poll(() => page.locator('decidedly-adder').count()).toBe(1);
    await toggleSidebarViaCommand(h, page);
    frame = await sidebarFrame(page);
    const card = frame.getByRole('button', { name: new RegExp(NEW) });
    await card.waitFor();
    expect(await card.textContent()).toContain('Accountable');
    await noSerious(frame, 'list after reload');
    await frame.locator('summary', { hasText: 'Rejected and superseded (1)' }).press('Enter');
    const settled = frame
      .getByRole('list', { name: 'Rejected and superseded decisions' })
      .getByRole('button');
    expect(await settled.textContent()).toContain('Accountable: Dana Okafor');
    await settled.press('Enter');
    await frame.getByRole('heading', { name: OLD, exact: true }).waitFor();
    await frame.locator('.link-line', { hasText: 'Superseded by' }).waitFor();
    await frame.getByText('Deploys stop logging people out.').waitFor();
    await frame.getByRole('checkbox', { name: /Provision Redis in the VPC/ }).waitFor();
    expect(await frame.getByLabel('Option 1').inputValue()).toBe('Redis session store');
    expect(await frame.getByLabel('Trade-off 1: which function bears it').inputValue()).toBe('Operations');
    expect(await frame.getByLabel('Stance of Priya Raman').inputValue()).toBe('concerns');
    expect(await frame.getByLabel('Priya Raman’s note, in their words').inputValue()).toBe(
      'Only if Redis stays private to the VPC.',
    );
  });
});
