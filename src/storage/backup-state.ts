// What the backup reminder knows, in storage.local (every context reads it; it is about this
// browser, never synced): whether it is on, when a full backup was last exported, when the last
// reminder was shown, and since when this browser has been keeping decisions.
import { api } from '../messaging/browser-api';

export const BACKUP_KEY = 'backup';

export interface BackupState {
  /** A weekly reminder to export a backup while not syncing. */
  reminder: boolean;
  lastExportAt: string | null;
  lastReminderAt: string | null;
  /** The install (or first check): a reminder waits a week from here. */
  since: string | null;
}

export const BACKUP_DEFAULTS: BackupState = {
  reminder: true,
  lastExportAt: null,
  lastReminderAt: null,
  since: null,
};

const isIso = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** The stored state, with anything missing or malformed taken from the defaults. */
export async function loadBackupState(): Promise<BackupState> {
  const raw = ((await api.storage.local.get(BACKUP_KEY))[BACKUP_KEY] ?? {}) as Record<string, unknown>;
  return {
    reminder: typeof raw.reminder === 'boolean' ? raw.reminder : BACKUP_DEFAULTS.reminder,
    lastExportAt: isIso(raw.lastExportAt) ? raw.lastExportAt : null,
    lastReminderAt: isIso(raw.lastReminderAt) ? raw.lastReminderAt : null,
    since: isIso(raw.since) ? raw.since : null,
  };
}

export async function updateBackupState(patch: Partial<BackupState>): Promise<BackupState> {
  const next = { ...(await loadBackupState()), ...patch };
  await api.storage.local.set({ [BACKUP_KEY]: next });
  return next;
}

/** Records that a full backup was just exported. */
export function markBackupExported(at = new Date()): Promise<BackupState> {
  return updateBackupState({ lastExportAt: at.toISOString() });
}

/** Runs `listener` whenever any context changes the state. Returns the unsubscribe. */
export function onBackupStateChanged(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && BACKUP_KEY in changes) listener();
  };
  api.storage.onChanged.addListener(handler);
  return () => api.storage.onChanged.removeListener(handler);
}
