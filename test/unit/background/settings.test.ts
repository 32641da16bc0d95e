// Settings: defaults fill what is missing, malformed values fall back, migrations run in order.
import { describe, expect, it, vi } from 'vitest';
import { migrateSettings, SETTINGS_DEFAULTS } from '../../../src/storage/settings';

// Pure functions only; saving and change events are exercised by due-events.test.ts.
vi.mock('../../../src/messaging/browser-api', () => ({ api: {} }));

describe('migrateSettings', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(migrateSettings(undefined)).toEqual(SETTINGS_DEFAULTS);
  });

  it('keeps stored values of the right type and drops the rest', () => {
    const stored = {
      version: 1,
      values: {
        notifications: { enabled: false, quietHours: { enabled: 'yes', start: '23:15', end: '7am' } },
        unknown: 1,
      },
    };
    expect(migrateSettings(stored)).toEqual({
      theme: 'system',
      notifications: { enabled: false, quietHours: { enabled: false, start: '23:15', end: '08:00' } },
    });
  });

  it('runs the migrations after the stored version, in order', () => {
    const migrations = [
      (v: Record<string, unknown>) => ({ notifications: { enabled: v.notify } }),
      (v: Record<string, unknown>) => ({
        ...v,
        notifications: { ...(v.notifications as object), quietHours: { enabled: true } },
      }),
    ];
    expect(migrateSettings({ version: 1, values: { notify: false } }, migrations).notifications).toEqual({
      enabled: false,
      quietHours: { enabled: true, start: '22:00', end: '08:00' },
    });
    // Already at version 2: only the second runs.
    expect(
      migrateSettings({ version: 2, values: { notifications: { enabled: false } } }, migrations).notifications
        .quietHours.enabled,
    ).toBe(true);
  });
});
