// Saving as you type: a local draft that follows the stored value, written after a short pause in
// typing and flushed at once on blur, unmount, pagehide and when the page is hidden — so closing the
// sidebar or navigating the tab loses nothing.
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../ui/actions';

export const SAVE_DELAY_MS = 400;

export interface Autosave<T> {
  value: T;
  /** Changes the draft and schedules a save. */
  set: (next: T) => void;
  /** Saves a pending change now. */
  flush: () => Promise<void>;
  /** The last save's error (a locked field, a full disk), or ''. */
  error: string;
}

export function useAutosave<T>(
  stored: T,
  save: (value: T) => Promise<void>,
  delay = SAVE_DELAY_MS,
): Autosave<T> {
  const [value, setValue] = useState(stored);
  const [error, setError] = useState('');
  const pending = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;
  const storedKey = JSON.stringify(stored);

  // Follow the store (another tab, a sync, an undo) unless this draft has unsaved typing.
  useEffect(() => {
    if (!pending.current) setValue(stored);
  }, [storedKey]);

  const flush = useRef(async () => {
    clearTimeout(timer.current);
    const next = pending.current;
    if (!next) return;
    pending.current = null;
    try {
      await saveRef.current(next.value);
      setError('');
    } catch (e) {
      setError(errorText(e));
    }
  }).current;

  useEffect(() => {
    const now = () => void flush();
    const onVisibility = () => document.visibilityState === 'hidden' && now();
    window.addEventListener('pagehide', now);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', now);
      document.removeEventListener('visibilitychange', onVisibility);
      now();
    };
  }, []);

  const set = (next: T) => {
    setValue(next);
    pending.current = { value: next };
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), delay);
  };

  return { value, set, flush, error };
}
