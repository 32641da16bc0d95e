// The popup's live read: who "me" is and the due list for the chosen scope, in one query re-run
// whenever the rows behind it change (in any context) or the minute moves on. Until it first
// answers, the first screen the service worker keeps (storage/due-snapshot.ts) is shown, read in
// one request. Both times are recorded as performance measures, which the benchmark reads.
import { useEffect, useState } from 'preact/hooks';
import { database } from '../storage/db';
import { type DueList, dueList, FIRST_SCREEN, GROUPS, type GroupName } from '../storage/due-list';
import { resolveMe } from '../storage/due-query';
import { readDueSnapshot } from '../storage/due-snapshot';
import { useLive } from '../ui/use-live';
import type { Scope } from './ScopeSwitch';

export interface Me {
  id: string;
  name: string;
}

export interface DueView {
  me: Me | null;
  /** The scope shown: "mine" only when "me" is set. */
  scope: Scope;
  list: DueList;
}

export const DUE_QUERY_MEASURE = 'decidedly:due-query';
export const DUE_SNAPSHOT_MEASURE = 'decidedly:due-snapshot';

const firstScreen = (chosen: Scope | null, show: Record<GroupName, number>) =>
  chosen === null && GROUPS.every((g) => show[g] === FIRST_SCREEN[g]);

/** The list, or null before the first read. `chosen` null means the default: mine when set. */
export function useDue(
  now: Date,
  timeZone: string,
  chosen: Scope | null,
  show: Record<GroupName, number>,
): DueView | null {
  const [kept, setKept] = useState<DueView | null>(null);
  useEffect(() => {
    const start = performance.now();
    readDueSnapshot(Date.now(), timeZone).then(
      (snapshot) => {
        performance.measure(DUE_SNAPSHOT_MEASURE, { start, end: performance.now() });
        if (snapshot) setKept({ me: snapshot.me, scope: snapshot.scope, list: snapshot.list });
      },
      () => {}, // No snapshot: the live query shows the list.
    );
  }, [timeZone]);
  const live = useLive<DueView | null>(
    async () => {
      const db = database();
      const id = await resolveMe(db);
      const person = id ? await db.stakeholders.get(id) : undefined;
      const me = id && person ? { id, name: person.name } : null;
      const scope: Scope = me && chosen !== 'everyone' ? 'mine' : 'everyone';
      const start = performance.now();
      const list = await dueList(db, { now, timeZone, me: scope === 'mine' ? (me?.id ?? null) : null, show });
      performance.measure(DUE_QUERY_MEASURE, { start, end: performance.now() });
      return { me, scope, list };
    },
    [now.getTime(), timeZone, chosen, show],
    null,
  );
  return live ?? (kept && firstScreen(chosen, show) ? kept : null);
}
