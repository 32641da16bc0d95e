// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEntries, searchTerms, sortEntries } from '../../../src/core/log';
import { ListView } from '../../../src/log/ListView';
import { logBuilder } from '../core/log/log-builder';

let root: HTMLDivElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function log() {
  const b = logBuilder();
  const dana = b.person('Dana Lee');
  const d = b.decision('Use <b>Redis</b> for sessions', { rationale: 'It is boring & proven' }, 'jira');
  b.role(d, dana, 'A', 'supports');
  b.followUp(d, { title: 'Provision it', ownerId: dana.id, dueAt: '2024-01-05T17:00:00.000Z' });
  b.tick();
  b.decision('Drop IE11', {}, 'github');
  return sortEntries(buildEntries(b.data), 'updated');
}

function show(q: string, selected = new Set<string>(), onSelect = (_ids: string[], _on: boolean) => {}) {
  const entries = log().filter((e) => q === '' || e.text.includes(q));
  act(() => {
    render(
      <ListView
        entries={entries}
        terms={searchTerms(q)}
        group="none"
        sort="updated"
        onView={() => {}}
        selected={selected}
        onSelect={onSelect}
        nowMs={Date.parse('2024-01-12T12:00:00.000Z')}
        resetKey={q}
      />,
      root,
    );
  });
  return entries;
}

describe('log list', () => {
  it('shows each decision with its page, Accountable, next step and alignment', () => {
    show('');
    const rows = [...root.querySelectorAll('li.vrow')];
    expect(rows.map((r) => r.querySelector('.title')?.textContent)).toEqual([
      'Drop IE11',
      'Use <b>Redis</b> for sessions',
    ]);
    const redis = rows[1] as HTMLElement;
    expect(redis.querySelector('a')?.getAttribute('href')).toBe('https://acme.atlassian.net/browse/ACME-7');
    expect(redis.querySelector('a')?.textContent).toBe('Jira ACME-7 · Fix the login timeout');
    expect(redis.textContent).toContain('Accountable: Dana Lee');
    expect(redis.querySelector('.overdue')?.textContent).toMatch(/overdue/);
    expect(redis.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('Alignment: 1 support');
    expect(rows[0]?.textContent).toContain('No Accountable');
  });

  it('marks the searched words as text, never as markup', () => {
    show('redis');
    const title = root.querySelector('li.vrow .title') as HTMLElement;
    expect(title.querySelector('b')).toBeNull();
    expect([...title.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Redis']);
    expect(title.textContent).toBe('Use <b>Redis</b> for sessions');
    show('boring');
    const snippet = root.querySelector('li.vrow .snippet') as HTMLElement;
    expect(snippet.textContent).toBe('rationale: It is boring & proven');
    expect(snippet.querySelector('mark')?.textContent).toBe('boring');
  });

  it('selects all shown decisions from the header and one with Space on its row', () => {
    const calls: [string[], boolean][] = [];
    const entries = show('', new Set(), (ids, on) => calls.push([ids, on]));
    act(() => {
      (root.querySelector('input[aria-label^="Select all"]') as HTMLInputElement).click();
    });
    expect(calls.at(-1)).toEqual([entries.map((e) => e.decision.id), true]);
    const row = root.querySelector('li.vrow') as HTMLElement;
    act(() => {
      row.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true }));
    });
    expect(calls.at(-1)).toEqual([[entries[0]?.decision.id], true]);
  });

  it('says so when nothing matches', () => {
    show('nothing-like-this');
    expect(root.textContent).toContain('No decisions match');
    expect(root.querySelector('li.vrow')).toBeNull();
  });
});
