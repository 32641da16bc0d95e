// @vitest-environment happy-dom
// The click-jacking guard on a checkbox (a follow-up's "done"): a person's click changes it at once
// only when the browser (IntersectionObserver v2) vouches the box has been visible for a while;
// otherwise the box stays as it was and a confirm button beside it must be clicked; a script's
// click never changes it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GuardedCheckbox } from '../../../src/ui/GuardedCheckbox';
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

async function show(checked = false) {
  const onRun = vi.fn();
  const el = await mountUi(
    <GuardedCheckbox
      checked={checked}
      confirmLabel={(done) => (done ? 'Confirm done' : 'Confirm not done')}
      onRun={onRun}
    >
      Provision Redis
    </GuardedCheckbox>,
  );
  const observer = FakeObserver.all[0];
  if (!observer) throw new Error('no observer');
  const box = el.querySelector('input[type="checkbox"]') as HTMLInputElement;
  return { el, onRun, observer, box };
}
const confirmButton = (el: HTMLElement) =>
  [...el.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Confirm'));

describe('GuardedCheckbox', () => {
  it('watches the box itself with IntersectionObserver v2', async () => {
    const { box } = await show();
    expect(FakeObserver.options[0]).toMatchObject({ trackVisibility: true, delay: 100 });
    expect(FakeObserver.all[0]?.targets).toEqual([box]);
    expect(box.closest('label')?.textContent).toBe('Provision Redis');
  });

  it('changes at once when the box has been visible long enough', async () => {
    const { el, onRun, observer, box } = await show();
    observer.report(true);
    clock += MIN_VISIBLE_MS;
    await click(box);
    expect(onRun).toHaveBeenCalledExactlyOnceWith(true);
    expect(box.checked).toBe(true);
    expect(confirmButton(el)).toBeUndefined();
  });

  it('stays as it was and asks for a confirm when the page made it invisible', async () => {
    const { el, onRun, observer, box } = await show();
    observer.report(true);
    clock += 5000;
    observer.report(false);
    await click(box);
    expect(onRun).not.toHaveBeenCalled();
    expect(box.checked).toBe(false);
    expect(document.activeElement).toBe(button(el, 'Confirm done'));
    // A second click on the same spot asks again; it does not confirm.
    await click(box);
    expect(onRun).not.toHaveBeenCalled();
    await click(button(el, 'Confirm done'));
    expect(onRun).toHaveBeenCalledExactlyOnceWith(true);
    expect(confirmButton(el)).toBeUndefined();
  });

  it('asks for a confirm where IntersectionObserver v2 is missing (Firefox), both ways', async () => {
    const { el, onRun, observer, box } = await show(true);
    observer.report(undefined);
    clock += 5000;
    await click(box);
    expect(box.checked).toBe(true);
    await click(button(el, 'Cancel'));
    expect(confirmButton(el)).toBeUndefined();
    expect(onRun).not.toHaveBeenCalled();
    await click(box);
    await click(button(el, 'Confirm not done'));
    expect(onRun).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('ignores a script’s clicks, on the box and on its confirm', async () => {
    const { el, onRun, observer, box } = await show();
    observer.report(true);
    clock += 5000;
    await scriptClick(box);
    expect(box.checked).toBe(false);
    expect(confirmButton(el)).toBeUndefined();
    observer.report(false);
    await click(box);
    await scriptClick(button(el, 'Confirm done'));
    expect(onRun).not.toHaveBeenCalled();
  });
});
