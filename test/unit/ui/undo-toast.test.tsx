// @vitest-environment happy-dom
// Deleting a decision: a tombstone at once, "Undo" for a few seconds (held while pointed at or
// focused), and Undo (or Ctrl+Z) brings the decision back.
import { act as flushRender } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { database } from '../../../src/storage/db';
import { createDecision } from '../../../src/storage/decisions';
import type { WriteContext } from '../../../src/storage/write';
import { button, click, freshDb, mountUi, press, unmountUi } from '../sidebar/helpers';

vi.mock('../../../src/messaging/browser-api', () => import('./fake-api'));
// As the page's main does before it mounts: this page reads and writes the local database.
const { setDataSource } = await import('../../../src/ui/data-source');
setDataSource((await import('../../../src/ui/local-data')).localData);
const { DeleteDecisionButton } = await import('../../../src/ui/DeleteDecisionButton');
const { UndoToast } = await import('../../../src/ui/UndoToast');
const { dismissUndo } = await import('../../../src/ui/use-undo-delete');

let ctx: WriteContext;
let id: string;
beforeEach(async () => {
  ctx = await freshDb();
  dismissUndo();
  id = await createDecision(ctx, { title: 'Move sessions to Redis' });
});
afterEach(unmountUi);

const deleted = async () => (await database().decisions.get(id))?.deleted;
const toast = (el: HTMLElement) => el.querySelector<HTMLElement>('.undo-toast');

async function show(timeoutMs?: number) {
  const left = vi.fn();
  const el = await mountUi(
    <>
      <DeleteDecisionButton id={id} title="Move sessions to Redis" onDeleted={left} />
      <UndoToast timeoutMs={timeoutMs} />
    </>,
  );
  return { el, left };
}

describe('delete with undo', () => {
  it('tombstones the decision, offers Undo, and Undo restores it', async () => {
    const { el, left } = await show();
    await click(button(el, 'Delete decision'));
    await click(button(el, 'Confirm delete'));
    await vi.waitFor(() => expect(toast(el)?.textContent).toContain('Deleted “Move sessions to Redis”.'));
    expect(await deleted()).toBe(true);
    expect(left).toHaveBeenCalled();
    await click(button(el, 'Undo'));
    await vi.waitFor(async () => expect(await deleted()).toBe(false));
    expect(toast(el)).toBeNull();
  });

  it('undoes with Ctrl+Z outside text fields, and leaves a text field’s own undo alone', async () => {
    const { el } = await show();
    const field = document.createElement('textarea');
    el.append(field);
    await click(button(el, 'Delete decision'));
    await click(button(el, 'Confirm delete'));
    await vi.waitFor(() => expect(toast(el)).not.toBeNull());
    await press(field, 'z', { ctrlKey: true });
    expect(toast(el)).not.toBeNull();
    await press(document.body, 'z', { ctrlKey: true });
    await vi.waitFor(async () => expect(await deleted()).toBe(false));
  });

  it('stops offering Undo after its time, leaving the decision deleted (and restorable from a backup)', async () => {
    const { el } = await show(1000);
    await click(button(el, 'Delete decision'));
    await click(button(el, 'Confirm delete'));
    await vi.waitFor(() => expect(toast(el)).not.toBeNull());
    // Fake time, so a loaded machine cannot hide the toast before the test has seen it.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      // Passing the pointer over restarts the countdown, now on the fake clock.
      await flushRender(() => {
        toast(el)?.dispatchEvent(new MouseEvent('mouseenter'));
      });
      await flushRender(() => {
        toast(el)?.dispatchEvent(new MouseEvent('mouseleave'));
      });
      await flushRender(() => {
        vi.advanceTimersByTime(999);
      });
      expect(toast(el)).not.toBeNull();
      await flushRender(() => {
        vi.advanceTimersByTime(2);
      });
      expect(toast(el)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
    expect(await deleted()).toBe(true);
  });

  it('holds the offer while the pointer is on it', async () => {
    const { el } = await show(1000);
    await click(button(el, 'Delete decision'));
    await click(button(el, 'Confirm delete'));
    await vi.waitFor(() => expect(toast(el)).not.toBeNull());
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await flushRender(() => {
        toast(el)?.dispatchEvent(new MouseEvent('mouseenter'));
      });
      await flushRender(() => {
        vi.advanceTimersByTime(5000);
      });
      expect(toast(el)).not.toBeNull();
      await flushRender(() => {
        toast(el)?.dispatchEvent(new MouseEvent('mouseleave'));
      });
      await flushRender(() => {
        vi.advanceTimersByTime(1000);
      });
      expect(toast(el)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
