// @vitest-environment happy-dom
// Follow-ups: due dates in plain words, shown as understood before saving; overdue in red; done.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseDueDate } from '../../../src/core/dates';
import type { Stakeholder } from '../../../src/core/schemas';
import { database } from '../../../src/storage/db';
import { createDecision } from '../../../src/storage/decisions';
import { addFollowUp } from '../../../src/storage/follow-ups';
import { createStakeholder } from '../../../src/storage/people';
import type { WriteContext } from '../../../src/storage/write';
import { button, byLabel, click, freshDb, mountUi, press, scriptClick, type, unmountUi } from './helpers';
import { connectSidebar } from './loopback';

vi.mock('../../../src/messaging/browser-api', () => import('./fake-api'));
const { FollowUps } = await import('../../../src/sidebar/FollowUps');
const { localTimeZone } = await import('../../../src/sidebar/when');

let ctx: WriteContext;
let id: string;
let dana: Stakeholder;
beforeEach(async () => {
  await connectSidebar();
  ctx = await freshDb();
  id = await createDecision(ctx, { title: 'Move sessions to Redis' });
  dana = (await database().stakeholders.get(await createStakeholder(ctx, { name: 'Dana' }))) as Stakeholder;
});
afterEach(unmountUi);

const followUps = async () => database().followUps.where('decisionId').equals(id).toArray();
const show = async () =>
  mountUi(
    <FollowUps decisionId={id} followUps={await followUps()} people={[dana]} defaultOwnerId={dana.id} />,
  );

describe('FollowUps', () => {
  it.each(['next friday', 'in 2 weeks', '2026-12-01', 'tomorrow at 3pm'])(
    'shows the date “%s” means before saving, then saves it',
    async (words) => {
      const el = await show();
      await type(byLabel(el, 'New follow-up'), 'Provision Redis');
      const due = byLabel(el, 'Due');
      await type(due, words);
      const expected = parseDueDate(words, new Date(), localTimeZone());
      expect(el.querySelector('#followup-due-parsed')?.textContent).toBe(`→ ${expected?.label}`);
      expect(due.getAttribute('aria-invalid')).toBe('false');
      await press(due, 'Enter');
      await vi.waitFor(async () => expect(await followUps()).toHaveLength(1));
      const [f] = await followUps();
      expect(f).toMatchObject({ title: 'Provision Redis', ownerId: dana.id });
      // Saved as the instant shown (the parse is re-run at save time, same minute).
      expect(Math.abs(Date.parse(f?.dueAt ?? '') - (expected?.date.getTime() ?? 0))).toBeLessThan(60_000);
    },
  );

  it.each(['someday', '12/1', 'next blursday'])('refuses “%s” and says how to write it', async (words) => {
    const el = await show();
    await type(byLabel(el, 'New follow-up'), 'Provision Redis');
    const due = byLabel(el, 'Due');
    await type(due, words);
    expect(due.getAttribute('aria-invalid')).toBe('true');
    expect(el.querySelector('#followup-due-parsed')?.textContent).toContain('Can’t read this date');
    await press(due, 'Enter');
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('cannot be read');
    expect(await followUps()).toHaveLength(0);
  });

  it('needs a title, and saves without a date or owner when none is given', async () => {
    const el = await mountUi(
      <FollowUps decisionId={id} followUps={[]} people={[dana]} defaultOwnerId={null} />,
    );
    await click(el.querySelector('button[type="submit"]') as HTMLButtonElement);
    expect(el.querySelector('[role="alert"]')?.textContent).toBe('Name the next step.');
    await type(byLabel(el, 'New follow-up'), 'Tell support');
    await click(el.querySelector('button[type="submit"]') as HTMLButtonElement);
    await vi.waitFor(async () => expect(await followUps()).toMatchObject([{ ownerId: null, dueAt: null }]));
  });

  it('marks overdue ones in red and marks one done from its checkbox, after the click-jacking confirm', async () => {
    await addFollowUp(ctx, id, { title: 'Late step', ownerId: dana.id, dueAt: '2020-01-03T16:00:00.000Z' });
    const el = await show();
    const late = el.querySelector('.followup .overdue');
    expect(late?.textContent).toContain('(overdue)');
    expect(el.querySelector('.followup')?.textContent).toContain('Dana');
    const box = el.querySelector<HTMLInputElement>('.followup input[type="checkbox"]') as HTMLInputElement;
    await click(box);
    // happy-dom cannot vouch the box is visible (as Firefox cannot): it asks, beside the box.
    expect(box.checked).toBe(false);
    await click(button(el, 'Confirm done'));
    await vi.waitFor(async () => expect((await followUps())[0]?.doneAt).toBeTruthy());
  });

  it('deletes one only after the click-jacking confirm, and never on a script’s click', async () => {
    await addFollowUp(ctx, id, { title: 'Provision Redis', ownerId: dana.id });
    const deleted = async () => (await followUps())[0]?.deleted === true;
    const el = await show();
    await scriptClick(button(el, /^Delete/));
    expect(el.textContent).not.toContain('Confirm delete');
    await click(button(el, /^Delete/));
    // happy-dom cannot vouch the button is visible (as Firefox cannot): it asks, beside the button.
    expect(await deleted()).toBe(false);
    await scriptClick(button(el, 'Confirm delete'));
    expect(await deleted()).toBe(false);
    await click(button(el, 'Confirm delete'));
    await vi.waitFor(async () => expect(await deleted()).toBe(true));
  });
});
