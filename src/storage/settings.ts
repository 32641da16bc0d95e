// The extension's settings in storage.local: one typed defaults object, the type derived from it,
// and an ordered list of migrations for stored shapes of older versions (STYLE.md "Settings").
import { isClockTime } from '../core/due-popup';
import { api } from '../messaging/browser-api';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const SETTINGS_DEFAULTS = {
  /** Light or dark for every extension page; "system" follows the OS (the sidebar: the page). */
  theme: 'system' as Theme,
  notifications: {
    /** A notification when a follow-up or review of mine falls due. */
    enabled: true,
    /** Reminders falling due in this local window wait until it ends. */
    quietHours: { enabled: false, start: '22:00', end: '08:00' },
  },
};

export type Settings = typeof SETTINGS_DEFAULTS;

export const SETTINGS_KEY = 'settings';

type Raw = Record<string, unknown>;

/**
 * Migration i turns the stored values of version i into version i + 1. Append only: a stored
 * object is brought forward by the ones after its version. Version 1 is the first stored shape.
 */
export const SETTINGS_MIGRATIONS: ((values: Raw) => Raw)[] = [];

export const SETTINGS_VERSION = 1 + SETTINGS_MIGRATIONS.length;

interface StoredSettings {
  version: number;
  values: Raw;
}

/** Brings stored settings forward and fills what is missing or malformed from the defaults. */
export function migrateSettings(stored: unknown, migrations = SETTINGS_MIGRATIONS): Settings {
  const s = (stored ?? {}) as Partial<StoredSettings>;
  let values: Raw = isObject(s.values) ? s.values : {};
  for (let v = Math.max(1, Number(s.version) || 1); v <= migrations.length; v++) {
    values = (migrations[v - 1] as (values: Raw) => Raw)(values);
  }
  return fill(SETTINGS_DEFAULTS, values) as Settings;
}

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

// A stored value is kept only when it has the default's type (and, for clock times, a valid time),
// so a hand-edited or newer-version object can never break the code reading it.
function fill(defaults: Raw, values: Raw): Raw {
  const out: Raw = {};
  for (const [key, fallback] of Object.entries(defaults)) {
    const value = values[key];
    if (isObject(fallback)) out[key] = fill(fallback, isObject(value) ? value : {});
    else if (typeof value !== typeof fallback) out[key] = fallback;
    else if (key === 'start' || key === 'end') out[key] = isClockTime(value as string) ? value : fallback;
    else if (key === 'theme') out[key] = THEMES.includes(value as Theme) ? value : fallback;
    else out[key] = value;
  }
  return out;
}

export async function loadSettings(): Promise<Settings> {
  const got = await api.storage.local.get(SETTINGS_KEY);
  return migrateSettings(got[SETTINGS_KEY]);
}

/** Stores the whole settings object under the current version. */
export async function saveSettings(settings: Settings): Promise<void> {
  const stored: StoredSettings = { version: SETTINGS_VERSION, values: settings as unknown as Raw };
  await api.storage.local.set({ [SETTINGS_KEY]: stored });
}

/** Runs `listener` with the new settings whenever any context saves them. Returns the unsubscribe. */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes)
      listener(migrateSettings(changes[SETTINGS_KEY]?.newValue));
  };
  api.storage.onChanged.addListener(handler);
  return () => api.storage.onChanged.removeListener(handler);
}
