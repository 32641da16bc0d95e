// @vitest-environment happy-dom
// The RACI editor's suggestions from the page, through the real frame server: the people the
// content script reads come first with their suggested role, one click adds one, "Add everyone as
// suggested" adds the rest, and a person recognised by handle is not created twice.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PagePerson } from '../../../src/core/page-people';
import { database } from '../../../src/storage/db';
import { createDecision } from '../../../src/storage/decisions';
import { addRole, createStakeholder } from '../../../src/storage/people';
import type { WriteContext } from '../../../src/storage/write';
import { api } from './fake-api';
import { button, click, freshDb, mountUi, unmountUi } from './helpers';
import { connectSidebar, TAB } from './loopback';

vi.mock('../../../src/messaging/browser-api', () => import('./fake-api'));
const { DecisionView } = await import('../../../src/sidebar/DecisionView');
const { pagePeopleOf } = await import('../../../src/background/page-people');

const PAGE: PagePerson[] = [
  { name: 'Dana Okafor', handle: 'atlassian:5d9f', email: null, parts: ['approver', 'commenter'] },
  { name: 'Marco Bianchi', handle: 'atlassian:5b10', email: null, parts: ['assignee'] },
  { name: 'Priya Raman', handle: 'atlassian:5570', email: 'priya@acme.example', parts: ['reporter'] },
  { name: 'Lena Vogel', handle: null, email: null, parts: ['mentioned'] },
];

/** What the tab's content script answers to `people:read`. */
let answer: unknown = { people: PAGE };

let ctx: WriteContext;
let id: string;
beforeEach(async () => {
  answer = { people: PAGE };
  api.tabs.sendMessage.mockImplementation(
    async (_tab: number, message: { name: string }) =>
      (message.name === 'people:read' ? answer : { ok: true }) as { ok: boolean },
  );
  await connectSidebar();
  ctx = await freshDb();
  id = await createDecision(ctx, { title: 'Move sessions to Redis' });
});
afterEach(async () => {
  await unmountUi();
  api.tabs.sendMessage.mockReset();
});

const rolesByName = async () => {
  const db = database();
  const roles = (await db.roles.where('decisionId').equals(id).toArray()).filter((r) => !r.deleted);
  const people = await db.stakeholders.bulkGet(roles.map((r) => r.stakeholderId));
  return roles.map((r, i) => `${people[i]!.name}:${r.raci}`).sort();
};

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

const suggestions = (el: HTMLElement) =>
  [...el.querySelectorAll('[aria-label="People on this page"] li')].map((li) =>
    li
      .querySelector('button')!
      .textContent!.replace(/^Add .* as /, 'Add as ')
      .trim(),
  );

describe('suggestions from the page', () => {
  it('lists the page people before the picker, each with the role their part suggests', async () => {
    const el = await showRecord();
    await vi.waitFor(() =>
      expect(suggestions(el)).toEqual([
        'Add as Accountable (A)',
        'Add as Responsible (R)',
        'Add as Consulted (C)',
        'Add as Informed (I)',
      ]),
    );
    const list = el.querySelector('[aria-label="People on this page"]')!;
    const picker = el.querySelector('#add-role-person')!;
    expect(list.compareDocumentPosition(picker) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(list.textContent).toContain('approver, commented');
  });

  it('one click creates the person with their handle and email and adds the role', async () => {
    const el = await showRecord();
    await vi.waitFor(() => button(el, 'Add Priya Raman as Consulted (C)'));
    await click(button(el, 'Add Priya Raman as Consulted (C)'));
    await vi.waitFor(async () => expect(await rolesByName()).toEqual(['Priya Raman:C']));
    const [priya] = await database().stakeholders.toArray();
    expect(priya).toMatchObject({
      name: 'Priya Raman',
      handle: 'atlassian:5570',
      email: 'priya@acme.example',
    });
    // Added: no longer suggested.
    await vi.waitFor(() => expect(suggestions(el)).toHaveLength(3));
  });

  it('keeps the keyboard in the list: after one is added the next suggestion has focus, then the picker', async () => {
    answer = { people: PAGE.slice(0, 2) };
    const el = await showRecord();
    await vi.waitFor(() => button(el, 'Add Dana Okafor as Accountable (A)'));
    const first = button(el, 'Add Dana Okafor as Accountable (A)');
    first.focus();
    await click(first);
    // Two writes and the live queries' answers before focus moves: time on a loaded machine.
    const long = { timeout: 10_000 };
    await vi.waitFor(
      () => expect(document.activeElement?.textContent).toBe('Add Marco Bianchi as Responsible (R)'),
      long,
    );
    await click(document.activeElement as HTMLElement);
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('add-role-person'), long);
    expect(await rolesByName()).toEqual(['Dana Okafor:A', 'Marco Bianchi:R']);
  });

  it('"Add everyone as suggested" adds the rest, each once', async () => {
    const el = await showRecord();
    await vi.waitFor(() => button(el, 'Add everyone as suggested'));
    await click(button(el, 'Add everyone as suggested'));
    // Eight writes through the port in a row: a loaded machine gets time (a wait, not a budget).
    const long = { timeout: 10_000 };
    await vi.waitFor(
      async () =>
        expect(await rolesByName()).toEqual([
          'Dana Okafor:A',
          'Lena Vogel:I',
          'Marco Bianchi:R',
          'Priya Raman:C',
        ]),
      long,
    );
    expect(await database().stakeholders.count()).toBe(4);
    await vi.waitFor(() => expect(el.querySelector('[aria-label="People on this page"]')).toBeNull(), long);
  });

  it('recognises a directory entry by handle, records nothing twice, and hides people already on it', async () => {
    const marco = await createStakeholder(ctx, { name: 'Marco B.', handle: 'github:marco atlassian:5b10' });
    await addRole(ctx, id, await createStakeholder(ctx, { name: 'Lena Vogel' }), 'I');
    const el = await showRecord();
    await vi.waitFor(() => button(el, 'Add Marco Bianchi as Responsible (R)'));
    expect(el.textContent).toContain('In your directory as Marco B.');
    expect(el.textContent).not.toContain('Add Lena Vogel');
    await click(button(el, 'Add Marco Bianchi as Responsible (R)'));
    await vi.waitFor(async () => expect(await rolesByName()).toEqual(['Lena Vogel:I', 'Marco B.:R']));
    expect(await database().stakeholders.count()).toBe(2);
    expect((await database().stakeholders.get(marco))?.handle).toBe('github:marco atlassian:5b10');
  });

  it('a name match uses the entry only when confirmed, and records the handle on it', async () => {
    const dana = await createStakeholder(ctx, { name: 'Dana Okafor', function: 'Security' });
    const el = await showRecord();
    await vi.waitFor(() =>
      expect(el.textContent).toContain('Same name as Dana Okafor (Security) in your directory'),
    );
    await click(button(el, 'Add Dana Okafor as Accountable (A)'));
    await vi.waitFor(async () => expect(await rolesByName()).toEqual(['Dana Okafor:A']));
    expect(await database().stakeholders.count()).toBe(1);
    expect((await database().stakeholders.get(dana))?.handle).toBe('atlassian:5d9f');
  });

  it('"Someone else" adds a name match as a new person', async () => {
    await createStakeholder(ctx, { name: 'Dana Okafor', function: 'Security' });
    const el = await showRecord();
    await vi.waitFor(() => button(el, /^Someone else: add as new Dana Okafor$/));
    await click(button(el, /^Someone else: add as new Dana Okafor$/));
    await vi.waitFor(async () => expect(await rolesByName()).toEqual(['Dana Okafor:A']));
    expect(await database().stakeholders.count()).toBe(2);
  });

  it('asks the tab the frame sits in, and refuses a page answer of the wrong shape', async () => {
    await showRecord();
    await vi.waitFor(() =>
      expect(api.tabs.sendMessage).toHaveBeenCalledWith(
        TAB,
        expect.objectContaining({ dir: 'backgroundToContent', name: 'people:read' }),
        { frameId: 0 },
      ),
    );
    answer = { people: [{ name: '<b>x</b>', handle: 'not a handle', email: null, parts: ['boss'] }] };
    await expect(pagePeopleOf(TAB)).rejects.toThrow(/The page's people could not be read/);
    answer = { people: PAGE, extra: true };
    await expect(pagePeopleOf(TAB)).rejects.toThrow(/could not be read/);
    answer = { people: PAGE };
    await expect(pagePeopleOf(TAB)).resolves.toEqual(PAGE);
  });
});
