// The log's data, live. On a plain view (newest first, nothing filtered) a large log first shows
// its newest decisions from a small read, then everything; a filtered view waits for everything,
// so it never shows a partial answer as if it were the whole one.
import { useEffect, useState } from 'preact/hooks';
import type { LogData } from '../core/log';
import { database } from '../storage/db';
import { useLive } from '../ui/use-live';
import { loadLog, loadRecent } from './load';

/** Enough rows to fill a tall window twice. */
export const PREVIEW_SIZE = 60;

export interface LogDataState {
  data: LogData | null;
  /** False while only the newest decisions are shown. */
  complete: boolean;
}

export function useLogData(quickStart: boolean): LogDataState {
  const [preview, setPreview] = useState<LogData | null>(null);
  const [started, setStarted] = useState(!quickStart);
  useEffect(() => {
    if (!quickStart) return;
    let mounted = true;
    loadRecent(database(), PREVIEW_SIZE)
      .then((d) => mounted && setPreview(d))
      .catch((error) => console.warn('Decidedly: the quick first read failed', error))
      // The full read starts after the small one, so it does not hold the first rows back.
      .finally(() => mounted && setStarted(true));
    return () => {
      mounted = false;
    };
  }, []);
  const full = useLive(
    async () => {
      if (!started) return null;
      const data = await loadLog(database());
      // For the benchmark: how much of the first full render is reading, not deriving and drawing.
      if (!performance.getEntriesByName('decidedly:log:loaded').length)
        performance.mark('decidedly:log:loaded');
      return data;
    },
    [started],
    null,
  );
  return { data: full ?? preview, complete: full !== null };
}
