// The popup's clock: the current time, moved on at each minute so relative dates, the groups
// and the crossing of local midnight follow while the popup stays open.
import { useEffect, useState } from 'preact/hooks';

export function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    // Re-armed each minute rather than an interval, so a suspended laptop catches up at once.
    const timer = setTimeout(() => setNow(new Date()), 60_000 - (now.getTime() % 60_000));
    return () => clearTimeout(timer);
  }, [now]);
  return now;
}
