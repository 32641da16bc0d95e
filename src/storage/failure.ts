// Whether an error means the browser did not store a change (a full disk, a failing database),
// as opposed to a domain refusal ("a decision needs a title"), which its form shows where it was made.
import Dexie from 'dexie';
import { WriteError } from './write';

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
