// An in-memory stand-in for the parts of the WebExtension API the due list, badge, reminders and
// "Open" use, so tests mock src/messaging/browser-api.ts with it and read what was done.
type Listener = (...args: never[]) => unknown;

function event() {
  const listeners = new Set<Listener>();
  return {
    listeners,
    addListener: (l: Listener) => listeners.add(l),
    removeListener: (l: Listener) => listeners.delete(l),
    /** Fires the event as the browser would. */
    fire: async (...args: unknown[]) => {
      for (const l of [...listeners]) await (l as (...a: unknown[]) => unknown)(...args);
    },
  };
}

function area(name: 'local' | 'session', changed: ReturnType<typeof event>) {
  const data = new Map<string, unknown>();
  return {
    data,
    async get(key: string | null) {
      if (key === null) return Object.fromEntries(data);
      return data.has(key) ? { [key]: structuredClone(data.get(key)) } : {};
    },
    async set(items: Record<string, unknown>) {
      const changes: Record<string, { newValue: unknown }> = {};
      for (const [k, v] of Object.entries(items)) {
        data.set(k, structuredClone(v));
        changes[k] = { newValue: structuredClone(v) };
      }
      await changed.fire(changes, name);
    },
    async remove(key: string) {
      data.delete(key);
    },
  };
}

export interface FakeTab {
  id: number;
  url: string;
  windowId: number;
  active: boolean;
  status: 'loading' | 'complete';
}

export function createFakeBrowser() {
  const storageChanged = event();
  const alarms = new Map<string, { name: string; scheduledTime: number }>();
  const notifications = new Map<string, { title: string; message: string }>();
  const badge = { text: '', color: '', title: '' };
  const tabs: FakeTab[] = [];
  const sent: { tabId: number; message: unknown }[] = [];
  let nextTabId = 100;
  const onUpdated = event();
  const fake = {
    badge,
    alarmsSet: alarms,
    shown: notifications,
    tabList: tabs,
    sent,
    /** Answers a message sent to a tab's content script; replace per test. */
    contentScript: (_tabId: number, _message: unknown): unknown => ({ ok: true }),
    api: {
      runtime: {
        id: 'ext',
        getURL: (path: string) => `chrome-extension://ext/${path.replace(/^\//, '')}`,
        getManifest: () => ({ content_scripts: [{ js: ['content.js'] }] }),
        sendMessage: async (_message: unknown): Promise<unknown> => ({ ok: true }),
        onStartup: event(),
        onInstalled: event(),
        onMessage: event(),
      },
      storage: {
        local: area('local', storageChanged),
        session: area('session', storageChanged),
        onChanged: storageChanged,
      },
      alarms: {
        create: async (name: string, info: { when: number }) => {
          alarms.set(name, { name, scheduledTime: info.when });
        },
        clear: async (name: string) => alarms.delete(name),
        onAlarm: event(),
      },
      notifications: {
        create: async (id: string, options: { title: string; message: string }) => {
          notifications.set(id, { title: options.title, message: options.message });
          return id;
        },
        clear: async (id: string) => notifications.delete(id),
        onClicked: event(),
      },
      action: {
        setBadgeText: async ({ text }: { text: string }) => {
          badge.text = text;
        },
        setBadgeBackgroundColor: async ({ color }: { color: string }) => {
          badge.color = color;
        },
        setTitle: async ({ title }: { title: string }) => {
          badge.title = title;
        },
      },
      tabs: {
        query: async () => tabs.map((t) => ({ ...t })),
        get: async (id: number) => {
          const tab = tabs.find((t) => t.id === id);
          if (!tab) throw new Error(`No tab with id: ${id}.`);
          return { ...tab };
        },
        create: async ({ url }: { url: string }) => {
          for (const t of tabs) t.active = false;
          const tab: FakeTab = { id: nextTabId++, url, windowId: 1, active: true, status: 'complete' };
          tabs.push(tab);
          return { ...tab };
        },
        update: async (id: number, { active }: { active?: boolean }) => {
          const tab = tabs.find((t) => t.id === id);
          if (tab && active) for (const t of tabs) t.active = t === tab;
          return tab && { ...tab };
        },
        sendMessage: async (tabId: number, message: unknown) => {
          sent.push({ tabId, message });
          return fake.contentScript(tabId, message);
        },
        onUpdated,
        onRemoved: event(),
      },
      windows: { update: async () => ({}) },
      scripting: { executeScript: async () => [] },
    },
  };
  return fake;
}

export type FakeBrowser = ReturnType<typeof createFakeBrowser>;
