// @vitest-environment happy-dom
// Lifecycle actions, the one-Accountable rule and the clarity check, on the real repositories.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { database } from '../../../src/storage/db';
import { createDecision, setStatus, updateDecision } from '../../../src/storage/decisions';
import { addFollowUp } from '../../../src/storage/follow-ups';
import { addRole, createStakeholder } from '../../../src/storage/people';
import { decisionBundle } from '../../../src/storage/queries';
import type { WriteContext } from '../../../src/storage/write';
import { button, click, freshDb, mountUi, press, type, unmountUi } from './helpers';
import { connectSidebar } from './loopback';

vi.mock('../../../src/messaging/browser-api', () => import('./fake-api'));
const { ClarityCheck } = await import('../../../src/sidebar/ClarityCheck');
const { LifecycleActions } = await import('../../../src/sidebar/LifecycleActions');

let ctx: WriteContext;
beforeEach(async () => {
  await connectSidebar();
  ctx = await freshDb();
});
afterEach(unmountUi);

const bundle = async (id: string) => {
  const b = await decisionBundle(database(), id);
  if (!b) throw new Error('no decision');
  return b;
};

async function showActions(id: string, onOpen = vi.fn()) {
  const b = await bundle(id);
  const el = await mountUi(
    <LifecycleActions decision={b.decision} roles={b.roles} followUps={b.followUps} onOpen={onOpen} />,
  );
  return { el, onOpen };
}

async function explicitDecision() {
  const id = await createDecision(ctx, { title: 'Move sessions to Redis' });
  await updateDecision(ctx, id, { rationale: 'Deploys log people out', consequences: 'One more service' });
  const dana = await createStakeholder(ctx, { name: 'Dana' });
  await addRole(ctx, id, dana, 'A');
  await addFollowUp(ctx, id, { title: 'Provision', ownerId: dana, dueAt: '2030-01-04T16:00:00.000Z' });
  return { id, dana };
}

describe('ClarityCheck', () => {
  it('lists what a fresh decision lacks and counts what it answers', async () => {
    const id = await createDecision(ctx, { title: 'Use Postgres' });
    const b = await bundle(id);
    const el = await mountUi(<ClarityCheck decision={b.decision} roles={b.roles} followUps={b.followUps} />);
    expect(el.querySelector('.badge')?.textContent).toBe('2 of 6');
    const missing = [...el.querySelectorAll('li.missing')].map((li) => li.textContent);
    expect(missing).toEqual([
      '○ Missing: Why this path (rationale)',
      '○ Missing: Consequences',
      '○ Missing: A next step with an owner and a due date',
      '○ Missing: Exactly one Accountable',
    ]);
  });

  it('says the decision is explicit once every question is answered', async () => {
    const { id } = await explicitDecision();
    const b = await bundle(id);
    const el = await mountUi(<ClarityCheck decision={b.decision} roles={b.roles} followUps={b.followUps} />);
    expect(el.querySelector('.badge')?.textContent).toBe('6 of 6');
    expect(el.textContent).toContain('Explicit');
  });
});

describe('LifecycleActions', () => {
  it('refuses "Mark decided" without an Accountable and says so', async () => {
    const id = await createDecision(ctx, { title: 'Use Postgres' });
    const { el } = await showActions(id);
    await click(button(el, 'Mark decided'));
    expect(el.querySelector('[role="alert"]')?.textContent).toBe(
      'Cannot mark decided: Name one Accountable person first.',
    );
    expect(el.querySelector('[role="alertdialog"]')).toBeNull();
    expect((await bundle(id)).decision.status).toBe('proposed');
  });

  it('refuses two Accountables', async () => {
    const id = await createDecision(ctx, { title: 'Use Postgres' });
    for (const name of ['Dana', 'Fox']) await addRole(ctx, id, await createStakeholder(ctx, { name }), 'A');
    const { el } = await showActions(id);
    await click(button(el, 'Mark decided'));
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('There are 2 Accountable people');
    expect((await bundle(id)).decision.status).toBe('proposed');
  });

  it('names the gaps before marking decided, and Esc backs out', async () => {
    const id = await createDecision(ctx, { title: 'Use Postgres' });
    await addRole(ctx, id, await createStakeholder(ctx, { name: 'Dana' }), 'A');
    const { el } = await showActions(id);
    await click(button(el, 'Mark decided'));
    const dialog = el.querySelector<HTMLElement>('[role="alertdialog"]');
    expect([...(dialog?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      'Why this path (rationale)',
      'Consequences',
      'A next step with an owner and a due date',
    ]);
    expect(document.activeElement?.textContent).toBe('Mark decided anyway');
    await press(dialog as HTMLElement, 'Escape');
    expect(el.querySelector('[role="alertdialog"]')).toBeNull();
    expect((await bundle(id)).decision.status).toBe('proposed');
  });

  it('marks decided after the confirmation, which locks what and why', async () => {
    const id = await createDecision(ctx, { title: 'Use Postgres' });
    await addRole(ctx, id, await createStakeholder(ctx, { name: 'Dana' }), 'A');
    const { el } = await showActions(id);
    await click(button(el, 'Mark decided'));
    await click(button(el, 'Mark decided anyway'));
    await vi.waitFor(async () =>
      expect((await bundle(id)).decision).toMatchObject({ status: 'decided', locked: true }),
    );
  });

  it('marks an explicit decision decided without the gaps dialog, after the click-jacking confirm', async () => {
    const { id } = await explicitDecision();
    const { el } = await showActions(id);
    await click(button(el, 'Mark decided'));
    expect(el.querySelector('[role="alertdialog"]')).toBeNull();
    // happy-dom cannot vouch that the button is visible, as Firefox cannot: a second click confirms.
    expect((await bundle(id)).decision.status).toBe('proposed');
    await click(button(el, 'Confirm mark decided'));
    await vi.waitFor(async () => expect((await bundle(id)).decision.status).toBe('decided'));
  });

  it('offers Revisit and Supersede… on a decided decision, not Mark decided or Reject', async () => {
    const { id } = await explicitDecision();
    await setStatus(ctx, id, 'decided');
    const { el } = await showActions(id);
    expect([...el.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Revisit', 'Supersede…']);
    await click(button(el, 'Revisit'));
    await click(button(el, 'Confirm revisit'));
    await vi.waitFor(async () =>
      expect((await bundle(id)).decision).toMatchObject({ status: 'revisiting', locked: false }),
    );
    const history = (await bundle(id)).events.filter((e) => e.kind === 'status').map((e) => e.detail.to);
    expect(history).toEqual(['decided', 'revisiting']);
  });

  it('rejects only after a confirmation', async () => {
    const id = await createDecision(ctx, { title: 'Use Postgres' });
    const { el } = await showActions(id);
    await click(button(el, 'Reject'));
    expect(el.querySelector('[role="alertdialog"]')?.textContent).toContain('cannot be reopened');
    await click(
      el.querySelectorAll<HTMLButtonElement>('[role="alertdialog"] button')[0] as HTMLButtonElement,
    );
    await vi.waitFor(async () => expect((await bundle(id)).decision.status).toBe('rejected'));
  });

  it('supersedes with a new decision linked both ways and opens it', async () => {
    const { id } = await explicitDecision();
    await setStatus(ctx, id, 'decided');
    const { el, onOpen } = await showActions(id);
    await click(button(el, 'Supersede…'));
    const input = el.querySelector<HTMLInputElement>('#supersede-title') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    await type(input, 'Move sessions to Valkey');
    await click(button(el, 'Supersede'));
    await vi.waitFor(() => expect(onOpen).toHaveBeenCalledOnce());
    const newId = onOpen.mock.calls[0]?.[0] as string;
    expect((await bundle(id)).decision).toMatchObject({ status: 'superseded', supersededBy: newId });
    expect((await bundle(newId)).decision).toMatchObject({
      title: 'Move sessions to Valkey',
      supersedes: id,
    });
  });

  it('offers nothing on a rejected decision', async () => {
    const id = await createDecision(ctx, { title: 'Use Postgres' });
    await setStatus(ctx, id, 'rejected');
    const { el } = await showActions(id);
    expect(el.querySelectorAll('button')).toHaveLength(0);
  });
});
