import { describe, expect, it } from 'vitest';
import { contentHandlers } from '../../../src/background/content-handlers';
import { pageHandlers } from '../../../src/background/page-handlers';
import { contentToBackground, pageToBackground } from '../../../src/messaging/maps';
import { dispatch, type Handlers } from '../../../src/messaging/protocol';
import { backgroundToContent } from '../../../src/messaging/to-content';

type Sender = { ok: boolean };
const allow = (s: Sender) => s.ok;

function handlersFor(calls: string[]): Handlers<'backgroundToContent', Sender> {
  return {
    'sidebar:toggle': ({ open }) => {
      calls.push(`toggle:${open}`);
      return { open: !!open };
    },
    'capture:selection': () => ({ ok: true }),
    'page:refresh': () => ({ ok: true }),
    'highlight:focus': ({ decisionId }) => {
      calls.push(decisionId);
      return { ok: true };
    },
    'reattach:selection': () => {
      throw new Error('no selection');
    },
    'page:post': ({ text }) => {
      calls.push(text);
      return { ok: true, how: 'textarea' };
    },
    'people:read': () => ({ people: [] }),
  };
}

const send = (raw: unknown, sender: Sender = { ok: true }, calls: string[] = []) =>
  dispatch('backgroundToContent', backgroundToContent, handlersFor(calls), raw, sender, allow);

describe('message dispatch', () => {
  it('runs the handler of a valid message and returns its reply', async () => {
    const calls: string[] = [];
    const reply = await send(
      { dir: 'backgroundToContent', name: 'sidebar:toggle', payload: { open: true } },
      undefined,
      calls,
    );
    expect(reply).toEqual({ open: true });
    expect(calls).toEqual(['toggle:true']);
  });

  it('answers malformed payloads with a typed error and never calls the handler', async () => {
    const calls: string[] = [];
    const bad = [
      { payload: { decisionId: 'not-a-uuid' }, message: /decisionId: expected a UUID/ },
      { payload: { decisionId: crypto.randomUUID(), extra: 1 }, message: /extra: unknown key/ },
      { payload: 'hello', message: /expected object/ },
      { payload: null, message: /expected object/ },
    ];
    for (const { payload, message } of bad) {
      const reply = await send(
        { dir: 'backgroundToContent', name: 'highlight:focus', payload },
        undefined,
        calls,
      );
      expect(reply).toMatchObject({
        error: { code: 'bad-request', message: expect.stringMatching(message) },
      });
    }
    expect(calls).toEqual([]);
  });

  it('refuses unknown messages and disallowed senders, and ignores other directions', async () => {
    expect(await send({ dir: 'backgroundToContent', name: 'rm -rf', payload: {} })).toMatchObject({
      error: { code: 'unknown-message' },
    });
    expect(
      await send({ dir: 'backgroundToContent', name: 'page:refresh', payload: {} }, { ok: false }),
    ).toMatchObject({
      error: { code: 'forbidden' },
    });
    expect(await send({ dir: 'pageToBackground', name: 'page:refresh', payload: {} })).toBeUndefined();
    expect(await send('garbage')).toBeUndefined();
  });

  it('checks a summary to post: strings within their limits, html text or absent', async () => {
    const calls: string[] = [];
    const post = (payload: Record<string, unknown>) =>
      send({ dir: 'backgroundToContent', name: 'page:post', payload }, undefined, calls);
    const good = { decisionId: crypto.randomUUID(), text: '### Decision', marker: 'x' };
    expect(await post(good)).toEqual({ ok: true, how: 'textarea' });
    expect(await post({ ...good, html: '<p>x</p>' })).toEqual({ ok: true, how: 'textarea' });
    for (const bad of [
      { ...good, text: 42 },
      { ...good, html: null },
      { ...good, text: 'x'.repeat(50_001) },
      { ...good, marker: ['x'] },
    ])
      expect(await post(bad)).toMatchObject({ error: { code: 'bad-request' } });
    expect(calls).toEqual(['### Decision', '### Decision']);
  });

  it('turns a handler failure into an error reply instead of throwing', async () => {
    const reply = await send({
      dir: 'backgroundToContent',
      name: 'reattach:selection',
      payload: { anchorId: crypto.randomUUID() },
    });
    expect(reply).toEqual({ error: { code: 'failed', message: 'no selection' } });
  });

  it('validates page messages with the shared Zod schemas', async () => {
    const reply = await dispatch(
      'pageToBackground',
      pageToBackground,
      pageHandlers,
      { dir: 'pageToBackground', name: 'decision:create', payload: { title: '' } },
      {},
      () => true,
    );
    expect(reply).toMatchObject({
      error: { code: 'bad-request', message: expect.stringContaining('title') },
    });
  });
});

describe('message maps', () => {
  it('have a handler for every message the background receives, and no stray handler', () => {
    expect(Object.keys(contentHandlers).sort()).toEqual(Object.keys(contentToBackground).sort());
    expect(Object.keys(pageHandlers).sort()).toEqual(Object.keys(pageToBackground).sort());
  });
});
