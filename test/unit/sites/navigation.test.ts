// @vitest-environment happy-dom
// The SPA navigation watcher: reports each URL change once, through every signal, until aborted.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchNavigation, watchTitle } from '../../../src/sites/navigation';

let controller: AbortController;

beforeEach(() => {
  history.replaceState({}, '', '/start');
  controller = new AbortController();
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
  Reflect.deleteProperty(globalThis, 'navigation');
});

describe('watchNavigation without the Navigation API', () => {
  it('reports a history.pushState by the page on the next check', () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    watchNavigation(onChange, controller.signal, { pollMs: 500 });
    history.pushState({}, '', '/acme/checkout/issues/15');
    expect(onChange).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(onChange).toHaveBeenCalledExactlyOnceWith(`${location.origin}/acme/checkout/issues/15`);
  });

  it('reports each URL once, however many signals notice it', () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    watchNavigation(onChange, controller.signal, { pollMs: 500 });
    history.pushState({}, '', '/b');
    dispatchEvent(new PopStateEvent('popstate'));
    vi.advanceTimersByTime(5_000);
    dispatchEvent(new PopStateEvent('popstate'));
    expect(onChange).toHaveBeenCalledTimes(1);
    history.pushState({}, '', '/c');
    vi.advanceTimersByTime(500);
    expect(onChange.mock.calls).toEqual([[`${location.origin}/b`], [`${location.origin}/c`]]);
  });

  it('reports back/forward through popstate without waiting for the poll', () => {
    const onChange = vi.fn();
    watchNavigation(onChange, controller.signal, { pollMs: 60_000 });
    history.replaceState({}, '', '/back-here');
    dispatchEvent(new PopStateEvent('popstate'));
    expect(onChange).toHaveBeenCalledExactlyOnceWith(`${location.origin}/back-here`);
  });

  it('notices a route change that retitles the tab without waiting for the poll', async () => {
    const onChange = vi.fn();
    watchNavigation(onChange, controller.signal, { pollMs: 60_000 });
    history.pushState({}, '', '/acme/checkout/pull/42/files');
    document.title = 'Files changed · Pull Request #42';
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledOnce());
    expect(onChange).toHaveBeenCalledWith(`${location.origin}/acme/checkout/pull/42/files`);
  });

  it('stops every listener, observer and timer when the signal aborts', async () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    watchNavigation(onChange, controller.signal, { pollMs: 500 });
    expect(vi.getTimerCount()).toBe(1);
    controller.abort();
    expect(vi.getTimerCount()).toBe(0);
    history.pushState({}, '', '/after-abort');
    dispatchEvent(new PopStateEvent('popstate'));
    dispatchEvent(new HashChangeEvent('hashchange'));
    document.title = 'Retitled after abort';
    vi.advanceTimersByTime(5_000);
    await Promise.resolve();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('does nothing for an already aborted signal', () => {
    vi.useFakeTimers();
    controller.abort();
    const onChange = vi.fn();
    watchNavigation(onChange, controller.signal);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('watchNavigation with the Navigation API', () => {
  it('reports currententrychange at once and needs no poll', () => {
    vi.useFakeTimers();
    const navigation = new EventTarget();
    Object.defineProperty(globalThis, 'navigation', { value: navigation, configurable: true });
    const onChange = vi.fn();
    watchNavigation(onChange, controller.signal);
    expect(vi.getTimerCount()).toBe(0);
    history.pushState({}, '', '/acme/checkout/issues/12');
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(onChange).toHaveBeenCalledExactlyOnceWith(`${location.origin}/acme/checkout/issues/12`);
    controller.abort();
    history.pushState({}, '', '/acme/checkout/issues/15');
    navigation.dispatchEvent(new Event('navigatesuccess'));
    expect(onChange).toHaveBeenCalledOnce();
  });
});

describe('watchTitle', () => {
  it('reports each new title once, set after the route changed', async () => {
    document.title = 'Issue 12';
    const onChange = vi.fn();
    watchTitle(() => document.title, 'Issue 12', onChange, controller.signal);
    history.pushState({}, '', '/issues/15');
    document.title = 'Issue 15';
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledOnce());
    expect(onChange).toHaveBeenCalledWith('Issue 15');
    document.title = 'Issue 15';
    await Promise.resolve();
    expect(onChange).toHaveBeenCalledOnce();
  });

  it('reports a title that changed before it started watching', () => {
    document.title = 'Issue 15';
    const onChange = vi.fn();
    watchTitle(() => document.title, 'Issue 12', onChange, controller.signal);
    expect(onChange).toHaveBeenCalledExactlyOnceWith('Issue 15');
  });

  it('stops when the page session ends', async () => {
    const onChange = vi.fn();
    watchTitle(() => document.title, document.title, onChange, controller.signal);
    controller.abort();
    document.title = 'After the session';
    await new Promise((r) => setTimeout(r, 10));
    expect(onChange).not.toHaveBeenCalled();
  });
});
