// The slice of the WebExtension API the sidebar and the background's frame server touch, in
// memory: tests mock src/messaging/browser-api.ts with it and read the messages sent to tabs.
import { vi } from 'vitest';

export const sent: { name: string; payload: unknown }[] = [];
const session = new Map<string, unknown>();

export const api = {
  runtime: {
    id: 'test-extension',
    sendMessage: vi.fn(async (message: { name: string; payload: unknown }) => {
      sent.push({ name: message.name, payload: message.payload });
      return { ok: true };
    }),
    getURL: (path: string) => `chrome-extension://test-extension/${path}`,
  },
  tabs: {
    create: vi.fn(async () => ({})),
    sendMessage: vi.fn(async (_tabId: number, message: { name: string; payload: unknown }) => {
      sent.push({ name: message.name, payload: message.payload });
      return { ok: true };
    }),
  },
  storage: {
    onChanged: { addListener: () => {}, removeListener: () => {} },
    session: {
      get: async (key: string | null) =>
        key === null
          ? Object.fromEntries(session)
          : session.has(key)
            ? { [key]: structuredClone(session.get(key)) }
            : {},
      set: async (items: Record<string, unknown>) => {
        for (const [k, v] of Object.entries(items)) session.set(k, structuredClone(v));
      },
      remove: async (keys: string | string[]) => {
        for (const k of Array.isArray(keys) ? keys : [keys]) session.delete(k);
      },
    },
  },
};

export const clearSession = () => session.clear();
