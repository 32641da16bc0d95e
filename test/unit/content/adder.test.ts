// @vitest-environment happy-dom
// The "Log decision" button lives in a closed shadow root and acts only on a person's click: a
// page that reaches it anyway (here, through the attachShadow return value only a test has) and
// clicks it from script logs nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAdder } from '../../../src/content/adder';

let abort: AbortController;
let root: ShadowRoot | undefined;
beforeEach(() => {
  document.body.innerHTML = '<p>We decided to move session storage to Redis.</p>';
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    root = attach.call(this, init);
    return root;
  });
  abort = new AbortController();
});
afterEach(() => {
  abort.abort();
  vi.restoreAllMocks();
});

const trusted = <E extends Event>(event: E): E => Object.defineProperty(event, 'isTrusted', { value: true });

describe('the Log decision button', () => {
  it('is in a closed shadow root: the page finds the host, not the button', () => {
    createAdder(abort.signal, () => {});
    const host = document.querySelector('decidedly-adder');
    expect(host).not.toBeNull();
    expect(host?.shadowRoot).toBeNull();
    expect(document.querySelector('button')).toBeNull();
    expect(Element.prototype.attachShadow).toHaveBeenCalledWith({ mode: 'closed' });
  });

  it('logs nothing on a synthetic click, on the button or its host', () => {
    const onLog = vi.fn();
    createAdder(abort.signal, onLog);
    const button = root?.querySelector('button') as HTMLButtonElement;
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    document.querySelector('decidedly-adder')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onLog).not.toHaveBeenCalled();
  });

  it('logs on a person’s click', () => {
    const onLog = vi.fn();
    createAdder(abort.signal, onLog);
    const button = root?.querySelector('button') as HTMLButtonElement;
    button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    expect(onLog).toHaveBeenCalledOnce();
  });
});
