// Preact binding of Dexie's liveQuery: a page re-renders whenever the rows it read change, in
// this context or any other (Dexie broadcasts writes across the extension's contexts).
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export function useLive<T>(query: () => Promise<T> | T, deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error) => console.error('Decidedly: a live query failed', error),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
