// The slice of the WebExtension API the sidebar touches, in memory: tests mock
// src/messaging/browser-api.ts with it and read the messages the sidebar sent.
import { vi } from 'vitest';

export const sent: { name: string; payload: unknown }[] = [];

export const api = {
  runtime: {
    sendMessage: vi.fn(async (message: { name: string; payload: unknown }) => {
      sent.push({ name: message.name, payload: message.payload });
      return { ok: true };
    }),
    getURL: (path: string) => `chrome-extension://test/${path}`,
  },
  tabs: { create: vi.fn(async () => ({})) },
  storage: {
    onChanged: { addListener: () => {}, removeListener: () => {} },
    session: { get: async () => ({}), set: async () => {} },
  },
};
