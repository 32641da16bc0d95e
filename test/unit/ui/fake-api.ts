// The slice of the WebExtension API the data-safety components touch, in memory: messages sent,
// storage.local with change events, the manifest and permissions. Tests mock
// src/messaging/browser-api.ts with it.
import { vi } from 'vitest';

type Changed = (changes: Record<string, unknown>, area: string) => void;
const changed = new Set<Changed>();
export const local = new Map<string, unknown>();
export const sent: { name: string }[] = [];

export const api = {
  runtime: {
    sendMessage: vi.fn(async (message: { name: string }) => {
      sent.push({ name: message.name });
      return { ok: true };
    }),
    getURL: (path: string) => `chrome-extension://test/${path}`,
    getManifest: () => ({ version: '0.1.0' }),
  },
  permissions: { contains: async () => true },
  storage: {
    local: {
      async get(key: string) {
        return local.has(key) ? { [key]: structuredClone(local.get(key)) } : {};
      },
      async set(items: Record<string, unknown>) {
        for (const [k, v] of Object.entries(items)) local.set(k, structuredClone(v));
        for (const l of changed) l(items, 'local');
      },
      async remove(key: string) {
        local.delete(key);
        for (const l of changed) l({ [key]: {} }, 'local');
      },
    },
    onChanged: {
      addListener: (l: Changed) => void changed.add(l),
      removeListener: (l: Changed) => void changed.delete(l),
    },
  },
};
