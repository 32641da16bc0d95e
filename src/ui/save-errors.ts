// The last change that could not be stored (a full disk, a failing database), kept for the page
// so SaveErrorBanner can say what was lost and offer a backup. Domain refusals ("a decision
// needs a title") are not storage failures: their forms show them where they were made.
import Dexie from 'dexie';
import { WriteError } from '../storage/write';

export interface SaveError {
  /** What was not saved, in words ("the rationale of “Use Postgres”"), or a general phrase. */
  what: string;
  message: string;
  /** The disk is full: exporting and freeing space is the way out. */
  quota: boolean;
  at: string;
}

let last: SaveError | null = null;
const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};

/** An error relayed from the background (a frame's write over its port) carries its verdict. */
interface Relayed {
  storageFailure?: boolean;
  quotaFailure?: boolean;
}

/** True when `error` means the browser did not store the change. */
export function isStorageFailure(error: unknown): boolean {
  const relayed = (error as Relayed | null)?.storageFailure;
  if (typeof relayed === 'boolean') return relayed;
  if (error instanceof WriteError) return error.code === 'quota' || error.code === 'failed';
  return (
    error instanceof Dexie.DexieError ||
    (typeof DOMException !== 'undefined' && error instanceof DOMException)
  );
}

export const isQuotaFailure = (error: unknown): boolean =>
  (error as Relayed | null)?.quotaFailure === true ||
  (error instanceof WriteError && error.code === 'quota') ||
  [(error as { name?: string })?.name, (error as { inner?: { name?: string } })?.inner?.name].includes(
    'QuotaExceededError',
  );

/** Records `error` when it is a storage failure. Returns whether it was recorded. */
export function recordSaveError(error: unknown, what?: string, now = new Date()): boolean {
  if (!isStorageFailure(error)) return false;
  const quota = isQuotaFailure(error);
  last = {
    what: what?.trim() || 'Your last change',
    message: quota
      ? 'The browser refused to store more data: the disk or the browser’s storage is full.'
      : `The browser could not store it (${error instanceof Error ? error.message : String(error)}).`,
    quota,
    at: now.toISOString(),
  };
  notify();
  return true;
}

export function lastSaveError(): SaveError | null {
  return last;
}

export function clearSaveError(): void {
  last = null;
  notify();
}

/** Runs `listener` whenever the last save error changes. Returns the unsubscribe. */
export function onSaveErrorChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
