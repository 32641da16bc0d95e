// @vitest-environment happy-dom
// Every control of a decision record that removes or changes something a hostile page could lure
// a click onto — a follow-up's "done" box, removing an option, a trade-off, a tag — goes through
// the click-jacking guard (src/ui/visible-guard.ts): while the browser reports the control not
// visible (covered, made transparent), a person's click only asks again beside it, and a
// script's click does nothing at all.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Decision } from '../../../src/core/schemas';
import { database } from '../../../src/storage/db';
import { createDecision } from '../../../src/storage/decisions';
import { addFollowUp } from '../../../src/storage/follow-ups';
import type { WriteContext } from '../../../src/storage/write';
import { FakeObserver } from './fake-observer';
import { button, click, freshDb, mountUi, scriptClick, unmountUi } from './helpers';
import { connectSidebar, TAB } from './loopback';

vi.mock('../../../src/messaging/browser-api', () => import('./fake-api'));
const { DecisionView } = await import('../../../src/sidebar/DecisionView');

let ctx: WriteContext;
let id: string;
beforeEach(async () => {
  FakeObserver.all = [];
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  await connectSidebar();
  ctx = await freshDb();
  id = await createDecision(ctx, {
    title: 'Move sessions to Redis',
    tags: ['backend', 'security'],
    options: [
      { id: 'o1', title: 'Redis', pros: '', cons: '', chosen: true },
      { id: 'o2', title: 'Sticky sessions', pros: '', cons: '', chosen: false },
    ],
    tradeoffs: [{ id: 't1', gain: 'No logouts', cost: 'One more service', bornBy: 'Operations' }],
  });
  await addFollowUp(ctx, id, { title: 'Provision Redis' });
});
afterEach(async () => {
  await unmountUi();
  vi.unstubAllGlobals();
});

async function showOccluded() {
  const el = await mountUi(
    <DecisionView
      id={id}
      tabId={TAB}
      missing={false}
      anchorsMissing={new Set()}
      onBack={() => {}}
      onOpen={() => {}}
    />,
  );
  await vi.waitFor(() => expect(el.querySelector('.followup input[type="checkbox"]')).not.toBeNull());
  // The page covers the sidebar: the browser reports every guarded control not visible.
  for (const observer of FakeObserver.all) observer.report(false);
  return el;
}
const decision = async () => database().decisions.get(id);
const followUp = async () => (await database().followUps.toArray())[0];
/** Lets a write that should not have happened have its chance to show. */
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('the click-jacking guard on a record’s controls', () => {
  it('a follow-up’s done box: unchanged until confirmed, never by a script', async () => {
    const el = await showOccluded();
    const box = el.querySelector('.followup input[type="checkbox"]') as HTMLInputElement;
    await scriptClick(box);
    expect(el.textContent).not.toContain('Confirm done');
    await click(box);
    expect(box.checked).toBe(false);
    await settle();
    expect((await followUp())?.doneAt).toBeFalsy();
    await scriptClick(button(el, 'Confirm done'));
    await settle();
    expect((await followUp())?.doneAt).toBeFalsy();
    await click(button(el, 'Confirm done'));
    await vi.waitFor(async () => expect((await followUp())?.doneAt).toBeTruthy());
  });

  it.each([
    {
      what: 'an option',
      name: /^Remove Sticky sessions$/,
      confirm: 'Confirm removing Sticky sessions',
      left: (d?: Decision) => d?.options.map((o) => o.title),
      after: ['Redis'],
    },
    {
      what: 'a trade-off',
      name: 'Remove trade-off 1',
      confirm: 'Confirm removing trade-off 1',
      left: (d?: Decision) => d?.tradeoffs.map((t) => t.gain),
      after: [],
    },
    {
      what: 'a tag',
      name: 'Remove tag security',
      confirm: 'Confirm removing #security',
      left: (d?: Decision) => d?.tags,
      after: ['backend'],
    },
  ])('removing $what: asks first, never on a script’s click', async ({ name, confirm, left, after }) => {
    const el = await showOccluded();
    const before = await decision();
    await scriptClick(button(el, name));
    expect(el.textContent).not.toContain(confirm);
    await click(button(el, name));
    await settle();
    expect(await decision()).toEqual(before);
    await scriptClick(button(el, confirm));
    await settle();
    expect(await decision()).toEqual(before);
    await click(button(el, confirm));
    await vi.waitFor(async () => expect(left(await decision())).toEqual(after));
  });
});
