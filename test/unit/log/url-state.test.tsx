// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_STATE, type LogState } from '../../../src/core/log';
import { formatAgo } from '../../../src/log/format';
import { useLogState } from '../../../src/log/use-log-state';

let root: HTMLDivElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  history.replaceState(null, '', '/');
});

function mount() {
  const seen: { state?: LogState; set?: (s: LogState) => void } = {};
  function Probe() {
    const [state, set] = useLogState();
    seen.state = state;
    seen.set = set;
    return null;
  }
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<Probe />, root as HTMLDivElement));
  return seen;
}

describe('log view state in the URL', () => {
  it('starts from the query string of the page', () => {
    history.replaceState(null, '', '/src/log/index.html?view=matrix&gap=unheard&site=jira');
    const seen = mount();
    expect(seen.state?.view).toBe('matrix');
    expect(seen.state?.filters.gaps).toEqual(['unheard']);
    expect(seen.state?.filters.site).toBe('jira');
  });

  it('writes every change back without adding history entries', () => {
    history.replaceState(null, '', '/src/log/index.html');
    const before = history.length;
    const seen = mount();
    act(() =>
      seen.set?.({ ...DEFAULT_STATE, filters: { ...DEFAULT_STATE.filters, q: 'redis', open: true } }),
    );
    expect(location.search).toBe('?q=redis&open=1');
    act(() => seen.set?.(DEFAULT_STATE));
    expect(location.search).toBe('');
    expect(history.length).toBe(before);
  });

  it('follows the Back button', () => {
    history.replaceState(null, '', '/src/log/index.html');
    const seen = mount();
    history.replaceState(null, '', '/src/log/index.html?view=timeline');
    act(() => {
      dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(seen.state?.view).toBe('timeline');
  });
});

describe('formatAgo', () => {
  const now = Date.parse('2024-06-01T12:00:00Z');
  it('says how long ago in words people use', () => {
    expect(formatAgo(now - 20_000, now)).toBe('just now');
    expect(formatAgo(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(formatAgo(now - 3 * 3600_000, now)).toBe('3 hours ago');
    expect(formatAgo(now - 30 * 3600_000, now)).toBe('yesterday');
    expect(formatAgo(now - 5 * 86_400_000, now)).toBe('5 days ago');
    expect(formatAgo(now - 21 * 86_400_000, now)).toBe('3 weeks ago');
    expect(formatAgo(now - 90 * 86_400_000, now)).toBe('3 months ago');
    expect(formatAgo(now - 800 * 86_400_000, now)).toBe('2 years ago');
  });
});
