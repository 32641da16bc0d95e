// The last change that could not be stored (a full disk, a failing database), kept for the page
// so SaveErrorBanner can say what was lost and offer a backup. Domain refusals ("a decision
// needs a title") are not storage failures: their forms show them where they were made.

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

/**
 * How this page tells a storage failure. Pages with the database use storage/failure.ts (Dexie's
 * and our write errors; set by local-data.ts); the sidebar's errors come from the background with
 * the verdict attached, so it needs neither Dexie nor the write path in its bundle.
 */
interface FailureTest {
  storage(error: unknown): boolean;
  quota(error: unknown): boolean;
}
interface Relayed {
  storageFailure?: boolean;
  quotaFailure?: boolean;
}
let failureTest: FailureTest = {
  storage: (error) => (error as Relayed | null)?.storageFailure === true,
  quota: (error) => (error as Relayed | null)?.quotaFailure === true,
};

export function setFailureTest(next: FailureTest): void {
  failureTest = next;
}

/** Records `error` when it is a storage failure. Returns whether it was recorded. */
export function recordSaveError(error: unknown, what?: string, now = new Date()): boolean {
  if (!failureTest.storage(error)) return false;
  const quota = failureTest.quota(error);
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
