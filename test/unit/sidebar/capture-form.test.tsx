// @vitest-environment happy-dom
// The capture form with quick add: the preview before saving, what one line creates, and the lines
// it refuses (ambiguous or malformed) without saving anything.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PendingCapture } from '../../../src/background/tab-state';
import { database } from '../../../src/storage/db';
import { createStakeholder } from '../../../src/storage/people';
import type { WriteContext } from '../../../src/storage/write';
import { byLabel, click, freshDb, mountUi, press, type, unmountUi } from './helpers';
import { connectSidebar } from './loopback';

vi.mock('../../../src/messaging/browser-api', () => import('./fake-api'));
const { CaptureForm } = await import('../../../src/sidebar/CaptureForm');
const { usesQuickAdd } = await import('../../../src/sidebar/QuickAddPreview');

const capture: PendingCapture = {
  selectors: {
    quote: { exact: 'move session storage to Redis', prefix: 'We decided to ', suffix: ', with' },
    position: { start: 10, end: 40 },
  },
  url: 'https://acme.atlassian.net/browse/ACME-7',
  title: 'ACME-7',
  pageKey: 'jira:acme.atlassian.net:ACME-7',
  site: 'jira',
  canHighlight: true,
  at: 1,
};

let ctx: WriteContext;
beforeEach(async () => {
  await connectSidebar();
  ctx = await freshDb();
});
afterEach(unmountUi);

async function showForm() {
  const onDone = vi.fn();
  const el = await mountUi(<CaptureForm capture={capture} onDone={onDone} />);
  return { el, onDone, title: byLabel(el, 'Decision') };
}

describe('usesQuickAdd', () => {
  it.each([
    ['Use Postgres for sync', false],
    ['Email a@b.com about C# support', false],
    ['Ship #123 fix', true],
    ['Ship it @Dana', true],
    ['Ship it due:fri', true],
    ['Ship it !decided', true],
  ])('%s → %s', (line, expected) => expect(usesQuickAdd(line)).toBe(expected));
});

describe('CaptureForm', () => {
  it('saves a plain title as a proposed draft on Enter, anchored to the quote', async () => {
    const { el, onDone, title } = await showForm();
    expect(document.activeElement).toBe(title);
    await type(title, 'Move sessions to Redis');
    expect(el.querySelector('.quick-preview')).toBeNull();
    await click(el.querySelector('button[type="submit"]') as HTMLButtonElement);
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.stringMatching(/^[0-9a-f-]{36}$/)));
    const [d] = await database().decisions.toArray();
    expect(d).toMatchObject({ title: 'Move sessions to Redis', status: 'proposed', tags: [] });
    const [a] = await database().anchors.toArray();
    expect(a?.selectors?.quote.exact).toBe('move session storage to Redis');
  });

  it('shows the syntax hint and previews what a quick-add line will save', async () => {
    await createStakeholder(ctx, { name: 'Dana Okafor' });
    const { el, title } = await showForm();
    expect(el.textContent).toContain('@owner #tag due:fri !decided');
    await type(title, 'Use Postgres for sync @dana @Fox #backend due:in 2 weeks !decided');
    // The directory arrives through a live query: Dana is known by her first name.
    await vi.waitFor(() =>
      expect(el.querySelector('.quick-preview')?.textContent).toContain('Accountable: Dana Okafor'),
    );
    const preview = el.querySelector('.quick-preview')?.textContent ?? '';
    expect(preview).toContain('Decision: Use Postgres for sync');
    expect(preview).not.toContain('(new)Responsible');
    expect(preview).toContain('Responsible: Fox (new)');
    expect(preview).toContain('Tags: #backend');
    expect(preview).toMatch(/Next step: Put the decision into effect, due \w{3} \d+ \w{3}/);
    expect(preview).toContain('Status: decided');
  });

  it('creates the decision, the Accountable, the tag, the next step and the status from one line', async () => {
    const { el, onDone, title } = await showForm();
    await type(title, 'Use Postgres for sync @Dana #backend due:2030-12-01 !decided');
    await click(el.querySelector('button[type="submit"]') as HTMLButtonElement);
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    const db = database();
    const [d] = await db.decisions.toArray();
    expect(d).toMatchObject({ title: 'Use Postgres for sync', tags: ['backend'], status: 'decided' });
    const [dana] = await db.stakeholders.toArray();
    expect((await db.roles.toArray()).map((r) => [r.stakeholderId, r.raci])).toEqual([[dana?.id, 'A']]);
    const [f] = await db.followUps.toArray();
    expect(f).toMatchObject({ title: 'Put the decision into effect', ownerId: dana?.id });
    expect(f?.dueAt?.slice(0, 10)).toBe('2030-12-01');
    expect(await db.anchors.count()).toBe(1);
  });

  it.each([
    ['Ship it due:someday', /Can't read the due date "someday"/],
    ['Ship it !decided', /!decided needs an @owner/],
    ['Ship it @Dana !maybe', /Unknown status "!maybe"/],
    ['Ship it @Dana !decided !rejected', /Two statuses/],
    ['Ship it due:fri due:mon', /Two due dates/],
    ['@Dana #backend', /Add a title/],
    ['Ship it @Dana !revisiting', /cannot start as revisiting/],
    ['Ship it @"Dana Okafor', /Missing closing quote/],
  ])('refuses “%s” with the reason and saves nothing', async (line, reason) => {
    const { el, onDone, title } = await showForm();
    await type(title, line);
    expect(el.querySelector('.quick-preview .error')?.textContent).toMatch(reason);
    await press(title, 'Enter');
    await click(el.querySelector('button[type="submit"]') as HTMLButtonElement);
    expect(el.querySelector('p.error[role="alert"]')?.textContent).toMatch(reason);
    expect(onDone).not.toHaveBeenCalled();
    expect(await database().decisions.count()).toBe(0);
    expect(await database().stakeholders.count()).toBe(0);
  });

  it('refuses an empty title and cancels on Esc without saving', async () => {
    const { el, onDone, title } = await showForm();
    await click(el.querySelector('button[type="submit"]') as HTMLButtonElement);
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Say what was decided');
    await type(title, 'Half a thought');
    await press(title, 'Escape');
    expect(onDone).toHaveBeenCalledWith(null);
    expect(await database().decisions.count()).toBe(0);
  });
});
