// @vitest-environment happy-dom
// Saving as you type: debounced, flushed on blur, unmount and pagehide; Markdown shown safely; a
// locked field is read-only and says how to change it.

import { act as flushRender } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { database } from '../../../src/storage/db';
import { createDecision, setStatus, updateDecision } from '../../../src/storage/decisions';
import { addRole, createStakeholder } from '../../../src/storage/people';
import type { WriteContext } from '../../../src/storage/write';
import { button, click, freshDb, mountUi, press, type, unmountUi } from './helpers';
import { connectSidebar } from './loopback';

vi.mock('../../../src/messaging/browser-api', () => import('./fake-api'));
const { MarkdownField } = await import('../../../src/sidebar/MarkdownField');
const { DecisionView } = await import('../../../src/sidebar/DecisionView');
const { SAVE_DELAY_MS } = await import('../../../src/sidebar/use-autosave');

let ctx: WriteContext;
beforeEach(async () => {
  await connectSidebar();
  ctx = await freshDb();
});
afterEach(async () => {
  await unmountUi();
  vi.useRealTimers();
});

const field = (save: (v: string) => Promise<void>, value = '') =>
  mountUi(<MarkdownField id="f" label="Context" value={value} save={save} />);

describe('MarkdownField', () => {
  it('saves once after a pause in typing, not per keystroke', async () => {
    vi.useFakeTimers();
    const save = vi.fn(async () => {});
    const el = await field(save);
    const area = el.querySelector('textarea') as HTMLTextAreaElement;
    await type(area, 'D');
    await type(area, 'De');
    await type(area, 'Deploys');
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(save.mock.calls).toEqual([['Deploys']]);
  });

  it.each([
    ['blur', (area: HTMLTextAreaElement) => area.dispatchEvent(new Event('blur'))],
    ['pagehide', () => window.dispatchEvent(new Event('pagehide'))],
    ['unmount', () => void unmountUi()],
  ])('flushes pending typing at once on %s', async (_name, trigger) => {
    const save = vi.fn(async () => {});
    const el = await field(save);
    const area = el.querySelector('textarea') as HTMLTextAreaElement;
    await type(area, 'Typed then left');
    trigger(area);
    await vi.waitFor(() => expect(save).toHaveBeenCalledWith('Typed then left'));
    expect(save).toHaveBeenCalledOnce();
  });

  it('keeps the box open when focus leaves, so nothing below moves under the pointer', async () => {
    const el = await field(async () => {});
    const area = el.querySelector('textarea') as HTMLTextAreaElement;
    await type(area, 'Deploys log people out');
    await flushRender(() => {
      area.dispatchEvent(new Event('blur'));
    });
    expect(el.querySelector('textarea')).toBe(area);
    expect(el.querySelector('.md-view')).toBeNull();
    // Escape, a keyboard act, shows the rendered text with the focus on its Edit button.
    await press(area, 'Escape');
    expect(el.querySelector('.md-view')?.textContent).toBe('Deploys log people out');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Edit Context');
  });

  it('renders Markdown as elements and keeps HTML in the text as text', async () => {
    const el = await field(
      async () => {},
      '**Bold** <img src=x onerror="alert(1)"> [x](javascript:alert(2))',
    );
    expect(el.querySelector('strong')?.textContent).toBe('Bold');
    expect(el.querySelector('img, a')).toBeNull();
    expect(el.textContent).toContain('<img src=x onerror="alert(1)">');
    await click(button(el, 'Edit Context'));
    expect(document.activeElement?.tagName).toBe('TEXTAREA');
  });
});

describe('the lock after deciding', () => {
  it('makes what and why read-only with the reason and a Revisit that unlocks them', async () => {
    const id = await createDecision(ctx, { title: 'Use Postgres' });
    await updateDecision(ctx, id, { rationale: 'It is boring' });
    await addRole(ctx, id, await createStakeholder(ctx, { name: 'Dana' }), 'A');
    await setStatus(ctx, id, 'decided');
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
    await vi.waitFor(() => expect(el.querySelector('.locked')).not.toBeNull());
    expect(el.querySelector('#record-title')).toBeNull();
    expect(el.querySelector('#field-rationale')).toBeNull();
    expect(el.querySelector('button[aria-label="Edit Why this path?"]')).toBeNull();
    expect(el.textContent).toContain('It is boring');
    // Other fields stay editable.
    expect(el.querySelector('#field-consequences')).not.toBeNull();
    await click(button(el, 'Revisit to edit'));
    await vi.waitFor(() => expect(el.querySelector('#record-title')).not.toBeNull());
    expect((await database().decisions.get(id))?.status).toBe('revisiting');
  });
});

describe('filling in after deciding', () => {
  it('keeps an empty why editable on a decided decision and saves what is typed', async () => {
    const id = await createDecision(ctx, { title: 'Use Postgres' });
    await addRole(ctx, id, await createStakeholder(ctx, { name: 'Dana' }), 'A');
    await setStatus(ctx, id, 'decided');
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
    await vi.waitFor(() => expect(el.querySelector('#field-rationale')).not.toBeNull());
    expect(el.querySelector('.locked')).toBeNull();
    // The title was written before deciding: it stays locked.
    expect(el.querySelector('#record-title')).toBeNull();
    const area = el.querySelector('#field-rationale') as HTMLTextAreaElement;
    await type(area, 'Boring tech');
    area.dispatchEvent(new Event('blur'));
    await vi.waitFor(async () => expect((await database().decisions.get(id))?.rationale).toBe('Boring tech'));
    expect(el.querySelector('[role="alert"]')).toBeNull();
  });
});

describe('concurrent edits', () => {
  it('shows both versions of a free-text field written on two devices', async () => {
    const id = await createDecision(ctx, { title: 'Use Postgres' });
    await updateDecision(ctx, id, { rationale: 'Mine' });
    const d = await database().decisions.get(id);
    const hlc = d?.fieldHlc.rationale as string;
    await database().decisions.update(id, { conflicts: { rationale: [{ value: 'Theirs', hlc }] } });
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
    await vi.waitFor(() =>
      expect(el.querySelector('[aria-label="2 versions of Why this path?"]')).not.toBeNull(),
    );
    expect(el.querySelector('.conflict')?.textContent).toContain('Theirs');
  });
});
