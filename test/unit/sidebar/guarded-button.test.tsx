// @vitest-environment happy-dom
// The click-jacking guard: a destructive action runs at once only when the browser (IntersectionObserver
// v2) vouches that the button has been visible for a while; otherwise a second click on a confirm
// button elsewhere is needed; a script's click never runs it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GuardedButton } from '../../../src/ui/GuardedButton';
import { MIN_VISIBLE_MS } from '../../../src/ui/visible-guard';
import { FakeObserver } from './fake-observer';
import { button, click, mountUi, scriptClick, unmountUi } from './helpers';

let clock = 0;
beforeEach(() => {
  FakeObserver.all = [];
  FakeObserver.options = [];
  clock = 1000;
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
});
afterEach(async () => {
  await unmountUi();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function show() {
  const onRun = vi.fn();
  const el = await mountUi(
    <GuardedButton class="danger" confirmLabel="Confirm delete" onRun={onRun}>
      Delete decision
    </GuardedButton>,
  );
  const observer = FakeObserver.all[0];
  if (!observer) throw new Error('no observer');
  return { el, onRun, observer };
}
const confirmButton = (el: HTMLElement) =>
  [...el.querySelectorAll('button')].find((b) => b.textContent === 'Confirm delete');

describe('GuardedButton', () => {
  it('asks IntersectionObserver v2 to track visibility of the button itself', async () => {
    const { el, observer } = await show();
    expect(FakeObserver.options[0]).toMatchObject({ trackVisibility: true, delay: 100 });
    expect(observer.targets).toEqual([button(el, 'Delete decision')]);
  });

  it('runs at once when the button has been visible long enough', async () => {
    const { el, onRun, observer } = await show();
    observer.report(true);
    clock += MIN_VISIBLE_MS;
    await click(button(el, 'Delete decision'));
    expect(onRun).toHaveBeenCalledOnce();
    expect(confirmButton(el)).toBeUndefined();
  });

  it('asks for a confirm when visible only just now', async () => {
    const { el, onRun, observer } = await show();
    observer.report(true);
    clock += MIN_VISIBLE_MS - 1;
    await click(button(el, 'Delete decision'));
    expect(onRun).not.toHaveBeenCalled();
    expect(confirmButton(el)).toBeDefined();
  });

  it('asks for a confirm when the page made it invisible (opacity, cover) after it was seen', async () => {
    const { el, onRun, observer } = await show();
    observer.report(true);
    clock += 5000;
    observer.report(false);
    await click(button(el, 'Delete decision'));
    expect(onRun).not.toHaveBeenCalled();
    const confirm = confirmButton(el) as HTMLButtonElement;
    expect(confirm).not.toBe(button(el, 'Delete decision'));
    await click(confirm);
    expect(onRun).toHaveBeenCalledOnce();
    expect(confirmButton(el)).toBeUndefined();
  });

  it('asks for a confirm where IntersectionObserver v2 is missing (isVisible undefined, Firefox)', async () => {
    const { el, onRun, observer } = await show();
    observer.report(undefined);
    clock += 5000;
    await click(button(el, 'Delete decision'));
    expect(onRun).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(confirmButton(el));
    // A second click on the same spot (a double-click) does not confirm.
    await click(button(el, 'Delete decision'));
    expect(onRun).not.toHaveBeenCalled();
    await click(confirmButton(el) as HTMLButtonElement);
    expect(onRun).toHaveBeenCalledOnce();
  });

  it('asks for a confirm where there is no IntersectionObserver at all', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const onRun = vi.fn();
    const el = await mountUi(
      <GuardedButton confirmLabel="Confirm delete" onRun={onRun}>
        Delete decision
      </GuardedButton>,
    );
    await click(button(el, 'Delete decision'));
    expect(onRun).not.toHaveBeenCalled();
    await click(button(el, 'Cancel'));
    expect(confirmButton(el)).toBeUndefined();
    expect(onRun).not.toHaveBeenCalled();
  });

  it('ignores untrusted clicks, on the button and on its confirm', async () => {
    const { el, onRun, observer } = await show();
    observer.report(true);
    clock += 5000;
    await scriptClick(button(el, 'Delete decision'));
    expect(onRun).not.toHaveBeenCalled();
    expect(confirmButton(el)).toBeUndefined();
    observer.report(false);
    await click(button(el, 'Delete decision'));
    await scriptClick(confirmButton(el) as HTMLButtonElement);
    expect(onRun).not.toHaveBeenCalled();
  });

  it('stops observing when it goes away', async () => {
    const { observer } = await show();
    await unmountUi();
    expect(observer.targets).toEqual([]);
  });
});
