// One sync pass at a time. Web Locks span the service worker and every extension page; where
// they are missing (Node tests, old browsers) an in-process queue gives the same order.
type LockManager = { request<T>(name: string, fn: () => Promise<T>): Promise<T> };

const NAME = 'decidedly-sync';
let tail: Promise<unknown> = Promise.resolve();

export function withSyncLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (locks) return locks.request(NAME, fn);
  const run = tail.then(fn, fn);
  tail = run.catch(() => {});
  return run;
}
