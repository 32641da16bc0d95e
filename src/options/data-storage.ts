// How safe this browser's copy is: how much it uses, whether the browser may clear it under
// storage pressure, and asking for persistence (Window-only, so it is asked from this page).
import { api } from '../messaging/browser-api';

export interface StorageHealth {
  usage: number | null;
  quota: number | null;
  /** The browser says the storage is persistent (`navigator.storage.persisted()`). */
  persisted: boolean;
  /** The extension holds `unlimitedStorage`, which Chromium's eviction skips. */
  unlimited: boolean;
}

/** Asks for persistent storage when it is not granted yet, then reports. Never throws. */
export async function storageHealth(): Promise<StorageHealth> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  let persisted = (await storage?.persisted?.().catch(() => false)) ?? false;
  if (!persisted) persisted = (await storage?.persist?.().catch(() => false)) ?? false;
  const estimate = await storage?.estimate?.().catch(() => undefined);
  const unlimited = await Promise.resolve(
    api.permissions?.contains({ permissions: ['unlimitedStorage'] }),
  ).catch(() => false);
  return {
    usage: estimate?.usage ?? null,
    quota: estimate?.quota ?? null,
    persisted,
    unlimited: unlimited === true,
  };
}

/** "812 bytes", "14.2 KB", "3.1 MB", "78 GB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let n = bytes;
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i += 1;
  }
  return i === 0 ? `${n} bytes` : `${n >= 100 ? Math.round(n) : Math.round(n * 10) / 10} ${units[i]}`;
}

/** Whether the browser may clear the data, in words. */
export function persistenceText(h: Pick<StorageHealth, 'persisted' | 'unlimited'>): string {
  if (h.persisted) return 'Storage is persistent: the browser will not clear it to free space.';
  if (h.unlimited)
    return 'Storage is protected: the browser does not mark extension storage “persistent”, but Decidedly’s unlimited-storage permission keeps it from being cleared to free space.';
  return 'Storage is not persistent: the browser may clear it when the disk is nearly full. Download backups regularly.';
}
