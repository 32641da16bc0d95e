// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/messaging/browser-api', () => ({
  api: { runtime: { sendMessage: async () => ({ ok: true }), getURL: (p: string) => p } },
}));

// As the page's main does before it mounts: this page reads and writes the local database.
const { setDataSource } = await import('../../../src/ui/data-source');
setDataSource((await import('../../../src/ui/local-data')).localData);
const { App } = await import('../../../src/log/App');
const { database } = await import('../../../src/storage/db');
const { writeContext } = await import('../../../src/storage/context');
const { createDecision } = await import('../../../src/storage/decisions');
const { addRole, createStakeholder } = await import('../../../src/storage/people');

let root: HTMLDivElement;
const titles = () => [...root.querySelectorAll('li.vrow .title')].map((e) => e.textContent).sort();

beforeAll(async () => {
  const ctx = await writeContext();
  const kim = await createStakeholder(ctx, { name: 'Kim Ito' });
  const page = {
    pageKey: 'github:acme/app#1',
    url: 'https://github.com/acme/app/pull/1',
    pageTitle: 'PR 1',
    site: 'github',
    selectors: null,
  };
  const a = await createDecision(ctx, { title: 'Cache sessions', rationale: 'latency budget' }, page);
  await addRole(ctx, a, kim, 'C');
  await createDecision(ctx, { title: 'Cache invoices', rationale: 'latency too' }, page);
  await createDecision(ctx, { title: 'Weekly releases', rationale: 'calm' });
  history.replaceState(null, '', '/src/log/index.html');
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<App />, root));
  await vi.waitFor(() => expect(titles()).toHaveLength(3));
});
afterAll(async () => {
  render(null, root);
  await database().delete();
});

describe('log page', () => {
  it('keeps the search when a filter changes, and the filters when the search changes', async () => {
    const search = root.querySelector('input[type="search"]') as HTMLInputElement;
    act(() => {
      search.value = 'cache';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await vi.waitFor(() => expect(titles()).toEqual(['Cache invoices', 'Cache sessions']));
    const unheard = [...root.querySelectorAll('label')].find((l) => l.textContent === 'Consulted not heard');
    act(() => (root.querySelector(`#${CSS.escape(unheard?.htmlFor ?? '')}`) as HTMLInputElement).click());
    await vi.waitFor(() => expect(titles()).toEqual(['Cache sessions']));
    expect(location.search).toBe('?q=cache&gap=unheard');
    act(() => {
      search.value = 'cache sess';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await vi.waitFor(() => expect(location.search).toBe('?q=cache+sess&gap=unheard'));
    expect(titles()).toEqual(['Cache sessions']);
    const clear = [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Clear'));
    act(() => clear?.click());
    await vi.waitFor(() => expect(location.search).toBe('?q=cache+sess'));
  });

  it('counts what is shown out of the whole log', async () => {
    await vi.waitFor(() => expect(root.querySelector('.count')?.textContent).toBe('1 of 3 decisions'));
  });

  it('says "1 decision" of a log of one', async () => {
    const one = (await database().decisions.toArray()).filter((d) => d.title !== 'Weekly releases');
    await database().decisions.bulkDelete(one.map((d) => d.id));
    const clear = [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Clear'));
    act(() => clear?.click());
    const search = root.querySelector('input[type="search"]') as HTMLInputElement;
    act(() => {
      search.value = '';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await vi.waitFor(() => expect(root.querySelector('.count')?.textContent).toBe('1 decision'));
  });
});
