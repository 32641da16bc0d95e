// What sync is doing, as pages show it: the status record and its one line ("Synced 12 s ago",
// "Offline — 3 changes waiting"). Pure, so the sidebar shows it without the database in its bundle.

export interface SyncStatus {
  state: 'disconnected' | 'syncing' | 'synced' | 'offline' | 'error';
  lastSyncAt: string | null;
  /** The newest workspace sequence number this device has pulled. */
  seq: number;
  message: string | null;
  failures: number;
  /** Not before this time (ISO) unless a person asks: the backoff after errors. */
  retryAt: string | null;
  /** Changes the server refused for good, kept on this device (src/sync/refused.ts). */
  refused?: number;
  /** The server's reason for the newest of them. */
  refusedReason?: string | null;
  /** Pulled changes this version cannot read yet, kept in quarantine until an update. */
  quarantined?: number;
}

export const STATUS_KEY = 'sync:status';
export const IDLE: SyncStatus = {
  state: 'disconnected',
  lastSyncAt: null,
  seq: 0,
  message: null,
  failures: 0,
  retryAt: null,
};

/** Exponential backoff with jitter: 2 s, 4 s, 8 s … capped at 5 minutes, each ±50 %. */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(5 * 60_000, 2000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.5 + random()));
}

/** The one line pages show, e.g. "Synced 12 s ago" or "Offline — 3 changes waiting". */
export function describeStatus(status: SyncStatus, pending: number, now: Date = new Date()): string {
  const line = statusLine(status, pending, now);
  const kept = status.state === 'disconnected' ? 0 : (status.quarantined ?? 0);
  const quarantined = kept
    ? ` — ${kept} change${kept === 1 ? '' : 's'} from a newer version wait${kept === 1 ? 's' : ''} for an update`
    : '';
  const n = status.refused ?? 0;
  const refused = n
    ? ` — ${n} change${n === 1 ? '' : 's'} refused by the server, kept on this device${status.refusedReason ? ` (${status.refusedReason})` : ''}`
    : '';
  return line + quarantined + refused;
}

function statusLine(status: SyncStatus, pending: number, now: Date): string {
  const waiting = pending ? ` — ${pending} change${pending === 1 ? '' : 's'} waiting` : '';
  switch (status.state) {
    case 'disconnected':
      return 'Not syncing — this browser only';
    case 'syncing':
      return `Syncing…${waiting}`;
    case 'offline':
      return `Offline${waiting}`;
    case 'error':
      return `${status.message ?? 'Sync failed'}${waiting}`;
    case 'synced': {
      const seconds = status.lastSyncAt
        ? Math.max(0, Math.round((now.getTime() - Date.parse(status.lastSyncAt)) / 1000))
        : 0;
      const ago =
        seconds < 60
          ? `${seconds} s`
          : seconds < 3600
            ? `${Math.round(seconds / 60)} min`
            : `${Math.round(seconds / 3600)} h`;
      return pending ? `Synced ${ago} ago${waiting}` : `Synced ${ago} ago`;
    }
  }
}
