// @vitest-environment happy-dom
// The RACI editor: autocomplete from the directory, inline creation, the one-Accountable rule as it
// is broken, and stances with notes saved as you type.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { database } from '../../../src/storage/db';
import { createDecision } from '../../../src/storage/decisions';
import { addRole, createStakeholder } from '../../../src/storage/people';
import type { WriteContext } from '../../../src/storage/write';
import { button, byLabel, choose, click, freshDb, mountUi, press, type, unmountUi } from './helpers';
import { connectSidebar } from './loopback';

vi.mock('../../../src/messaging/browser-api', () => import('./fake-api'));
const { DecisionView } = await import('../../../src/sidebar/DecisionView');

let ctx: WriteContext;
let id: string;
beforeEach(async () => {
  await connectSidebar();
  ctx = await freshDb();
  id = await createDecision(ctx, { title: 'Move sessions to Redis' });
});
afterEach(unmountUi);

const roles = async () =>
  (await database().roles.where('decisionId').equals(id).toArray()).filter((r) => !r.deleted);

async function showRecord() {
  const el = await mountUi(
    <DecisionView
      id={id}
      tabId={1}
      missing={false}
      anchorsMissing={new Set()}
      onBack={() => {}}
      onOpen={() => {}}
    />,
  );
  await vi.waitFor(() => expect(el.querySelector('#add-role-person')).not.toBeNull());
  return el;
}

describe('RACI editor', () => {
  it('suggests people from the directory and adds the chosen one, Accountable first', async () => {
    const dana = await createStakeholder(ctx, { name: 'Dana Okafor', function: 'Security' });
    await createStakeholder(ctx, { name: 'Marco Bianchi' });
    const el = await showRecord();
    const input = byLabel(el, 'Add a stakeholder');
    await type(input, 'sec');
    const options = [...el.querySelectorAll('[role="option"]')].map((o) => o.textContent);
    expect(options).toEqual(['Dana Okafor · Security', 'Create “sec”']);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    await press(input, 'Enter');
    await vi.waitFor(async () =>
      expect((await roles()).map((r) => [r.stakeholderId, r.raci])).toEqual([[dana, 'A']]),
    );
    expect(input.value).toBe('');
  });

  it('creates a new stakeholder inline, and the next one defaults to Consulted', async () => {
    const el = await showRecord();
    const input = byLabel(el, 'Add a stakeholder');
    await type(input, 'Priya Raman');
    await press(input, 'Enter');
    await vi.waitFor(async () => expect(await roles()).toHaveLength(1));
    await vi.waitFor(() => expect(byLabel<HTMLSelectElement>(el, 'As').value).toBe('C'));
    await type(input, 'Fox');
    await press(input, 'ArrowDown');
    await press(input, 'Enter');
    await vi.waitFor(async () => expect((await roles()).map((r) => r.raci).sort()).toEqual(['A', 'C']));
    const people = (await database().stakeholders.toArray()).map((s) => s.name).sort();
    expect(people).toEqual(['Fox', 'Priya Raman']);
  });

  it('states the one-Accountable rule when a second A is added', async () => {
    const el = await showRecord();
    const input = byLabel(el, 'Add a stakeholder');
    await type(input, 'Dana');
    await press(input, 'Enter');
    await vi.waitFor(() =>
      expect(el.querySelector('[aria-label="Stakeholders of this decision"] li')).not.toBeNull(),
    );
    await choose(byLabel<HTMLSelectElement>(el, 'As'), 'A');
    await type(input, 'Fox');
    await press(input, 'Enter');
    await vi.waitFor(() => expect(el.textContent).toContain('There are 2 Accountable people; keep one.'));
    await choose(byLabel<HTMLSelectElement>(el, 'Role of Fox'), 'C');
    await vi.waitFor(() => expect(el.textContent).not.toContain('Accountable people'));
    expect((await roles()).map((r) => r.raci).sort()).toEqual(['A', 'C']);
  });

  it('saves a stance and the note in their words, and records the stance in the history', async () => {
    await createStakeholder(ctx, { name: 'Dana' });
    const el = await showRecord();
    const input = byLabel(el, 'Add a stakeholder');
    await type(input, 'Dana');
    await press(input, 'Enter');
    await vi.waitFor(() => expect(el.querySelector('[id$="-stance"]')).not.toBeNull());
    await choose(byLabel<HTMLSelectElement>(el, 'Stance of Dana'), 'committed');
    const note = byLabel<HTMLTextAreaElement>(el, 'Dana’s note, in their words');
    await type(note, 'I would rather not, but fine.');
    note.dispatchEvent(new Event('blur'));
    await vi.waitFor(async () =>
      expect(await roles()).toMatchObject([{ stance: 'committed', note: 'I would rather not, but fine.' }]),
    );
    await vi.waitFor(() => expect(el.textContent).toContain('Dana: Unknown → Disagree and commit'));
  });

  it('removes a stakeholder only after the click-jacking confirm beside the button', async () => {
    await addRole(ctx, id, await createStakeholder(ctx, { name: 'Dana Okafor' }), 'A');
    const el = await showRecord();
    await vi.waitFor(() => button(el, 'Remove Dana Okafor'));
    await click(button(el, 'Remove Dana Okafor'));
    // happy-dom cannot vouch the button is visible (as Firefox cannot): nothing removed yet.
    expect(await roles()).toHaveLength(1);
    await click(button(el, 'Confirm removing Dana Okafor'));
    await vi.waitFor(async () => expect(await roles()).toHaveLength(0));
  });
});
