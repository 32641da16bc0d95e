// Cooperative scheduling for anchoring passes: give the page's own work a turn between chunks, and
// notice when the page re-rendered meanwhile.
import { UI_ATTRIBUTE } from './visibility';

type Scheduler = { yield?: () => Promise<void> };

/** Resolves in a later task. `scheduler.yield()` keeps our place at the front of the queue where it
 * exists; a MessageChannel message avoids the 4 ms clamp nested `setTimeout(0)` calls get. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Reports whether page text under `root` may have changed since the last call. Changes inside
 * Decidedly's own UI do not count. `stop()` disconnects. */
export function watchText(root: Element): { changed(): boolean; stop(): void } {
  const Observer = root.ownerDocument.defaultView?.MutationObserver;
  if (typeof Observer !== 'function') return { changed: () => false, stop: () => {} };
  let dirty = false;
  const relevant = (records: MutationRecord[]): boolean =>
    records.some((record) => {
      const target = record.target.nodeType === 1 ? (record.target as Element) : record.target.parentElement;
      return !target?.closest(`[${UI_ATTRIBUTE}]`);
    });
  const observer = new Observer((records) => {
    dirty ||= relevant(records);
  });
  observer.observe(root, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    // Attributes that can hide or show text; others (aria-*, data-*) change far more often and rarely do.
    attributeFilter: ['class', 'style', 'hidden'],
  });
  return {
    changed() {
      const result = dirty || relevant(observer.takeRecords());
      dirty = false;
      return result;
    },
    stop: () => observer.disconnect(),
  };
}
