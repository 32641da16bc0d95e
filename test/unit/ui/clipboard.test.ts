// @vitest-environment happy-dom
// Copying: rich text goes to the async Clipboard API as HTML plus plain text; where that API refuses
// (a frame without the permission), the `copy` command carries the same data on its event.
import { describe, expect, it, vi } from 'vitest';
import { copyToClipboard } from '../../../src/ui/clipboard';

/** A document whose clipboard API does `write`, and whose copy command fires a copy event. */
function fakeDocument(write: (items: ClipboardItem[]) => Promise<void>, commandWorks = true) {
  const data = new Map<string, string>();
  const listeners: ((e: ClipboardEvent) => void)[] = [];
  const doc = {
    defaultView: { navigator: { clipboard: { write, writeText: async (t: string) => write([t as never]) } } },
    addEventListener: (_: string, l: (e: ClipboardEvent) => void) => listeners.push(l),
    removeEventListener: (_: string, l: (e: ClipboardEvent) => void) =>
      listeners.splice(listeners.indexOf(l), 1),
    execCommand: (name: string) => {
      if (name !== 'copy' || !commandWorks) return false;
      const event = {
        clipboardData: { setData: (type: string, value: string) => data.set(type, value) },
        preventDefault: () => {},
      } as unknown as ClipboardEvent;
      for (const l of [...listeners]) l(event);
      return true;
    },
  };
  return { doc: doc as unknown as Document, data, listeners };
}

describe('copyToClipboard', () => {
  it('writes HTML and plain text as one clipboard item', async () => {
    const write = vi.fn(async (_items: ClipboardItem[]) => {});
    const { doc } = fakeDocument(write);
    await copyToClipboard({ text: 'plain', html: '<h3>rich</h3>' }, doc);
    const [item] = write.mock.calls[0]?.[0] ?? [];
    expect([...(item?.types ?? [])].sort()).toEqual(['text/html', 'text/plain']);
    expect(await (await item?.getType('text/html'))?.text()).toBe('<h3>rich</h3>');
  });

  it('falls back to the copy command when the API refuses, and leaves no listener behind', async () => {
    const { doc, data, listeners } = fakeDocument(async () => {
      throw new DOMException('Write permission denied.', 'NotAllowedError');
    });
    await copyToClipboard({ text: 'plain', html: '<h3>rich</h3>' }, doc);
    expect(Object.fromEntries(data)).toEqual({ 'text/plain': 'plain', 'text/html': '<h3>rich</h3>' });
    expect(listeners).toEqual([]);
  });

  it('says so when neither way is allowed', async () => {
    const { doc } = fakeDocument(async () => {
      throw new DOMException('denied', 'NotAllowedError');
    }, false);
    await expect(copyToClipboard({ text: 'plain' }, doc)).rejects.toThrow(
      'The browser did not allow copying here.',
    );
  });
});
